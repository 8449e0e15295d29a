package saddlesweep.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.spark.SparkException;
import org.apache.spark.sql.SparkSession;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import saddlesweep.error.UserError;
import saddlesweep.job.JobParser;
import saddlesweep.job.SweepJob;
import saddlesweep.spark.ChunkVerifier;
import saddlesweep.spark.ResultsCheck;
import saddlesweep.spark.ResultsRoot;
import saddlesweep.spark.RunTask;
import saddlesweep.spark.SparkSessions;
import saddlesweep.spark.SweepOptions;
import saddlesweep.spark.SweepOutcome;
import saddlesweep.spark.SweepRunner;

/**
 * {@code sweep JOB.yaml}: runs a sweep on Spark into a results root, resuming where an earlier driver stopped.
 * The job and the output location are checked before anything is written.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run a sweep job on Spark, writing Parquet tables runs, events, trajectory, attractors "
                + "under the results root (partitioned by sweep). Resumes an interrupted sweep; a complete one "
                + "is not recomputed.")
public final class SweepCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "JOB.yaml", description = "the sweep definition")
    Path jobFile;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results",
            description = "results root (default: ${DEFAULT-VALUE}); any Hadoop path, e.g. hdfs://…")
    String out;

    @Option(names = "--overwrite", description = "delete this sweep's results first (needed to change its definition)")
    boolean overwrite;

    @Option(names = "--allow-large", description = "accept grids above the size limit")
    boolean allowLarge;

    @Option(names = "--chunk-size", paramLabel = "K", description = "tasks per committed chunk (default: the job's)")
    Integer chunkSize;

    @Option(names = "--partitions", paramLabel = "P",
            description = "Spark partitions per chunk (default: one per task)")
    Integer partitions;

    @Option(names = "--max-chunks", paramLabel = "N",
            description = "compute at most N chunks, then stop (run again to continue)")
    Long maxChunks;

    @Option(names = "--in-flight", paramLabel = "K",
            description = "chunks computed at the same time (default: enough to keep every executor slot busy)")
    Integer inFlight;

    @Option(names = "--verify", description = "check the committed results against their markers, compute nothing")
    boolean verify;

    @Override
    public Integer call() throws IOException {
        SweepJob job = JobParser.parse(jobFile, allowLarge, System.err::println);
        if (chunkSize != null && chunkSize < 1) throw new UserError("--chunk-size must be >= 1, got " + chunkSize);
        if (partitions != null && partitions < 1) throw new UserError("--partitions must be >= 1, got " + partitions);
        if (maxChunks != null && maxChunks < 1) throw new UserError("--max-chunks must be >= 1, got " + maxChunks);
        if (inFlight != null && inFlight < 1) throw new UserError("--in-flight must be >= 1, got " + inFlight);
        String jobText = Files.readString(jobFile);
        checkOutput(out);

        SparkSession spark = SparkSessions.getOrCreate("saddlesweep sweep " + job.name());
        ResultsRoot root = new ResultsRoot(out, spark.sparkContext().hadoopConfiguration());
        SweepOptions options = new SweepOptions(chunkSize == null ? 0 : chunkSize,
                partitions == null ? 0 : partitions, overwrite, maxChunks == null ? 0 : maxChunks,
                inFlight == null ? 0 : inFlight);
        SweepRunner runner = new SweepRunner(spark, root, RunTask.PIPELINE, System.err);
        if (verify) return verify(runner, job, root);
        SweepOutcome outcome;
        try {
            outcome = runner.run(job, jobText, options);
        } catch (Exception e) {
            if (!(e instanceof SparkException)) throw e; // Spark's exceptions are checked but undeclared
            // e.g. a task failed on every retry, or the cluster went away: committed chunks are kept
            System.err.println("error: sweep " + job.name() + " stopped: " + firstLine(e.getMessage())
                    + "; run the same command again to resume");
            return 1;
        }
        System.out.printf("sweep %s: %d/%d runs committed in %s%s%n", job.name(), outcome.done(), outcome.total(),
                root.root(), Double.isFinite(outcome.utilisation())
                        ? String.format("; executor slots busy %.0f %%", 100 * outcome.utilisation()) : "");
        return 0;
    }

    /** {@code --verify}: one line per damaged chunk; exit 0 when intact, else one error line with the repair command. */
    private Integer verify(SweepRunner runner, SweepJob job, ResultsRoot root) throws IOException {
        if (!root.exists(root.sweepMeta(job.name()))) {
            throw new UserError("sweep '" + job.name() + "' has no results in " + root.root());
        }
        ChunkVerifier.Report report = runner.verify(job);
        for (ChunkVerifier.Damage d : report.damages()) {
            System.out.printf("sweep %s: damaged %s: %s is %s%n", job.name(),
                    d.attractors() ? "attractors table" : "chunk " + d.chunkId(), ResultsRoot.display(d.file()), d.problem());
        }
        int chunks = report.intact().size();
        if (report.damages().isEmpty()) {
            long unhashed = report.intact().stream().filter(c -> !c.hashed()).count();
            System.out.printf("sweep %s: verified, %d chunks intact (%d/%d runs) in %s; %s%n", job.name(), chunks,
                    report.intactRuns(), job.size(), root.root(), unhashed == 0 ? "every file by its SHA-256"
                            : unhashed + " chunks written before content hashes, their pages by Parquet's checksums");
            return 0;
        }
        throw new UserError("sweep " + job.name() + ": " + report.damages().size() + " damaged, " + chunks
                + " chunks intact; repair with: " + ResultsCheck.repairCommand(jobFile.toString(), root));
    }

    private static String firstLine(String m) {
        if (m == null) return "Spark job failed";
        for (String line : m.split("\n")) if (!line.isBlank()) return line.trim();
        return "Spark job failed";
    }

    /** A local output location must be a writable directory, or creatable in a writable one. */
    static void checkOutput(String location) {
        URI uri;
        try {
            uri = new URI(location);
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        if (uri != null && uri.getScheme() != null && !uri.getScheme().equals("file") && uri.getScheme().length() > 1) {
            return; // a remote file system: its own errors will tell
        }
        Path p = Path.of(uri != null && "file".equals(uri.getScheme()) ? uri.getPath() : location).toAbsolutePath();
        Path existing = p;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) throw new UserError("--out " + location + ": no such location");
        if (!Files.isDirectory(existing)) {
            throw new UserError("--out " + location + ": " + existing + " is not a directory");
        }
        if (!Files.isWritable(existing)) {
            throw new UserError("--out " + location + ": " + existing + " is not writable");
        }
    }
}
