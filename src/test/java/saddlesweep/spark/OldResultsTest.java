package saddlesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results written before the {@code teacher} column existed: their runs read as the default teacher, and
 * the attractors table rebuilt over old and new chunks groups them as one teacher (a sweep resumed across the
 * change keeps one row per data set).
 */
class OldResultsTest {

    @TempDir
    Path dir;

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
            Path tmp = dir.resolve("old-" + chunk.getFileName());
            spark.read().parquet(chunk.toString()).drop("teacher").coalesce(1).write().parquet(tmp.toString());
            Path part;
            try (var s = Files.list(tmp)) {
                part = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
            }
            Files.move(part, chunk, StandardCopyOption.REPLACE_EXISTING);
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
}
