package saddlesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./submit.sh}: one copy of the JVM flags, and exit status 2 surviving SparkSubmit. */
class SubmitScriptTest {

    @TempDir
    Path dir;

    @Test
    void jvmFlagsAreTheSameInThePomTheFlagsFileAndSparkDefaults() throws Exception {
        String pom = Files.readString(Launcher.PROJECT.resolve("pom.xml"));
        Matcher m = Pattern.compile("<jvm.flags>(.*?)</jvm.flags>", Pattern.DOTALL).matcher(pom);
        assertTrue(m.find());
        String flags = m.group(1).trim();
        assertEquals(flags, Files.readString(Launcher.PROJECT.resolve("conf/jvm-flags")).trim());
        List<String> defaults = Files.readAllLines(Launcher.PROJECT.resolve("conf/spark-defaults.conf"));
        for (String key : List.of("spark.driver.extraJavaOptions", "spark.executor.extraJavaOptions")) {
            String line = defaults.stream().filter(l -> l.startsWith(key)).findFirst().orElseThrow();
            assertEquals(flags, line.substring(key.length()).trim(), key);
        }
    }

    @Test
    void badJobThroughSparkSubmitExitsTwoWithOneLine() throws Exception {
        Path job = dir.resolve("bad.yaml");
        Files.writeString(job, SweepFixture.jobYaml("bad", 0.01).replace("sigma2: [0.01]", "sigma2: [-1]"));
        Launcher.Result r = Launcher.run(dir, "bad", 180, "--master", "local[1]", "--conf", "spark.ui.enabled=false",
                "sweep", "bad.yaml", "--out", "out");
        assertEquals(2, r.exit(), r.stderr());
        assertEquals(1, r.errorLines().size(), r.stderr());
        assertTrue(r.errorLines().get(0).startsWith("error: ") && r.errorLines().get(0).contains("sigma2"), r.stderr());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void unknownSubcommandOrDanglingSparkOptionExitTwo() {
        Launcher.Result r = Launcher.run(dir, "unknown", 60, "sweeep", "x.yaml");
        assertEquals(2, r.exit());
        assertEquals(1, r.errorLines().size(), r.stderr());
        assertTrue(r.errorLines().get(0).contains("sweeep"));
        Launcher.Result dangling = Launcher.run(dir, "dangling", 60, "--master");
        assertEquals(2, dangling.exit());
    }
}
