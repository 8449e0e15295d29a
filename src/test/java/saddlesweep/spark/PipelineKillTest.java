package saddlesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver killed with SIGKILL (a real child process through {@code ./submit.sh}) while four chunks of one
 * task are in flight: the rerun computes exactly the tasks without a marker, every task_id once, and the tables
 * equal an undisturbed sweep's.
 */
class PipelineKillTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void aDriverKilledWithChunksInFlightLosesOnlyThoseAndTheRerunCompletesTheGridOnce() throws Exception {
        Path job = SweepFixture.writeJob(dir, "tiny", 0.01);
        Path commits = dir.resolve("out/_sweeps/tiny/commits");
        Process first = Launcher.start(dir, dir.resolve("run1"), Map.of(), "--master", "local[2]", "sweep",
                job.toString(), "--out", "out", "--chunk-size", "1", "--in-flight", "4");
        try {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (SweepFixture.markers(commits) < 2) {
                if (!first.isAlive()) throw new AssertionError("the driver ended before the kill: " + Launcher.read(dir.resolve("run1"), ".err"));
                if (System.nanoTime() > end) throw new AssertionError("no commit in 180 s");
                Thread.sleep(10);
            }
        } finally {
            Launcher.kill9(first);
        }
        int committed = SweepFixture.markers(commits);
        String err1 = Launcher.read(dir.resolve("run1"), ".err");
        assertTrue(err1.contains("12 runs (chunks of 1, 4 in flight, 2 executor slots, shuffled order)"), err1);
        assertTrue(committed >= 2 && committed < 12, "committed before the kill: " + committed);

        Launcher.Result rerun = Launcher.run(dir, "run2", 300, "--master", "local[2]", "sweep", job.toString(), "--out", "out");
        assertEquals(0, rerun.exit(), rerun.stderr());
        assertTrue(rerun.stderr().contains("resuming, " + committed + "/12 runs already committed, " + (12 - committed) + " to go"),
                rerun.stderr());
        assertTrue(rerun.stderr().contains("complete, 12/12 runs, " + (12 - committed) + " computed"), rerun.stderr());
        assertTrue(rerun.stdout().contains("executor slots busy"), rerun.stdout());

        SparkSession spark = TestSpark.session();
        List<Row> ids = spark.read().parquet(dir.resolve("out/runs").toString()).select("task_id").collectAsList();
        assertEquals(12, ids.size());
        assertEquals(12, new HashSet<>(ids).size(), "a task_id appears twice");
        Map<ResultTable, List<String>> ref = SweepFixture.reference(spark);
        for (ResultTable t : ResultTable.values()) {
            assertEquals(ref.get(t), SweepFixture.rows(spark, dir.resolve("out"), t, "tiny"), t.dirName());
        }
    }
}
