package saddlesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real standalone cluster (master + two one-core workers, executors in their own JVMs) started by
 * {@code src/test/scripts/standalone-cluster.sh}: a sweep of the fixture's grid with an executor JVM killed by
 * SIGKILL after its first committed chunk (the first chunk computed by the undisturbed cluster). It must equal,
 * row for row, the same grid swept here in local mode.
 */
class StandaloneClusterTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 11, unit = TimeUnit.MINUTES)
    void aSweepOnAClusterSurvivesALostExecutorAndEqualsLocalMode() throws Exception {
        Path work = dir.resolve("cluster");
        Files.createDirectories(work);
        Files.writeString(dir.resolve("cluster-kill.yaml"), SweepFixture.jobYaml("cluster-kill", 0.01));
        ProcessBuilder pb = new ProcessBuilder("bash", Launcher.PROJECT.resolve("src/test/scripts/standalone-cluster.sh").toString(),
                work.toString(), dir.resolve("cluster-kill.yaml").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("script.log").toFile());
        pb.environment().remove("SPARK_HOME");
        pb.environment().put("SADDLESWEEP_JAR", Launcher.appJar().toString());
        pb.environment().put("SADDLESWEEP_CLASSPATH", Launcher.dependencyClassPath());
        pb.environment().put("JAVA_OPTS", Launcher.CHILD_JAVA_OPTS);
        pb.environment().put("TIMEOUT", "560");
        Process p = pb.start();
        try {
            assertTrue(p.waitFor(600, TimeUnit.SECONDS), "the cluster script did not finish");
        } finally {
            if (p.isAlive()) {
                p.destroy(); // SIGTERM: the script's trap stops master, workers and executors
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
        String log = Files.readString(dir.resolve("script.log"));
        assertEquals(0, p.exitValue(), log);
        assertTrue(log.contains("killed executor pid"), log);
        assertTrue(Files.readString(work.resolve("sweep.err")).contains("Lost executor"), "the driver saw the executor die");

        SparkSession spark = TestSpark.session();
        Path out = work.resolve("out");
        List<Row> ids = spark.read().parquet(out.resolve("runs").toString()).select("task_id").collectAsList();
        assertEquals(SweepFixture.TASKS, ids.size());
        assertEquals(SweepFixture.TASKS, new HashSet<>(ids).size(), "a task_id appears twice");
        for (ResultTable t : ResultTable.values()) {
            assertEquals(SweepFixture.reference(spark).get(t), SweepFixture.rows(spark, out, t, "cluster-kill"),
                    t.dirName() + " differs from local mode");
        }
    }
}
