package saddlesweep.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.hadoop.fs.Path;

import saddlesweep.run.RunEvent;
import saddlesweep.run.RunResult;
import saddlesweep.run.RunSummary;
import saddlesweep.run.TrajectoryPoint;

/**
 * Commits one chunk of a sweep, safe against the driver being killed at any moment:
 * <ol>
 *   <li>each table's rows go to one Parquet file in a fresh staging directory under {@code _staging/S/}, which
 *       is then read back once for its SHA-256;</li>
 *   <li>each file is renamed into its partition as {@code chunk-ID.parquet} (the name carries the chunk id);</li>
 *   <li>the marker {@code _sweeps/S/commits/ID.done}, with the row counts and the files' SHA-256, is written
 *       atomically: from now on the chunk counts.</li>
 * </ol>
 * {@link #recover} undoes whatever an interrupted commit left: staged files and renamed files of chunks
 * without a marker.
 */
public final class ChunkCommitter {

    static final String CHUNK_FILE_PREFIX = "chunk-";
    private static final Set<String> OMIT = Set.of(ResultTable.PARTITION_COLUMN);

    private final ResultsRoot root;
    private final String sweep;

    public ChunkCommitter(ResultsRoot root, String sweep) {
        this.root = root;
        this.sweep = sweep;
    }

    public String sweep() {
        return sweep;
    }

    /** Writes the results of the execution positions [from, to) and marks the chunk committed. */
    public ChunkCommit commit(long from, long to, List<RunResult> results) throws IOException {
        String id = ChunkCommit.id(from, to);
        Path staging = root.newStagingDir(sweep, id);
        List<RunSummary> runs = new ArrayList<>(results.size());
        List<RunEvent> events = new ArrayList<>();
        List<TrajectoryPoint> trajectory = new ArrayList<>();
        Map<String, Long> statuses = new TreeMap<>();
        for (RunResult r : results) {
            runs.add(r.run());
            events.addAll(r.events());
            trajectory.addAll(r.trajectory());
            statuses.merge(r.run().status(), 1L, Long::sum);
        }
        String file = CHUNK_FILE_PREFIX + id + ".parquet";
        List<Path[]> moves = new ArrayList<>();
        Map<String, String> sha256 = new TreeMap<>();
        stage(staging, file, ResultTable.RUNS, RunSummary.class, runs, moves, sha256);
        stage(staging, file, ResultTable.EVENTS, RunEvent.class, events, moves, sha256);
        stage(staging, file, ResultTable.TRAJECTORY, TrajectoryPoint.class, trajectory, moves, sha256);
        for (Path[] m : moves) root.moveIntoPlace(m[0], m[1]);
        ChunkCommit commit = new ChunkCommit(from, to, runs.size(), events.size(), trajectory.size(), statuses, sha256);
        root.writeTextAtomically(new Path(root.commits(sweep), id + ChunkCommit.SUFFIX), commit.toText());
        root.delete(staging);
        return commit;
    }

    /** Writes a table's rows to a staged file, hashed as it lies on storage (read back once). */
    private <R extends Record> void stage(Path staging, String file, ResultTable table, Class<R> type, List<R> rows,
                                          List<Path[]> moves, Map<String, String> sha256) throws IOException {
        if (rows.isEmpty()) return;
        Path staged = new Path(staging, table.dirName() + ".parquet");
        ResultsRoot.io(staged, () -> RecordParquetFile.write(staged, root.conf(), type, OMIT, rows.iterator()));
        sha256.put(table.dirName(), root.sha256(staged));
        moves.add(new Path[] {staged, new Path(root.partition(table, sweep), file)});
    }

    /**
     * Removes this sweep's staging area and every chunk file without a commit marker (left by a driver killed
     * mid-commit). Touches nothing of other sweeps. Returns the number of files removed.
     */
    public int recover(List<ChunkCommit> commits) throws IOException {
        root.delete(root.staging(sweep));
        Set<String> keep = new HashSet<>();
        for (ChunkCommit c : commits) keep.add(CHUNK_FILE_PREFIX + c.id() + ".parquet");
        int removed = 0;
        for (ResultTable t : List.of(ResultTable.RUNS, ResultTable.EVENTS, ResultTable.TRAJECTORY)) {
            Path part = root.partition(t, sweep);
            for (String name : root.list(part)) {
                if (!keep.contains(name)) {
                    root.delete(new Path(part, name));
                    removed++;
                }
            }
        }
        for (String name : root.list(root.commits(sweep))) {
            if (name.startsWith(".")) root.delete(new Path(root.commits(sweep), name));
        }
        return removed;
    }
}
