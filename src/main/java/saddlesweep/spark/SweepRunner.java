package saddlesweep.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import saddlesweep.analysis.AnalysisSettings;
import saddlesweep.error.StorageFault;
import saddlesweep.error.UserError;
import saddlesweep.job.SweepJob;
import saddlesweep.run.RunConfig;
import saddlesweep.run.RunResult;

/**
 * Drives a sweep on Spark. On start it verifies the committed chunks against their markers and repairs the
 * damaged ones ({@link ChunkVerifier}), then runs the chunks of execution positions not yet committed
 * ({@link TaskOrder}: a seeded shuffle of the grid), several at a time ({@link ChunkPipeline}), and commits each
 * with {@link ChunkCommitter} as it completes, in any order; at the end it rebuilds the {@code attractors}
 * table. A listener ({@link SlotUsage}) measures how busy the executor slots were. Executors only compute
 * (deterministic, no side effects), so task retries cannot duplicate rows; the driver alone writes.
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
        TaskOrder order = OrderFile.prepare(root, job);

        ChunkCommitter committer = new ChunkCommitter(root, name);
        AttractorTable attractors = new AttractorTable(root, name);
        ChunkVerifier.Report check = new ChunkVerifier(root, name).verify(job.size(), p -> job.task(order.index(p)).taskId());
        repair(name, check, attractors);
        List<ChunkCommit> commits = check.intact();
        committer.recover(commits);
        attractors.recover();

        int chunkSize = options.chunkSize() > 0 ? options.chunkSize() : job.chunkSize();
        ChunkPlan plan = new ChunkPlan(job.size(), chunkSize, commits);
        SweepProgress progress = new SweepProgress(console, name, job.size(), SweepProgress.oldMaxSteps(job.training()));
        commits.forEach(progress::resumed);
        long remaining = plan.remaining();
        if (remaining == 0 && attractors.isBuilt()) {
            console.printf("sweep %s: complete, nothing to compute (%d runs in %s)%n", name, job.size(), root.root());
            return new SweepOutcome(job.size(), 0, progress.done(), true, progress.statuses(), progress.seconds(),
                    Double.NaN, 0);
        }
        double remainingCost = 0;
        for (long[] range : plan) for (long p = range[0]; p < range[1]; p++) remainingCost += cost(job.task(order.index(p)));
        int slots = spark.sparkContext().defaultParallelism();
        int window = options.inFlight() > 0 ? options.inFlight() : ChunkPipeline.window(slots, chunkSize);
        progress.start(remaining, remainingCost, "chunks of " + chunkSize + ", " + window + " in flight, " + slots
                + " executor slots, " + order.kind() + " order");

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        String group = "saddlesweep-" + name + "-" + UUID.randomUUID();
        SlotUsage usage = SlotUsage.start(spark.sparkContext(), group);
        progress.busySlots(() -> usage.busySlots(System.currentTimeMillis()));
        Iterator<long[]> chunks = plan.iterator();
        boolean complete;
        try (ChunkPipeline pipeline = new ChunkPipeline(jsc, group, window)) {
            while (true) {
                topUp(pipeline, chunks, job, order, options);
                if (pipeline.inFlight() == 0) break;
                ChunkPipeline.Chunk chunk = pipeline.take();
                topUp(pipeline, chunks, job, order, options);   // keep the slots busy while this chunk is written
                commit(committer, chunk, progress);
            }
            complete = !chunks.hasNext();
            awaitListener(usage, pipeline.submitted());
        } catch (Exception e) {
            throw sneaky(e);
        } finally {
            usage.close();
        }
        if (!complete) {
            progress.finish(false, usage.utilisation());
            return new SweepOutcome(job.size(), progress.computed(), progress.done(), false, progress.statuses(),
                    progress.seconds(), usage.utilisation(), usage.wallMs() / 1e3);
        }
        AnalysisSettings analysis = job.task(0).analysis();
        jsc.setJobDescription("sweep " + name + ": attractors");
        attractors.rebuild(spark, analysis.clusterTol(), analysis.fnClusterTol());
        progress.finish(true, usage.utilisation());
        return new SweepOutcome(job.size(), progress.computed(), progress.done(), true, progress.statuses(),
                progress.seconds(), usage.utilisation(), usage.wallMs() / 1e3);
    }

    /** Submits chunks while the pipeline has room, up to the chunk limit of the options. */
    private void topUp(ChunkPipeline pipeline, Iterator<long[]> chunks, SweepJob job, TaskOrder order,
                       SweepOptions options) {
        while (pipeline.hasRoom() && chunks.hasNext()
                && (options.maxChunks() == 0 || pipeline.submitted() < options.maxChunks())) {
            long[] r = chunks.next();
            List<RunConfig> configs = new ArrayList<>((int) (r[1] - r[0]));
            for (long p = r[0]; p < r[1]; p++) configs.add(job.task(order.index(p)));
            int slices = options.partitions() > 0 ? Math.min(options.partitions(), configs.size()) : configs.size();
            pipeline.submit(r[0], r[1], configs, slices, task, job.name());
        }
    }

    /** Commits a computed chunk, unless the results root has gone meanwhile. */
    private void commit(ChunkCommitter committer, ChunkPipeline.Chunk chunk, SweepProgress progress) throws IOException {
        Path definition = new Path(root.sweepMeta(committer.sweep()), HASH_FILE);
        if (!root.exists(definition)) {
            throw new StorageFault(ResultsRoot.display(root.root()), "results root lost while the sweep ran ("
                    + ResultsRoot.display(definition) + " is gone)", null);
        }
        double cost = 0;
        double wallMs = 0;
        for (RunConfig c : chunk.configs()) cost += cost(c);
        for (RunResult r : chunk.results()) wallMs += r.run().wallMs();
        progress.committed(committer.commit(chunk.from(), chunk.to(), chunk.results()), cost, wallMs);
    }

    /** The cost of a task for the ETA: its step budget N·H·max_steps. */
    static double cost(RunConfig c) {
        return (double) c.n() * c.hidden() * c.training().maxSteps();
    }

    /** Waits briefly for the listener to see the last jobs end (its events arrive asynchronously). */
    private static void awaitListener(SlotUsage usage, long jobs) {
        try {
            usage.awaitJobs(jobs, 5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Prints one line per damaged chunk and removes its marker, so that the chunk is recomputed (its files are
     * then removed as uncommitted); a damaged attractors table is removed and rebuilt. Any repair rebuilds the
     * attractors table.
     */
    private void repair(String name, ChunkVerifier.Report check, AttractorTable attractors) throws IOException {
        for (ChunkVerifier.Damage d : check.damages()) {
            String file = relative(d.file());
            if (d.attractors()) {
                console.printf("sweep %s: repairing the attractors table: %s is %s; rebuilt at the end%n", name, file, d.problem());
            } else {
                console.printf("sweep %s: repairing chunk %s: %s is %s; its tasks are recomputed%n", name, d.chunkId(),
                        file, d.problem());
                root.delete(new Path(root.commits(name), d.chunkId() + ChunkCommit.SUFFIX));
            }
        }
        if (!check.damages().isEmpty()) attractors.invalidate();
    }

    private String relative(Path p) {
        String r = root.root().toString();
        String s = p.toString();
        return s.startsWith(r + "/") ? s.substring(r.length() + 1) : s;
    }

    /**
     * Verifies the committed results of {@code job} without computing anything: the damages found (none when
     * the sweep is intact).
     */
    public ChunkVerifier.Report verify(SweepJob job) throws IOException {
        TaskOrder order = OrderFile.read(root, job);
        return new ChunkVerifier(root, job.name()).verify(job.size(), p -> job.task(order.index(p)).taskId());
    }

    @SuppressWarnings("unchecked")
    private static <E extends Exception> RuntimeException sneaky(Exception e) throws E {
        throw (E) e;   // Spark's exceptions are checked but undeclared; the CLI tells them apart
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
