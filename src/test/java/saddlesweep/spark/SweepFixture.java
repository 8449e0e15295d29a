package saddlesweep.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

import saddlesweep.job.JobParser;
import saddlesweep.job.SweepJob;

/** Tiny sweep jobs written into temp dirs, and the tables of a results root read back for comparisons. */
final class SweepFixture {

    /** 2 hidden × 2 data seeds × 3 init seeds = 12 tasks of N = 20, at most 2000 steps. */
    static final long TASKS = 12;
    static final long DATA_SETS = 4;

    private SweepFixture() {
    }

    static String jobYaml(String name, double sigma2) {
        return "name: " + name + "\n"
                + "teacher: {w: [1.0], v: [1.0]}\n"
                + "n: [20]\n"
                + "sigma2: [" + sigma2 + "]\n"
                + "hidden: [1, 2]\n"
                + "data_seed: {from: 1, count: 2}\n"
                + "init_seed: {from: 1, count: 3}\n"
                + "training: {eta: 0.05, init_scale: 0.1, max_steps: 2000, tail: gd}\n"
                + "chunk_size: 5\n";
    }

    static Path writeJob(Path dir, String name, double sigma2) {
        try {
            Files.createDirectories(dir);
            Path p = dir.resolve(name + "-" + sigma2 + ".yaml");
            Files.writeString(p, jobYaml(name, sigma2));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SweepJob job(Path file) {
        return JobParser.parse(file, false);
    }

    static ResultsRoot root(SparkSession spark, Path out) {
        try {
            return new ResultsRoot(out.toString(), spark.sparkContext().hadoopConfiguration());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SweepOutcome run(SparkSession spark, Path out, Path jobFile, SweepOptions options) {
        try {
            return new SweepRunner(spark, root(spark, out), RunTask.PIPELINE, System.err)
                    .run(job(jobFile), Files.readString(jobFile), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table of one sweep, all columns but sweep and wall_ms. */
    static Dataset<Row> table(SparkSession spark, Path out, ResultTable t, String sweep) {
        try {
            Dataset<Row> df = ResultViews.read(spark, root(spark, out), t);
            if (df == null) return null;
            df = df.filter(functions.col("sweep").equalTo(sweep)).drop("sweep");
            if (t == ResultTable.RUNS) df = df.drop("wall_ms");
            return df;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of a table as text (every column but sweep and wall_ms), sorted: equal lists mean equal tables. */
    static List<String> rows(SparkSession spark, Path out, ResultTable t, String sweep) {
        Dataset<Row> df = table(spark, out, t, sweep);
        List<String> rows = new ArrayList<>();
        if (df == null) return rows;
        for (Row r : df.collectAsList()) rows.add(r.toString());
        rows.sort(null);
        return rows;
    }

    private static Map<ResultTable, List<String>> reference;
    private static Path referenceRoot;
    private static SweepOutcome referenceOutcome;

    /**
     * The rows of every table of the fixture sweep "tiny" (sigma2 0.01) run undisturbed with default options,
     * computed once per test JVM: what every disturbed, repaired or resumed sweep of this grid must equal (task
     * ids do not depend on the sweep's name or chunk size, and the rows leave out {@code sweep}). Compare with it
     * rather than sweeping the grid again.
     */
    static synchronized Map<ResultTable, List<String>> reference(SparkSession spark) {
        if (reference != null) return reference;
        try {
            Path dir = Files.createTempDirectory("saddlesweep-reference-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            Path out = dir.resolve("ref");
            SweepOutcome outcome = run(spark, out, writeJob(dir, "tiny", 0.01), SweepOptions.defaults());
            Map<ResultTable, List<String>> rows = new EnumMap<>(ResultTable.class);
            for (ResultTable t : ResultTable.values()) rows.put(t, rows(spark, out, t, "tiny"));
            reference = rows;
            referenceRoot = out;
            referenceOutcome = outcome;
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The results root of {@link #reference} (complete; copy it before damaging it). */
    static synchronized Path referenceRoot(SparkSession spark) {
        reference(spark);
        return referenceRoot;
    }

    /** What the sweep of {@link #reference} returned (all 12 tasks computed). */
    static synchronized SweepOutcome referenceOutcome(SparkSession spark) {
        reference(spark);
        return referenceOutcome;
    }

    /** Runs a sweep with {@code task}, its console captured into {@code console}. */
    static SweepOutcome run(SparkSession spark, Path out, Path jobFile, SweepOptions options, RunTask task,
                            ByteArrayOutputStream console) {
        try {
            return new SweepRunner(spark, root(spark, out), task, new PrintStream(console, true, StandardCharsets.UTF_8))
                    .run(job(jobFile), Files.readString(jobFile), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copyTree(Path from, Path to) {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commit markers in a sweep's commits directory (0 when it does not exist). */
    static int markers(Path commits) {
        if (!Files.isDirectory(commits)) return 0;
        try (var s = Files.list(commits)) {
            return (int) s.filter(p -> p.getFileName().toString().endsWith(ChunkCommit.SUFFIX)
                    && !p.getFileName().toString().startsWith(".")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p)) return;
        try (var s = Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
