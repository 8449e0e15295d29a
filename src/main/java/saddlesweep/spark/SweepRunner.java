package saddlesweep.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import saddlesweep.error.UserError;
import saddlesweep.job.SweepJob;
import saddlesweep.run.RunConfig;
import saddlesweep.run.RunResult;

/**
 * Drives a sweep on Spark: takes the chunks of task indices not yet committed, runs each chunk as one Spark
 * job ({@code parallelize(configs).map(run).collect()}), and commits it with {@link ChunkCommitter}; at the
 * end rebuilds the {@code attractors} table. Holds one chunk at a time; resume is read from the per-chunk
 * commit markers. Executors only compute (deterministic, no side effects), so task retries cannot duplicate
 * rows; the driver alone writes.
 */
public final class SweepRunner {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final String JOB_FILE = "job.yaml";
    private static final String HASH_FILE = "job.sha256";

    private final SparkSession spark;
    private final ResultsRoot root;
    private final RunTask task;
    private final PrintStream console;

    public SweepRunner(SparkSession spark, ResultsRoot root, RunTask task, PrintStream console) {
        this.spark = spark;
        this.root = root;
        this.task = task;
        this.console = console;
    }

    /** Runs (or resumes, or confirms complete) the sweep of {@code job}, whose definition text is {@code jobText}. */
    public SweepOutcome run(SweepJob job, String jobText, SweepOptions options) throws IOException {
        String name = job.name();
        if (!NAME.matcher(name).matches()) {
            throw new UserError("sweep name '" + name + "' must be letters, digits, '_', '.', '-' (not starting with '_', '.' or '-')");
        }
        try (SweepLock lock = SweepLock.acquire(root, name, console)) {
            return runLocked(job, jobText, options);
        }
    }

    private SweepOutcome runLocked(SweepJob job, String jobText, SweepOptions options) throws IOException {
        String name = job.name();
        prepareDefinition(job, jobText, options.overwrite());

        ChunkCommitter committer = new ChunkCommitter(root, name);
        AttractorTable attractors = new AttractorTable(root, name);
        List<ChunkCommit> commits = committer.committed();
        committer.recover(commits);
        attractors.recover();

        int chunkSize = options.chunkSize() > 0 ? options.chunkSize() : job.chunkSize();
        ChunkPlan plan = new ChunkPlan(job.size(), chunkSize, commits);
        SweepProgress progress = new SweepProgress(console, name, job.size());
        commits.forEach(progress::resumed);
        long remaining = plan.remaining();
        if (remaining == 0 && attractors.isBuilt()) {
            console.printf("sweep %s: complete, nothing to compute (%d runs in %s)%n", name, job.size(), root.root());
            return new SweepOutcome(job.size(), 0, progress.done(), true, progress.statuses(), progress.seconds());
        }
        progress.start(remaining);

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        long chunks = 0;
        for (long[] range : plan) {
            if (options.maxChunks() > 0 && chunks >= options.maxChunks()) {
                progress.finish(false);
                return new SweepOutcome(job.size(), progress.computed(), progress.done(), false,
                        progress.statuses(), progress.seconds());
            }
            List<RunResult> results = compute(jsc, job, range[0], range[1], options.partitions());
            progress.committed(committer.commit(range[0], range[1], results));
            chunks++;
        }

        double clusterTol = job.task(0).analysis().clusterTol();
        jsc.setJobDescription("sweep " + name + ": attractors");
        attractors.rebuild(spark, clusterTol);
        progress.finish(true);
        return new SweepOutcome(job.size(), progress.computed(), progress.done(), true, progress.statuses(),
                progress.seconds());
    }

    /** Runs the tasks [from, to) on the executors and returns their results in index order. */
    private List<RunResult> compute(JavaSparkContext jsc, SweepJob job, long from, long to, int partitions) {
        List<RunConfig> configs = new ArrayList<>((int) (to - from));
        for (long i = from; i < to; i++) configs.add(job.task(i));
        int slices = partitions > 0 ? Math.min(partitions, configs.size()) : configs.size();
        RunTask run = task;
        String name = job.name();
        jsc.setJobDescription("sweep " + name + ": tasks " + from + ".." + (to - 1));
        List<RunResult> results = jsc.parallelize(configs, slices).map(c -> run.run(c).withSweep(name)).collect();
        if (results.size() != configs.size()) {
            throw new IllegalStateException("chunk " + from + ".." + to + " returned " + results.size() + " results");
        }
        return results;
    }

    /**
     * Stores the job definition on the first run of a sweep name; refuses a different definition under the
     * same name unless {@code overwrite}, which first deletes the sweep's results (marker directory first, so
     * that an interrupted delete leaves only uncommitted files, which the next start removes).
     */
    private void prepareDefinition(SweepJob job, String jobText, boolean overwrite) throws IOException {
        String name = job.name();
        Path meta = root.sweepMeta(name);
        String stored = root.readText(new Path(meta, HASH_FILE));
        if (overwrite) {
            root.delete(meta);
            for (ResultTable t : ResultTable.values()) root.delete(root.partition(t, name));
            root.delete(root.staging(name));
            stored = null;
        } else if (stored != null && !stored.trim().equals(job.definitionHash())) {
            throw new UserError("sweep '" + name + "' in " + root.root() + " was run with a different definition"
                    + " (see " + new Path(meta, JOB_FILE) + "); use another name or --overwrite");
        }
        if (stored == null) {
            root.writeTextAtomically(new Path(meta, JOB_FILE), jobText);
            root.writeTextAtomically(new Path(meta, HASH_FILE), job.definitionHash() + "\n");
        }
    }
}
