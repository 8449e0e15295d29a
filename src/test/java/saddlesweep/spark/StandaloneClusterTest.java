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
 * {@code src/test/scripts/standalone-cluster.sh}: an undisturbed sweep, and one with an executor JVM killed by
 * SIGKILL mid-sweep. Both must equal, row for row, the same grid swept here in local mode.
 */
class StandaloneClusterTest {

    @TempDir
    Path dir;

    private static String job(String name) {
        return "name: " + name + "\n"
                + "teacher: {w: [1.0], v: [1.0]}\n"
                + "n: [20]\n"
                + "sigma2: [0.01]\n"
                + "hidden: [1, 2]\n"
                + "data_seed: {from: 1, count: 2}\n"
                + "init_seed: {from: 1, count: 2}\n"
                + "training: {eta: 0.05, init_scale: 0.1, max_steps: 2000, tail: gd}\n"
                + "chunk_size: 2\n";
    }

    @Test
    @Timeout(value = 11, unit = TimeUnit.MINUTES)
    void sweepsOnAClusterSurviveALostExecutorAndEqualLocalMode() throws Exception {
        Path work = dir.resolve("cluster");
        Files.createDirectories(work);
        Files.writeString(dir.resolve("cluster.yaml"), job("cluster"));
        Files.writeString(dir.resolve("cluster-kill.yaml"), job("cluster-kill"));
        ProcessBuilder pb = new ProcessBuilder("bash", Launcher.PROJECT.resolve("src/test/scripts/standalone-cluster.sh").toString(),
                work.toString(), dir.resolve("cluster.yaml").toString(), dir.resolve("cluster-kill.yaml").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("script.log").toFile());
        pb.environment().remove("SPARK_HOME");
        pb.environment().put("SADDLESWEEP_JAR", Launcher.appJar().toString());
        pb.environment().put("SADDLESWEEP_CLASSPATH", Launcher.dependencyClassPath());
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
        assertTrue(Files.readString(work.resolve("sweep2.err")).contains("Lost executor"),
                "the driver saw the executor die");

        SparkSession spark = TestSpark.session();
        Path ref = dir.resolve("local");
        Files.writeString(dir.resolve("local.yaml"), job("local"));
        SweepFixture.run(spark, ref, dir.resolve("local.yaml"), SweepOptions.defaults());
        Path out = work.resolve("out");
        for (String sweep : List.of("cluster", "cluster-kill")) {
            List<Row> ids = spark.read().parquet(out.resolve("runs").toString()).filter("sweep = '" + sweep + "'")
                    .select("task_id").collectAsList();
            assertEquals(8, ids.size(), sweep);
            assertEquals(8, new HashSet<>(ids).size(), sweep + ": a task_id appears twice");
            for (ResultTable t : ResultTable.values()) {
                assertEquals(SweepFixture.rows(spark, ref, t, "local"), SweepFixture.rows(spark, out, t, sweep),
                        sweep + ": " + t.dirName() + " differs from local mode");
            }
        }
    }
}
