package saddlesweep.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Checks a sweep's committed results against their markers: each marker readable, unaltered (its own check)
 * and named by its positions; each chunk file that the marker counts rows for present, non-empty, with a
 * readable Parquet footer, the marker's row count and the SHA-256 the marker recorded (for markers written
 * before content hashes: every page's Parquet checksum); the {@code runs} file holding exactly the task ids of
 * the chunk's positions (when the job is known); the attractors file named by its marker present, readable
 * and of the recorded SHA-256. Reads every byte of every committed file once.
 */
public final class ChunkVerifier {

    /** What is wrong with one chunk (or its marker, or the attractors table): the first problem found. */
    public record Damage(String chunkId, Path file, String problem) {

        /** Whether the damage is in the attractors table, which is rebuilt rather than recomputed. */
        public boolean attractors() {
            return chunkId == null;
        }
    }

    /** The intact commits (those to keep) and the damages found. */
    public record Report(List<ChunkCommit> intact, List<Damage> damages) {
        public long intactRuns() {
            return intact.stream().mapToLong(ChunkCommit::runs).sum();
        }
    }

    private final ResultsRoot root;
    private final String sweep;

    public ChunkVerifier(ResultsRoot root, String sweep) {
        this.root = root;
        this.sweep = sweep;
    }

    /**
     * Verifies every marker of the sweep. {@code size} is the grid size and {@code taskIdAt} maps an execution
     * position to its task id (size 0 and null: not known, as for {@code query}; then ranges and task ids are
     * not checked). A marker overlapping an earlier one (by start) counts as damaged, so no task counts twice.
     */
    public Report verify(long size, LongFunction<String> taskIdAt) throws IOException {
        List<ChunkCommit> intact = new ArrayList<>();
        List<Damage> damages = new ArrayList<>();
        Path dir = root.commits(sweep);
        for (String name : root.list(dir)) {
            if (!name.endsWith(ChunkCommit.SUFFIX) || name.startsWith(".")) continue;
            Path marker = new Path(dir, name);
            String id = name.substring(0, name.length() - ChunkCommit.SUFFIX.length());
            ChunkCommit c;
            try {
                c = ChunkCommit.parse(root.readText(marker));
            } catch (ChunkCommit.AlteredMarker e) {
                damages.add(new Damage(id, marker, "a commit marker altered since it was written (its check differs)"));
                continue;
            } catch (RuntimeException e) {
                damages.add(new Damage(id, marker, "unreadable commit marker"));
                continue;
            }
            Damage d;
            if (!c.id().equals(id)) {
                d = new Damage(id, marker, "a commit marker of positions " + c.from() + ".." + c.to() + " under another name");
            } else if (c.from() < 0 || c.to() <= c.from() || (size > 0 && c.to() > size)) {
                d = new Damage(c.id(), marker, "a commit marker of positions " + c.from() + ".." + c.to()
                        + " outside the grid of " + size);
            } else {
                d = check(c, taskIdAt);
            }
            if (d == null) intact.add(c);
            else damages.add(d);
        }
        intact.sort(Comparator.comparingLong(ChunkCommit::from));
        long end = 0;
        for (Iterator<ChunkCommit> it = intact.iterator(); it.hasNext(); ) {
            ChunkCommit c = it.next();
            if (c.from() < end) {
                damages.add(new Damage(c.id(), new Path(dir, c.id() + ChunkCommit.SUFFIX),
                        "a commit marker overlapping another chunk's"));
                it.remove();
            } else {
                end = c.to();
            }
        }
        Damage a = checkAttractors();
        if (a != null) damages.add(a);
        return new Report(intact, damages);
    }

    private Damage check(ChunkCommit c, LongFunction<String> taskIdAt) throws IOException {
        String file = ChunkCommitter.CHUNK_FILE_PREFIX + c.id() + ".parquet";
        long[] counts = {c.runs(), c.events(), c.trajectory()};
        ResultTable[] tables = {ResultTable.RUNS, ResultTable.EVENTS, ResultTable.TRAJECTORY};
        for (int t = 0; t < tables.length; t++) {
            if (counts[t] == 0) continue;   // no rows, no file
            Path p = new Path(root.partition(tables[t], sweep), file);
            String problem = shapeProblem(p, counts[t]);
            if (problem != null) return new Damage(c.id(), p, problem);
        }
        if (c.runs() != c.size()) {
            return new Damage(c.id(), new Path(root.commits(sweep), c.id() + ChunkCommit.SUFFIX),
                    "marker counts " + c.runs() + " runs for " + c.size() + " tasks");
        }
        if (taskIdAt != null) {
            Path runs = new Path(root.partition(ResultTable.RUNS, sweep), file);
            Set<String> expected = new HashSet<>();
            for (long p = c.from(); p < c.to(); p++) expected.add(taskIdAt.apply(p));
            Set<String> found;
            try {
                found = taskIds(runs, root.conf());
            } catch (IOException | RuntimeException e) {
                return new Damage(c.id(), runs, "unreadable task_id column (" + firstLine(e) + ")");
            }
            if (!found.equals(expected)) return new Damage(c.id(), runs, "holds other tasks than the chunk's");
        }
        for (int t = 0; t < tables.length; t++) {
            if (counts[t] == 0) continue;
            Path p = new Path(root.partition(tables[t], sweep), file);
            String problem = contentProblem(p, c.sha256(tables[t]));
            if (problem != null) return new Damage(c.id(), p, problem);
        }
        return null;
    }

    /**
     * Why a file that should hold {@code rows} rows (−1: any number) is damaged in its shape, or null: missing,
     * empty, footer unreadable, another row count. Its content is checked by {@link #contentProblem}.
     */
    private String shapeProblem(Path p, long rows) throws IOException {
        long length = root.length(p);
        if (length < 0) return "missing";
        if (length == 0) return "empty (0 bytes)";
        long found;
        try {
            found = rowCount(p, root.conf());
        } catch (IOException | RuntimeException e) {
            return "truncated or not Parquet (" + length + " bytes, footer unreadable)";
        }
        if (rows >= 0 && found != rows) return "holds " + found + " rows, its commit marker says " + rows;
        return null;
    }

    /** Bytes changed since the commit: the file's SHA-256 against the recorded one, or its page checksums. */
    private String contentProblem(Path p, String sha256) throws IOException {
        if (sha256 != null) {
            return root.sha256(p).equals(sha256) ? null
                    : "altered since its commit (its SHA-256 differs from the one its marker recorded)";
        }
        try {
            PageChecksums.verify(p, root.conf());
            return null;
        } catch (IOException | RuntimeException e) {
            return "altered since its commit (a page fails its checksum: " + firstLine(e) + ")";
        }
    }

    private Damage checkAttractors() throws IOException {
        AttractorsMarker marker = AttractorsMarker.parse(root.readText(new Path(root.sweepMeta(sweep), AttractorTable.MARKER)));
        if (marker == null) return null;
        Path p = new Path(root.partition(ResultTable.ATTRACTORS, sweep), marker.file());
        String problem = shapeProblem(p, -1);
        if (problem == null) problem = contentProblem(p, marker.sha256());
        return problem == null ? null : new Damage(null, p, problem);
    }

    /** Rows in a Parquet file, from its footer. */
    static long rowCount(Path p, Configuration conf) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(p, conf))) {
            return r.getRecordCount();
        }
    }

    /** The task ids of a runs file, reading that column only. */
    static Set<String> taskIds(Path p, Configuration conf) throws IOException {
        Configuration c = new Configuration(conf);
        c.set(ReadSupport.PARQUET_READ_SCHEMA, "message runs { optional binary task_id (STRING); }");
        Set<String> ids = new HashSet<>();
        try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(), p).withConf(c).build()) {
            for (Group g = r.read(); g != null; g = r.read()) ids.add(g.getString("task_id", 0));
        }
        return ids;
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
