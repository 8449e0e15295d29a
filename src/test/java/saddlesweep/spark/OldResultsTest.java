package saddlesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results written before the {@code teacher} column existed: their runs read as the default teacher, and
 * the attractors table rebuilt over old and new chunks groups them as one teacher (a sweep resumed across the
 * change keeps one row per data set). Results written before the statuses {@code horizon} and {@code budget}
 * existed, with {@code max_steps} for both: each run reads as the one it was.
 */
class OldResultsTest {

    @TempDir
    Path dir;

    /** Replaces a chunk file by {@code old} of its rows, as one Parquet file of the same name. */
    private void rewrite(SparkSession spark, Path chunk, UnaryOperator<Dataset<Row>> old) throws IOException {
        Path tmp = dir.resolve("old-" + chunk.getParent().getFileName() + "-" + chunk.getFileName());
        old.apply(spark.read().parquet(chunk.toString())).coalesce(1).write().parquet(tmp.toString());
        Path part;
        try (var s = Files.list(tmp)) {
            part = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        Files.move(part, chunk, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void runsWithoutTheTeacherColumnReadAsTheDefaultTeacher() throws Exception {
        SparkSession spark = TestSpark.session();
        Path out = dir.resolve("results");
        Path job = SweepFixture.writeJob(dir.resolve("jobs"), "tiny", 0.01);
        SweepFixture.run(spark, out, job, SweepOptions.defaults());
        List<String> runs = SweepFixture.rows(spark, out, ResultTable.RUNS, "tiny");
        List<String> attractors = SweepFixture.rows(spark, out, ResultTable.ATTRACTORS, "tiny");
        assertEquals(SweepFixture.DATA_SETS, attractors.size());

        // rewrite the first two of the three chunk files as the code before the column wrote them
        Path partition = out.resolve("runs/sweep=tiny");
        List<Path> chunks;
        try (var s = Files.list(partition)) {
            chunks = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
        assertEquals(3, chunks.size());
        for (Path chunk : chunks.subList(0, 2)) {
            rewrite(spark, chunk, df -> df.drop("teacher"));
            assertFalse(List.of(spark.read().parquet(chunk.toString()).columns()).contains("teacher"));
        }

        for (Row r : SweepFixture.table(spark, out, ResultTable.RUNS, "tiny").collectAsList()) {
            assertEquals("teacher", r.getAs("teacher"));
        }
        assertEquals(runs, SweepFixture.rows(spark, out, ResultTable.RUNS, "tiny"));
        long rows = new AttractorTable(SweepFixture.root(spark, out), "tiny").rebuild(spark, 1e-4, 1e-6);
        assertEquals(SweepFixture.DATA_SETS, rows);
        assertEquals(attractors, SweepFixture.rows(spark, out, ResultTable.ATTRACTORS, "tiny"));
        assertTrue(attractors.get(0).contains("teacher"), attractors.get(0));
    }

    @Test
    void theOldStatusMaxStepsReadsAsHorizonOrBudget() throws Exception {
        SparkSession spark = TestSpark.session();
        Path out = dir.resolve("results");
        SweepFixture.copyTree(SweepFixture.referenceRoot(spark), out);   // "tiny": tail gd
        Path jobs = dir.resolve("jobs");
        Files.createDirectories(jobs);
        Path flowJob = jobs.resolve("tinyflow.yaml");
        Files.writeString(flowJob, SweepFixture.jobYaml("tinyflow", 0.01).replace("tail: gd", "tail: flow, horizon_steps: 100000"));
        SweepFixture.run(spark, out, flowJob, SweepOptions.defaults());

        Map<String, List<String>> before = new TreeMap<>();
        Map<String, Map<String, Long>> statuses = new TreeMap<>();
        for (String sweep : List.of("tiny", "tinyflow")) {
            before.put(sweep, SweepFixture.rows(spark, out, ResultTable.RUNS, sweep));
            Map<String, Long> count = new TreeMap<>();
            for (Row r : SweepFixture.table(spark, out, ResultTable.RUNS, sweep).collectAsList()) {
                count.merge(r.getAs("status"), 1L, Long::sum);
            }
            statuses.put(sweep, count);
        }
        // the gd sweep has runs that spent max_steps, the flow sweep runs followed to the horizon
        assertTrue(statuses.get("tiny").getOrDefault("budget", 0L) > 0, statuses.toString());
        assertFalse(statuses.get("tiny").containsKey("horizon"), statuses.toString());
        assertTrue(statuses.get("tinyflow").getOrDefault("horizon", 0L) > 0, statuses.toString());
        assertFalse(statuses.get("tinyflow").containsKey("budget"), statuses.toString());

        // rewrite every runs chunk file as the code before the two statuses wrote it
        for (String sweep : List.of("tiny", "tinyflow")) {
            List<Path> chunks;
            try (var s = Files.list(out.resolve("runs/sweep=" + sweep))) {
                chunks = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
            }
            Column status = functions.col("status");
            for (Path chunk : chunks) {
                rewrite(spark, chunk, df -> df.withColumn("status",
                        functions.when(status.isin("horizon", "budget"), "max_steps").otherwise(status)));
            }
        }
        long old = statuses.get("tiny").get("budget") + statuses.get("tinyflow").get("horizon");
        assertEquals(old, spark.read().parquet(out.resolve("runs").toString()).filter("status = 'max_steps'").count());

        for (String sweep : before.keySet()) {
            assertEquals(before.get(sweep), SweepFixture.rows(spark, out, ResultTable.RUNS, sweep), sweep);
        }
        // the SQL views too (as query registers them), and the attractors table rebuilt from the old files
        ResultViews.register(spark, SweepFixture.root(spark, out));
        Map<String, Long> viewed = new TreeMap<>();
        for (Row r : spark.sql("select sweep, status, count(*) as c from runs group by sweep, status").collectAsList()) {
            viewed.put(r.getString(0) + " " + r.getString(1), r.getLong(2));
        }
        Map<String, Long> expected = new TreeMap<>();
        statuses.forEach((sweep, count) -> count.forEach((k, v) -> expected.put(sweep + " " + k, v)));
        assertEquals(expected, viewed);
        List<String> attractors = SweepFixture.rows(spark, out, ResultTable.ATTRACTORS, "tinyflow");
        new AttractorTable(SweepFixture.root(spark, out), "tinyflow").rebuild(spark, 1e-4, 1e-6);
        assertEquals(attractors, SweepFixture.rows(spark, out, ResultTable.ATTRACTORS, "tinyflow"));
    }
}
