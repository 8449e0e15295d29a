package saddlesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import saddlesweep.error.UserError;

/** One driver per sweep: the lock file, its heartbeat, stale locks, and a second real driver refused. */
class SweepLockTest {

    @TempDir
    Path dir;

    private ResultsRoot root() throws IOException {
        return new ResultsRoot(dir.resolve("out").toString(), new Configuration());
    }

    private Path lockFile() {
        return dir.resolve("out/_locks/s.lock");
    }

    @Test
    void secondDriverIsRefusedUntilTheFirstReleasesAndTheHeartbeatKeepsTheLockFresh() throws Exception {
        ResultsRoot root = root();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (SweepLock lock = SweepLock.acquire(root, "s", quiet, Duration.ofMillis(50), Duration.ofSeconds(60))) {
            String text = Files.readString(lockFile());
            assertTrue(text.contains("pid=" + ProcessHandle.current().pid()), text);

            FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
            Files.setLastModifiedTime(lockFile(), old);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (Files.getLastModifiedTime(lockFile()).equals(old) && System.nanoTime() < end) Thread.sleep(20);
            long age = System.currentTimeMillis() - Files.getLastModifiedTime(lockFile()).toMillis();
            assertTrue(age < 60_000, "the heartbeat did not renew the lock: " + age + " ms old");

            UserError e = assertThrows(UserError.class, () -> SweepLock.acquire(root, "s", quiet));
            assertTrue(e.getMessage().contains("another driver") && e.getMessage().contains("pid "
                    + ProcessHandle.current().pid()), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
            assertEquals(text, Files.readString(lockFile()), "a refused driver changed the lock");
        }
        assertFalse(Files.exists(lockFile()), "close removes the lock");
        SweepLock.acquire(root, "s", quiet).close();
    }

    @Test
    void staleLocksAreTakenOverAndLiveOnesAreNot() throws Exception {
        ResultsRoot root = root();
        Files.createDirectories(lockFile().getParent());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(log, true, StandardCharsets.UTF_8);

        // a driver of this host whose process is gone: taken over at once, whatever its heartbeat
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(lockFile(), new SweepLock.Holder(SweepLock.Holder.hostName(), gone.pid(), 1).toText());
        SweepLock.acquire(root, "s", console).close();
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("no process " + gone.pid()), log.toString(StandardCharsets.UTF_8));

        // a driver on another host: live while its heartbeat is recent, stale after staleAfter
        String elsewhere = new SweepLock.Holder("elsewhere.invalid", 4242, 1).toText();
        Files.writeString(lockFile(), elsewhere);
        assertThrows(UserError.class, () -> SweepLock.acquire(root, "s", console, Duration.ofSeconds(10), Duration.ofSeconds(60)));
        assertEquals(elsewhere, Files.readString(lockFile()));
        Files.setLastModifiedTime(lockFile(), FileTime.fromMillis(System.currentTimeMillis() - 120_000));
        SweepLock.acquire(root, "s", console, Duration.ofSeconds(10), Duration.ofSeconds(60)).close();
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("no heartbeat for 1"), log.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(lockFile()));
    }

    @Test
    void holderTextRoundTripsAndToleratesGarbage() {
        SweepLock.Holder h = new SweepLock.Holder("node-7", 123, 456);
        assertEquals(h, SweepLock.Holder.parse(h.toText()));
        SweepLock.Holder g = SweepLock.Holder.parse("pid=x\nnonsense\n");
        assertEquals(-1, g.pid());
        assertEquals("unknown", g.host());
    }

    /**
     * A real driver (a child started through submit.sh) runs the sweep: the same sweep started meanwhile in
     * this JVM ends with one line and exit 2; after the child is killed with SIGKILL, the next start takes its
     * lock over at once and completes the grid with each task once.
     */
    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void aRunningDriverKeepsASecondOneOutAndAKilledOneDoesNot() throws Exception {
        // every run goes to max_steps (no tolerance, no polish): about 0.5 s each, so the child is busy for seconds;
        // 4 tasks (one init seed), since the rerun here computes all that the child did not commit
        String job = SweepFixture.jobYaml("locked", 0.01)
                .replace("max_steps: 2000, tail: gd}", "max_steps: 5000000, grad_tol: 0.0, polish: false, tail: gd}")
                .replace("init_seed: {from: 1, count: 3}", "init_seed: {from: 1, count: 1}")
                .replace("chunk_size: 5", "chunk_size: 2");
        assertTrue(job.contains("polish: false") && job.contains("count: 1}"), job);
        TestSpark.session();                                   // started before the child, so the check below is quick
        Files.writeString(dir.resolve("job.yaml"), job);
        Path out = dir.resolve("out");
        Path lock = out.resolve("_locks/locked.lock");
        Process first = Launcher.start(dir, dir.resolve("first"), Map.of(), "--master", "local[1]", "sweep", "job.yaml",
                "--out", "out");
        try {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!Files.exists(lock)) {
                assertTrue(first.isAlive(), "the first driver ended early: " + Launcher.read(dir.resolve("first"), ".err"));
                assertTrue(System.nanoTime() < end, "the first driver never took the lock");
                Thread.sleep(20);
            }
            CliCapture.Result busy = CliCapture.run("sweep", dir.resolve("job.yaml").toString(), "--out", out.toString());
            assertEquals(2, busy.exit(), busy.stderr());
            assertEquals(1, busy.errorLines().size(), busy.stderr());
            assertTrue(busy.errorLines().get(0).contains("another driver (pid " + first.pid()), busy.stderr());
            assertTrue(first.isAlive(), "the check must happen while the first driver runs");
        } finally {
            Launcher.kill9(first);
        }
        assertTrue(Files.exists(lock), "a killed driver leaves its lock behind");

        CliCapture.Result rerun = CliCapture.run("sweep", dir.resolve("job.yaml").toString(), "--out", out.toString());
        assertEquals(0, rerun.exit(), rerun.stderr());
        assertTrue(rerun.stdout().contains("taking over the lock") || rerun.stderr().contains("taking over the lock"),
                rerun.stdout() + rerun.stderr());
        assertFalse(Files.exists(lock));
        List<Row> ids = TestSpark.session().read().parquet(out.resolve("runs").toString()).select("task_id").collectAsList();
        assertEquals(4, ids.size());
        assertEquals(4, new HashSet<>(ids).size(), "a task_id appears twice");
    }
}
