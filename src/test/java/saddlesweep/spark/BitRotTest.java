package saddlesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import saddlesweep.job.SweepJob;

/**
 * Bytes flipped inside committed files of a real results root (a copy of the fixture's 12-task sweep): the
 * verifier names the damaged chunk and file for a flip anywhere in a file of each table (magic bytes, pages,
 * footer; content hashes in the markers); a root whose markers predate content hashes is still read, and a flipped data page in it is
 * caught by Parquet's page checksums; and a Spark read of an altered page fails rather than returning other
 * numbers. Repair to identical tables is in {@link DamageRepairTest}.
 */
class BitRotTest {

    @TempDir
    static Path dir;
    static SparkSession spark;
    static Path complete;
    static SweepJob job;

    @BeforeAll
    static void completeRoot() {
        spark = TestSpark.session();
        complete = SweepFixture.referenceRoot(spark);
        job = SweepFixture.job(SweepFixture.writeJob(dir.resolve("jobs"), "tiny", 0.01));
    }

    private static Path copy(String name) {
        Path root = dir.resolve(name);
        SweepFixture.copyTree(complete, root);
        return root;
    }

    private static List<ChunkVerifier.Damage> damages(Path root) throws IOException {
        ResultsRoot r = SweepFixture.root(spark, root);
        TaskOrder order = OrderFile.read(r, job);
        return new ChunkVerifier(r, "tiny").verify(job.size(), p -> job.task(order.index(p)).taskId()).damages();
    }

    private static List<Path> committedFiles(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String t : List.of("runs", "events", "trajectory", "attractors")) {
            try (Stream<Path> s = Files.list(root.resolve(t + "/sweep=tiny"))) {
                files.addAll(s.filter(p -> p.toString().endsWith(".parquet")).sorted().toList());
            }
        }
        return files;
    }

    /** The first committed file of each table (a chunk's runs, events and trajectory files, the attractors file). */
    private static List<Path> oneFilePerTable(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String t : List.of("runs", "events", "trajectory", "attractors")) {
            files.add(committedFiles(root).stream().filter(p -> p.toString().contains("/" + t + "/")).findFirst().orElseThrow());
        }
        return files;
    }

    @Test
    void aByteFlippedAnywhereInACommittedFileIsNamed() throws IOException {
        Path root = copy("anywhere");
        assertEquals(List.of(), damages(root));
        int flips = 0;
        for (Path f : oneFilePerTable(root)) {
            long n = Files.size(f);
            // the leading magic, a page header, pages at a quarter, half and three quarters, the footer's
            // middle (metadata no page checksum covers), its length field, the trailing magic
            long[] offsets = {0, 4, n / 4, n / 2, 3 * n / 4, ParquetOffsets.footerMiddle(f), n - 8, n - 1};
            for (long off : offsets) {
                ParquetOffsets.flip(f, off);
                List<ChunkVerifier.Damage> d = damages(root);
                assertEquals(1, d.size(), f.getFileName() + " flipped at " + off + " of " + n + ": " + d);
                assertEquals(f.toUri().getPath(), ResultsRoot.display(d.get(0).file()), "flipped at " + off);
                assertEquals(f.toString().contains("/attractors/"), d.get(0).attractors());
                ParquetOffsets.flip(f, off);   // back as it was
                flips++;
            }
        }
        assertEquals(32, flips);
        assertEquals(List.of(), damages(root), "restored");
    }

    /** Removes the content hashes and checks from every marker, as an earlier version wrote them. */
    static void asWrittenBeforeContentHashes(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root.resolve("_sweeps/tiny/commits"))) {
            for (Path m : s.filter(p -> p.toString().endsWith(ChunkCommit.SUFFIX)).toList()) {
                List<String> lines = Files.readAllLines(m).stream()
                        .filter(l -> !l.startsWith("sha256.") && !l.startsWith("check=")).toList();
                Files.write(m, lines);
                assertTrue(!ChunkCommit.parse(Files.readString(m)).hashed());
            }
        }
        Path a = root.resolve("_sweeps/tiny/" + AttractorTable.MARKER);
        Files.writeString(a, AttractorsMarker.parse(Files.readString(a)).file() + "\n");
    }

    @Test
    void aRootWithoutContentHashesIsReadAndItsDataPagesAreCheckedByPageChecksums() throws IOException {
        Path root = copy("old");
        asWrittenBeforeContentHashes(root);
        assertEquals(List.of(), damages(root), "an intact old root");
        assertEquals(SweepFixture.reference(spark).get(ResultTable.RUNS), SweepFixture.rows(spark, root, ResultTable.RUNS, "tiny"));

        Path traj = committedFiles(root).stream().filter(p -> p.toString().contains("/trajectory/")).toList().get(1);
        ParquetOffsets.flip(traj, ParquetOffsets.dataPage(traj, "theta.list.element"));
        List<ChunkVerifier.Damage> d = damages(root);
        assertEquals(1, d.size(), d.toString());
        assertEquals(traj.toUri().getPath(), ResultsRoot.display(d.get(0).file()));
        assertTrue(d.get(0).problem().startsWith("altered since its commit (a page fails its checksum"), d.get(0).problem());
    }

    @Test
    void aSparkReadOfAnAlteredPageFailsInsteadOfReturningOtherNumbers() throws Exception {
        Path root = copy("read");
        Path traj = committedFiles(root).stream().filter(p -> p.toString().contains("/trajectory/")).toList().get(0);
        ParquetOffsets.flip(traj, ParquetOffsets.dataPage(traj, "train_loss"));
        Dataset<Row> t = ResultViews.read(spark, SweepFixture.root(spark, root), ResultTable.TRAJECTORY);
        assertNotNull(t);
        Exception e = assertThrows(Exception.class, () -> t.selectExpr("sum(train_loss)").collectAsList());
        StringBuilder chain = new StringBuilder();
        for (Throwable c = e; c != null; c = c.getCause()) chain.append(c.getMessage()).append('\n');
        assertTrue(chain.toString().contains("CRC checksum verification failed"), chain.toString());
    }
}
