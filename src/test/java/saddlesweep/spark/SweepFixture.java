package saddlesweep.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    static void deleteTree(Path p) {
        if (!Files.exists(p)) return;
        try (var s = Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
