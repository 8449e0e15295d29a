package saddlesweep.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;

import saddlesweep.error.UserError;
import saddlesweep.job.JobParser;
import saddlesweep.job.SweepJob;
import saddlesweep.run.RunConfig;
import saddlesweep.run.RunResult;
import saddlesweep.run.RunSummary;
import saddlesweep.run.TrajectoryPoint;
import saddlesweep.train.RunStatus;

/**
 * {@code bench --replay FILE}: a sweep-shaped job whose task i sleeps for the i-th duration of FILE (ms, one per
 * line; blank lines and {@code #} comments skipped), run by the real driver ({@link SweepRunner}: shuffled order,
 * chunks in flight, commits, attractors) into a temporary results root, then removed.
 * Prints the wall time against the ideal (work / slots) and the slots' utilisation, both from the listener and
 * from outside: work / (slots × wall).
 */
public final class ReplaySweep {

    private ReplaySweep() {
    }

    /**
     * The task: sleep for the task's duration, then return a row of its parameters (status {@code budget},
     * wall_ms the duration) and one trajectory point, without computing anything, so that the slots' time is
     * the file's and nothing else (the replay measures the driver, not the machine's cores).
     */
    record SleepingTask(long[] durationsMs) implements RunTask {
        @Override
        public RunResult run(RunConfig c) {
            long ms = durationsMs[(int) c.initSeed()];
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String id = c.taskId();
            Map<String, Object> run = new HashMap<>();
            run.put("task_id", id);
            run.put("n", c.n());
            run.put("sigma2", c.sigma2());
            run.put("hidden", c.hidden());
            run.put("data_seed", c.dataSeed());
            run.put("init_seed", c.initSeed());
            run.put("status", RunStatus.BUDGET.label());
            run.put("steps", 0L);
            run.put("wall_ms", ms);
            TrajectoryPoint point = RecordBuilder.build(TrajectoryPoint.class, Map.of("task_id", id, "step", 0L));
            return new RunResult(RecordBuilder.build(RunSummary.class, run), List.of(), List.of(point));
        }
    }

    /** Durations in ms from a file; one line, exit 2, for anything that is not a duration. */
    static long[] read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new UserError("--replay " + file + ": no such file");
        } catch (IOException e) {
            throw new UserError("--replay " + file + ": cannot read (" + e.getMessage() + ")");
        }
        List<Long> d = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String s = lines.get(i).strip();
            if (s.isEmpty() || s.startsWith("#")) continue;
            double v;
            try {
                v = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
            if (!(v >= 0) || v > 3.6e6) {
                throw new UserError("--replay " + file + ":" + (i + 1) + ": '" + s + "' is not a duration in ms (0 .. 3600000)");
            }
            d.add(Math.round(v));
        }
        if (d.isEmpty()) throw new UserError("--replay " + file + ": no durations");
        return d.stream().mapToLong(Long::longValue).toArray();
    }

    /** The replay job of {@code tasks} tasks: init_seed 0..tasks−1 is the line index. */
    static String jobYaml(int tasks) {
        return "name: replay\n"
                + "teacher: {w: [1.0], v: [1.0]}\n"
                + "n: [8]\n"
                + "sigma2: [0.01]\n"
                + "hidden: [1]\n"
                + "data_seed: [1]\n"
                + "init_seed: {from: 0, count: " + tasks + "}\n"
                + "training: {max_steps: 1}\n";
    }

    /** Replays the durations of {@code file} on the active (or a new) Spark session and prints the figures. */
    public static void run(PrintWriter out, Path file) {
        long[] durations = read(file);
        long workMs = LongStream.of(durations).sum();
        SparkSession spark = SparkSessions.getOrCreate("saddlesweep bench --replay");
        int slots = spark.sparkContext().defaultParallelism();
        out.printf("replay %s: %d tasks, %.1f s of work (%d ms .. %.1f s), master %s, %d slots%n", file,
                durations.length, workMs / 1e3, LongStream.of(durations).min().orElse(0),
                LongStream.of(durations).max().orElse(0) / 1e3, spark.sparkContext().master(), slots);
        out.flush();
        long t0 = System.nanoTime();
        SweepOutcome o = replay(spark, durations, SweepOptions.defaults(), new PrintStream(System.err, true));
        double wall = (System.nanoTime() - t0) / 1e9;
        double ideal = workMs / 1e3 / slots;
        out.printf("wall %.2f s: chunk jobs %.2f s (ideal work / slots %.2f s), start-up checks and attractors %.2f s%n",
                wall, o.jobSeconds(), ideal, wall - o.jobSeconds());
        out.printf("executor slots busy %.1f %% during the chunk jobs (listener: task time / slots x wall), "
                + "%.1f %% (work / slots x chunk wall), %.1f %% over the whole sweep%n",
                100 * o.utilisation(), 100 * ideal / o.jobSeconds(), 100 * ideal / wall);
        out.flush();
    }

    /**
     * Runs the replay sweep of {@code durations} (ms) into a temporary results root, removed afterwards, with the
     * driver's progress on {@code console}; returns the driver's outcome (utilisation, chunk jobs' wall time).
     */
    public static SweepOutcome replay(SparkSession spark, long[] durations, SweepOptions options, PrintStream console) {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("saddlesweep-replay-");
            Path jobFile = tmp.resolve("replay.yaml");
            Files.writeString(jobFile, jobYaml(durations.length));
            SweepJob job = JobParser.parse(jobFile, true);
            ResultsRoot root = new ResultsRoot(tmp.resolve("results").toString(), spark.sparkContext().hadoopConfiguration());
            SweepOutcome o = new SweepRunner(spark, root, new SleepingTask(durations), console)
                    .run(job, Files.readString(jobFile), options);
            if (o.done() != durations.length) throw new IllegalStateException("replay committed " + o.done() + " runs");
            return o;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) deleteTree(tmp);
        }
    }

    private static void deleteTree(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
