package saddlesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run-level faults in a sweep: with a learning rate far beyond 2/λ_max every run diverges; each becomes a
 * {@code runs} row with status {@code diverged} and its error text, the sweep completes (exit 0) and its
 * summary counts them. Mixed with a sane σ² axis nothing else is disturbed.
 */
class DivergingRunsTest {

    @Test
    void divergingRunsBecomeRowsAndTheSweepFinishes(@TempDir Path dir) throws Exception {
        SparkSession spark = TestSpark.session();
        Path job = dir.resolve("boom.yaml");
        Files.writeString(job, "name: boom\n"
                + "teacher: {w: [1.0], v: [1.0]}\n"
                + "n: [20]\n"
                + "sigma2: [0.0, 0.01]\n"
                + "hidden: [2]\n"
                + "data_seed: [1]\n"
                + "init_seed: {from: 1, count: 3}\n"
                + "training: {eta: 500.0, init_scale: 1.0, max_steps: 5000}\n");
        Path out = dir.resolve("out");
        CliCapture.Result r = CliCapture.run("sweep", job.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.stderr());
        assertTrue(r.stderr().contains("diverged 6"), r.stderr());

        List<Row> rows = spark.read().parquet(out.resolve("runs").toString())
                .select("task_id", "status", "error", "steps", "attractor_kind").collectAsList();
        assertEquals(6, rows.size());
        assertEquals(6, rows.stream().map(x -> x.getString(0)).distinct().count());
        for (Row row : rows) {
            assertEquals("diverged", row.getString(1));
            assertNotNull(row.getString(2));
            assertTrue(row.getString(2).startsWith("non-finite"), row.getString(2));
            assertTrue(row.getLong(3) < 5000, "stops at the divergence, not at max_steps");
            assertEquals("unresolved", row.getString(4));
        }
        // the trajectory up to the divergence is kept, and the attractors table has no converged run to cluster
        assertTrue(spark.read().parquet(out.resolve("trajectory").toString()).count() >= 6);
        Row a = spark.read().parquet(out.resolve("attractors").toString()).agg(
                org.apache.spark.sql.functions.sum("converged")).first();
        assertEquals(0L, a.getLong(0));
    }
}
