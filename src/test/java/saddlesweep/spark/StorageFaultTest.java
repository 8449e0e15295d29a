package saddlesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import saddlesweep.error.StorageFault;

/**
 * The results storage failing under a running driver, for real: a full disk (a 4 MiB tmpfs filled up to a few
 * pages), a results root deleted mid-sweep, a results root remounted read-only mid-sweep. Each ends the driver
 * with one line naming the path and the problem (exit status 3 through the CLI); the committed chunks stay
 * committed and a rerun, once the storage is back, completes the grid with tables equal to an undisturbed
 * sweep's. The mounts need root; without it those tests are skipped.
 */
class StorageFaultTest {

    @TempDir
    static Path dir;
    static SparkSession spark;
    static Map<ResultTable, List<String>> ref;
    static Path jobFile;

    @BeforeAll
    static void reference() {
        spark = TestSpark.session();
        ref = SweepFixture.reference(spark);
        jobFile = SweepFixture.writeJob(dir.resolve("jobs"), "tiny", 0.01);
    }

    private static int sh(String... cmd) throws IOException, InterruptedException {
        return shell(cmd).exit();
    }

    record Shell(int exit, String output) {
    }

    private static Shell shell(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        return new Shell(p.waitFor(60, TimeUnit.SECONDS) ? p.exitValue() : -1, out);
    }

    /**
     * Remounts a bind mount read-only, retried in quick succession: mount refuses ("busy") while the sweep has a
     * file open for writing, so it must land between two writes (5 tries 100 ms apart missed that gap once in
     * four suites).
     */
    private static void remountReadOnly(Path p) throws Exception {
        Shell r = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            r = shell("mount", "-o", "remount,bind,ro", p.toString());
            if (r.exit() == 0) return;
            Thread.sleep(5);
        }
        throw new AssertionError("mount -o remount,bind,ro " + p + ": exit " + r.exit() + ": " + r.output());
    }

    private static int markers(Path root) {
        return SweepFixture.markers(root.resolve("_sweeps/tiny/commits"));
    }

    private static void assertSameAsReference(Path root) {
        for (ResultTable t : ResultTable.values()) {
            assertEquals(ref.get(t), SweepFixture.rows(spark, root, t, "tiny"), t.dirName() + " differs after the rerun");
        }
    }

    /** Each task takes at least 300 ms, so that a fault can be made while later chunks are still computing. */
    private static RunTask slow() {
        return c -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return RunTask.PIPELINE.run(c);
        };
    }

    /** Runs the sweep on another thread and makes the fault once the first chunk is committed. */
    private static StorageFault faultAfterFirstCommit(Path out, FaultMaker fault) throws Exception {
        CompletableFuture<SweepOutcome> sweep = CompletableFuture.supplyAsync(() -> SweepFixture.run(spark, out, jobFile,
                SweepOptions.defaults().withChunkSize(1).withInFlight(2), slow(), new ByteArrayOutputStream()));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (markers(out) < 1 && !sweep.isDone() && System.nanoTime() < end) Thread.sleep(5);
        assertTrue(markers(out) >= 1 && !sweep.isDone(), "the sweep ended before the fault could be made");
        fault.make();
        Throwable t = assertThrows(Exception.class, sweep::join);
        while (t.getCause() != null && !(t instanceof StorageFault)) t = t.getCause();
        assertTrue(t instanceof StorageFault, "not a storage fault: " + t);
        assertTrue(!t.getMessage().contains("\n"), t.getMessage());
        return (StorageFault) t;
    }

    @FunctionalInterface
    interface FaultMaker {
        void make() throws Exception;
    }

    @Test
    void aFullDiskEndsWithOneLineExit3AndARerunCompletes() throws Exception {
        Path disk = dir.resolve("disk");
        Files.createDirectories(disk);
        assumeTrue(sh("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", disk.toString()) == 0, "cannot mount a tmpfs here");
        try {
            Path filler = disk.resolve("filler");
            long free = Files.getFileStore(disk).getUsableSpace();
            Files.write(filler, new byte[(int) (free - 96 * 1024)]);   // leave room for the definition and a chunk or two
            Path out = disk.resolve("out");
            CliCapture.Result r = CliCapture.run("sweep", jobFile.toString(), "--out", out.toString(), "--chunk-size", "2");
            assertEquals(3, r.exit(), r.stderr());
            List<String> errors = r.errorLines().stream().filter(l -> l.startsWith("error:")).toList();
            assertEquals(1, errors.size(), r.stderr());
            assertTrue(errors.get(0).contains(out.toString()) && errors.get(0).contains("no space left on device"), errors.get(0));
            assertEquals(errors.get(0), r.errorLines().get(r.errorLines().size() - 1), "the error is the last line");
            int committed = markers(out);
            assertTrue(committed < 6, "every chunk was committed: the disk was not full");

            Files.delete(filler);   // space freed: the rerun resumes
            CliCapture.Result again = CliCapture.run("sweep", jobFile.toString(), "--out", out.toString(), "--chunk-size", "2");
            assertEquals(0, again.exit(), again.stderr());
            assertTrue(again.stderr().contains("computed"), again.stderr());
            if (committed > 0) assertTrue(again.stderr().contains("resuming, " + 2 * committed + "/12"), again.stderr());
            assertSameAsReference(out);
        } finally {
            sh("umount", "-l", disk.toString());
        }
    }

    @Test
    void aResultsRootDeletedMidSweepEndsWithOneLineAndARerunCompletes() throws Exception {
        Path out = dir.resolve("lost");
        StorageFault f = faultAfterFirstCommit(out, () -> SweepFixture.deleteTree(out));
        assertTrue(f.getMessage().contains(out.toString()), f.getMessage());
        assertTrue(f.getMessage().contains("lost") || f.getMessage().contains("no such file"), f.getMessage());
        SweepOutcome o = SweepFixture.run(spark, out, jobFile, SweepOptions.defaults(), RunTask.PIPELINE, new ByteArrayOutputStream());
        assertTrue(o.complete());
        assertSameAsReference(out);
    }

    @Test
    void aResultsRootTurnedReadOnlyMidSweepEndsWithOneLineAndARerunResumes() throws Exception {
        Path out = dir.resolve("readonly");
        Files.createDirectories(out);
        assumeTrue(sh("mount", "--bind", out.toString(), out.toString()) == 0, "cannot bind-mount here");
        int committed;
        try {
            StorageFault f = faultAfterFirstCommit(out, () -> remountReadOnly(out));
            assertTrue(f.getMessage().contains(out.toString()) && f.getMessage().contains("read-only file system"), f.getMessage());
            committed = markers(out);
        } finally {
            sh("umount", "-l", out.toString());
        }
        assertTrue(committed >= 1);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        SweepOutcome o = SweepFixture.run(spark, out, jobFile, SweepOptions.defaults(), RunTask.PIPELINE, console);
        assertEquals(12 - committed, o.computed(), console.toString());
        assertSameAsReference(out);
    }

}
