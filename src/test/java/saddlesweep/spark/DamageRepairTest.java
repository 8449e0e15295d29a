package saddlesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Committed results damaged on storage, each way in turn, in a copy of a complete 12-task root (chunks of 5, 5
 * and 2 positions): files deleted, truncated, emptied or swapped, markers changed, and single bytes flipped
 * inside intact files (a data page, a dictionary page, the footer, the attractors file, in a root with and one
 * without content hashes). {@code query}, {@code report} and {@code sweep --verify} end with one line naming
 * the damaged file and the repair command (exit 2); the next sweep prints one line per repaired chunk,
 * recomputes only what was damaged, and leaves every table equal to an undamaged sweep's (every row, every
 * column but {@code wall_ms}); a second verify finds it intact.
 */
class DamageRepairTest {

    @TempDir
    static Path dir;
    static SparkSession spark;
    static Path complete;
    static Path jobFile;
    static Map<ResultTable, List<String>> ref;

    @BeforeAll
    static void completeRoot() {
        spark = TestSpark.session();
        ref = SweepFixture.reference(spark);
        complete = SweepFixture.referenceRoot(spark);
        jobFile = SweepFixture.writeJob(dir.resolve("jobs"), "tiny", 0.01);
    }

    /** The chunk files of a table, by name (chunk ids sort by position). */
    private static List<Path> chunkFiles(Path root, String table) throws IOException {
        try (Stream<Path> s = Files.list(root.resolve(table + "/sweep=tiny"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
    }

    private static Path markers(Path root) {
        return root.resolve("_sweeps/tiny/commits");
    }

    private static void truncate(Path p, long length) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(length);
        }
    }

    /** Copies the complete root, damages it, and checks detection, the one-line errors, repair and equality. */
    private void damagedThenRepaired(String name, Damager damage, String problem, long recomputed) throws Exception {
        Path root = dir.resolve(name);
        SweepFixture.copyTree(complete, root);
        Path damaged = damage.apply(root);
        String file = damaged.getFileName().toString();

        CliCapture.Result q = CliCapture.run("query", root.toString(), "select count(*) from runs");
        assertOneLine(q, file, problem, "repair with: ./submit.sh sweep ");
        assertTrue(q.stderr().contains("--out " + root), q.stderr());
        CliCapture.Result r = CliCapture.run("report", root.toString(), "--out", dir.resolve(name + "-report").toString());
        assertOneLine(r, file, problem, "repair with: ./submit.sh sweep ");
        assertTrue(!Files.exists(dir.resolve(name + "-report")) || isEmpty(dir.resolve(name + "-report")), "report wrote files");
        CliCapture.Result v = CliCapture.run("sweep", jobFile.toString(), "--out", root.toString(), "--verify");
        assertOneLine(v, "damaged", "repair with: ./submit.sh sweep " + jobFile);
        assertTrue(v.stdout().contains(file) && v.stdout().contains(problem), v.stdout());

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        SweepOutcome o = SweepFixture.run(spark, root, jobFile, SweepOptions.defaults(), RunTask.PIPELINE, console);
        String log = console.toString(StandardCharsets.UTF_8);
        List<String> repairs = log.lines().filter(l -> l.contains("repairing")).toList();
        assertEquals(1, repairs.size(), log);
        assertTrue(repairs.get(0).contains(file) && repairs.get(0).contains(problem), repairs.get(0));
        assertEquals(recomputed, o.computed(), log);
        assertTrue(o.complete());
        for (ResultTable t : ResultTable.values()) {
            assertEquals(ref.get(t), SweepFixture.rows(spark, root, t, "tiny"), t.dirName() + " after repairing " + name);
        }
        CliCapture.Result again = CliCapture.run("sweep", jobFile.toString(), "--out", root.toString(), "--verify");
        assertEquals(0, again.exit(), again.stderr());
        assertTrue(again.stdout().contains("verified, 3 chunks intact (12/12 runs)"), again.stdout());
    }

    private static boolean isEmpty(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.findAny().isEmpty();
        }
    }

    private static void assertOneLine(CliCapture.Result r, String... fragments) {
        assertEquals(2, r.exit(), r.stderr());
        List<String> lines = r.errorLines();
        assertEquals(1, lines.size(), "expected one line, got:\n" + r.stderr());
        for (String f : fragments) assertTrue(lines.get(0).contains(f), lines.get(0) + " lacks " + f);
    }

    @FunctionalInterface
    interface Damager {
        /** Damages the root; returns the damaged file. */
        Path apply(Path root) throws IOException;
    }

    @Test
    void aDeletedRunsFile() throws Exception {
        damagedThenRepaired("deleted", root -> {
            Path f = chunkFiles(root, "runs").get(0);
            Files.delete(f);
            return f;
        }, "missing", 5);
    }

    @Test
    void aTruncatedTrajectoryFile() throws Exception {
        damagedThenRepaired("truncated", root -> {
            Path f = chunkFiles(root, "trajectory").get(1);
            truncate(f, Files.size(f) / 2);
            return f;
        }, "truncated or not Parquet", 5);
    }

    @Test
    void anEmptiedFile() throws Exception {
        damagedThenRepaired("emptied", root -> {
            Path f = chunkFiles(root, "trajectory").get(2);
            truncate(f, 0);
            return f;
        }, "empty (0 bytes)", 2);
    }

    @Test
    void aMarkerWhoseCountsDoNotMatch() throws Exception {
        damagedThenRepaired("count", root -> {
            Path marker = markers(root).resolve(ChunkCommit.id(0, 5) + ChunkCommit.SUFFIX);
            ChunkCommit c = ChunkCommit.parse(Files.readString(marker));
            Files.writeString(marker, new ChunkCommit(c.from(), c.to(), c.runs(), c.events(), c.trajectory() + 1,
                    c.statuses()).toText());
            return chunkFiles(root, "trajectory").get(0);
        }, "its commit marker says", 5);
    }

    @Test
    void anUnreadableMarker() throws Exception {
        damagedThenRepaired("marker", root -> {
            Path marker = markers(root).resolve(ChunkCommit.id(5, 10) + ChunkCommit.SUFFIX);
            Files.writeString(marker, "\u0000\u0001garbage");
            return marker;
        }, "unreadable commit marker", 5);
    }

    @Test
    void aRunsFileReplacedByAnotherChunks() throws Exception {
        damagedThenRepaired("swapped", root -> {
            List<Path> runs = chunkFiles(root, "runs");
            Files.copy(runs.get(1), runs.get(0), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return runs.get(0);
        }, "holds other tasks than the chunk's", 5);
    }

    @Test
    void aByteFlippedInATrajectoryDataPage() throws Exception {
        damagedThenRepaired("flipped-page", root -> {
            Path f = chunkFiles(root, "trajectory").get(1);
            ParquetOffsets.flip(f, ParquetOffsets.dataPage(f, "theta.list.element"));
            return f;
        }, "altered since its commit (its SHA-256 differs", 5);
    }

    @Test
    void aByteFlippedInADictionaryPage() throws Exception {
        damagedThenRepaired("flipped-dictionary", root -> {
            Path f = chunkFiles(root, "events").get(0);
            ParquetOffsets.flip(f, ParquetOffsets.dictionaryPage(f, "kind"));
            return f;
        }, "altered since its commit (its SHA-256 differs", 5);
    }

    @Test
    void aByteFlippedInAFooterThatStillParses() throws Exception {
        damagedThenRepaired("flipped-footer", root -> {
            Path f = chunkFiles(root, "runs").get(2);
            ParquetOffsets.flip(f, ParquetOffsets.lastOf(f, "gen_excess") + 1);   // a column name in the footer's schema
            return f;
        }, "altered since its commit (its SHA-256 differs", 2);
    }

    @Test
    void aByteFlippedInTheAttractorsFile() throws Exception {
        damagedThenRepaired("flipped-attractors", root -> {
            Path f;
            try (Stream<Path> s = Files.list(root.resolve("attractors/sweep=tiny"))) {
                f = s.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
            }
            ParquetOffsets.flip(f, ParquetOffsets.dataPage(f, "top_attractor.list.element"));
            return f;
        }, "altered since its commit (its SHA-256 differs", 0);
    }

    @Test
    void aCommitMarkerEditedByHand() throws Exception {
        damagedThenRepaired("edited-marker", root -> {
            Path marker = markers(root).resolve(ChunkCommit.id(10, 12) + ChunkCommit.SUFFIX);
            String text = Files.readString(marker);
            Files.writeString(marker, text.replaceFirst("status\\.([a-z_]+)=(\\d+)", "status.$1=9$2"));
            return marker;
        }, "a commit marker altered since it was written", 2);
    }

    @Test
    void aRootWithoutContentHashesWithAFlippedDataPage() throws Exception {
        damagedThenRepaired("old-flipped-page", root -> {
            BitRotTest.asWrittenBeforeContentHashes(root);
            Path f = chunkFiles(root, "trajectory").get(0);
            ParquetOffsets.flip(f, ParquetOffsets.dataPage(f, "grad_norm"));
            return f;
        }, "a page fails its checksum", 5);
    }

    @Test
    void aTruncatedAttractorsFile() throws Exception {
        damagedThenRepaired("attractors", root -> {
            Path f;
            try (Stream<Path> s = Files.list(root.resolve("attractors/sweep=tiny"))) {
                f = s.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
            }
            truncate(f, 10);
            return f;
        }, "truncated or not Parquet", 0);
    }
}
