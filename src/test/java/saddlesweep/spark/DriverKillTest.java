package saddlesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver killed with SIGKILL mid-sweep, as a real child process started through {@code ./submit.sh}:
 * once right after its first committed chunk, once with four chunks in flight just after one of them was
 * committed (the others computing, or waiting for a slot). The reruns complete the grid with every task_id
 * exactly once, and the tables equal those of the fixture's undisturbed sweep of the same grid (in this JVM,
 * chunks of 5 instead of 2).
 */
class DriverKillTest {

    private static final String NAME = "killme";
    /** The fixture's grid: 2 hidden × 2 data seeds × 3 init seeds = 12 tasks, here in chunks of 2. */
    private static final long TASKS = SweepFixture.TASKS;
    private static final int CHUNK = 2;

    @TempDir
    Path dir;

    private static String job() {
        return SweepFixture.jobYaml(NAME, 0.01).replace("chunk_size: 5", "chunk_size: " + CHUNK);
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void killedDriverLosesAtMostAChunkAndRerunsCompleteTheGridExactlyOnce() throws Exception {
        Files.writeString(dir.resolve("job.yaml"), job());
        Path commits = dir.resolve("out/_sweeps/" + NAME + "/commits");

        // 1. killed right after its first chunk is committed
        Process first = Launcher.start(dir, dir.resolve("run1"), Map.of(), "--master", "local[2]", "sweep", "job.yaml", "--out", "out");
        try {
            waitFor(() -> SweepFixture.markers(commits) >= 1, first, 180);
        } finally {
            Launcher.kill9(first);
        }
        int afterFirst = SweepFixture.markers(commits);
        assertTrue(afterFirst >= 1 && afterFirst < TASKS / CHUNK, "committed chunks after the first kill: " + afterFirst);

        // 2. resumed, then killed in the middle of a later chunk
        Process second = Launcher.start(dir, dir.resolve("run2"), Map.of(), "--master", "local[2]", "sweep", "job.yaml",
                "--out", "out", "--in-flight", "4");
        try {
            waitFor(() -> SweepFixture.markers(commits) >= afterFirst + 1, second, 180);
            Thread.sleep(100);
        } finally {
            Launcher.kill9(second);
        }
        int afterSecond = SweepFixture.markers(commits);
        assertTrue(afterSecond > afterFirst, "the second driver committed nothing");
        String err2 = Launcher.read(dir.resolve("run2"), ".err");
        assertTrue(err2.contains("resuming, " + CHUNK * afterFirst + "/" + TASKS), err2);
        assertTrue(err2.contains("(chunks of 2, 4 in flight, 2 executor slots, shuffled order)"), err2);

        // 3. the rerun completes the grid
        Launcher.Result third = Launcher.run(dir, "run3", 300, "--master", "local[2]", "sweep", "job.yaml", "--out", "out");
        assertEquals(0, third.exit(), third.stderr());
        assertTrue(third.stderr().contains("complete, " + TASKS + "/" + TASKS + " runs, " + (TASKS - (long) CHUNK * afterSecond) + " computed"), third.stderr());

        // 4. the undisturbed reference: the same grid swept in this JVM with chunks of 5
        SparkSession spark = TestSpark.session();
        List<Row> ids = spark.read().parquet(dir.resolve("out/runs").toString()).select("task_id").collectAsList();
        assertEquals(TASKS, ids.size());
        assertEquals(TASKS, new HashSet<>(ids).size(), "a task_id appears twice");
        for (ResultTable t : ResultTable.values()) {
            assertEquals(SweepFixture.reference(spark).get(t), SweepFixture.rows(spark, dir.resolve("out"), t, NAME),
                    t.dirName() + " differs from the undisturbed sweep");
        }
        assertFalse(SweepFixture.rows(spark, dir.resolve("out"), ResultTable.TRAJECTORY, NAME).isEmpty());
    }

    private static void waitFor(BooleanSupplier condition, Process p, long seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (!p.isAlive()) throw new AssertionError("the driver ended (exit " + p.exitValue() + ") before the kill point");
            if (System.nanoTime() > end) throw new AssertionError("kill point not reached in " + seconds + " s");
            Thread.sleep(20);
        }
    }
}
