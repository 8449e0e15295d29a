package saddlesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import saddlesweep.committee.CommitteePipeline;
import saddlesweep.committee.CommitteeRunConfig;
import saddlesweep.committee.CommitteeRunSummary;
import saddlesweep.job.JobParser;
import saddlesweep.job.SweepJob;
import saddlesweep.run.RunConfig;

/**
 * A sweep with a committee machine's teacher (rows of d = 2) beside a scalar one: its runs are rows of the same
 * tables (θ as W row by row, then v; d = size(teacher_w)/size(teacher_v)), equal to the committee pipeline run
 * directly, with their own attractors rows; a second sweep has nothing to compute; the shipped committee query runs,
 * and the report draws the scalar runs' figures and the committee machine's own (alone for a committee-only sweep).
 */
class CommitteeSweepTest {

    private static final String JOB = "name: mixed\n"
            + "teachers:\n"
            + "  - {name: scalar, w: [1.0], v: [1.0]}\n"
            + "  - {name: plane, w: [[1.0, 0.0], [0.0, 1.0]], v: [1.0, 1.0]}\n"
            + "n: [40]\n"
            + "sigma2: [0.01]\n"
            + "hidden: [2]\n"
            + "data_seed: [1]\n"
            + "init_seed: {from: 1, count: 2}\n"
            + "training: {eta: 0.2, init_scale: 0.01, max_steps: 20000, horizon_steps: 1.0e6}\n";

    @Test
    void committeeRunsAreRowsOfTheTablesAsTheirPipelineComputesThem(@TempDir Path dir) throws Exception {
        SparkSession spark = TestSpark.session();
        Path job = Files.writeString(dir.resolve("mixed.yaml"), JOB);
        Path out = dir.resolve("out");
        CliCapture.Result r = CliCapture.run("sweep", job.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.stderr());
        List<Row> rows = spark.read().parquet(out.resolve("runs").toString())
                .selectExpr("task_id", "teacher", "size(teacher_w) / size(teacher_v) AS d", "size(attractor)", "train_loss",
                        "attractor_kind", "gd_fate", "status").orderBy("teacher", "task_id").collectAsList();
        assertEquals(4, rows.size());
        SweepJob parsed = JobParser.parse(job, false);
        for (Row row : rows) {
            boolean plane = row.getString(1).equals("plane");
            assertEquals(plane ? 2.0 : 1.0, row.getDouble(2), 0.0);
            assertEquals(plane ? 6 : 4, row.getInt(3), "θ = (W, v): H·(d + 1) values");
            assertTrue(!row.getString(7).equals("failed"), row.toString());
        }
        // the committee rows are what CommitteePipeline computes for the same task, directly
        for (long t = 0; t < parsed.size(); t++) {
            RunConfig c = parsed.task(t);
            if (!c.committee()) continue;
            CommitteeRunConfig cc = c.committeeConfig();
            CommitteeRunSummary expected = CommitteePipeline.run(cc).run();
            Row row = rows.stream().filter(x -> x.getString(0).equals(c.taskId())).findFirst().orElseThrow();
            assertEquals(expected.trainLoss(), row.getDouble(4), 0.0, "train_loss of " + c.taskId());
            // η = 0.2: GD stays stable along the flow (η·λ_max < 2), so GD's fate is the flow's
            assertEquals(expected.gd().gdFate(), row.getString(6), "gd_fate of " + c.taskId());
            assertEquals("flow", row.getString(6), c.taskId());
        }
        long events = spark.read().parquet(out.resolve("events").toString())
                .join(spark.read().parquet(out.resolve("runs").toString()).filter("teacher = 'plane'").select("task_id"), "task_id")
                .count();
        assertTrue(events >= 2, "the committee runs' events (origin plateau, attractor): " + events);
        assertEquals(2, spark.read().parquet(out.resolve("attractors").toString()).count(), "one row per data set");
        CliCapture.Result again = CliCapture.run("sweep", job.toString(), "--out", out.toString());
        assertEquals(0, again.exit(), again.stderr());
        assertTrue(again.stderr().contains("nothing to compute"), again.stderr());
        CliCapture.Result q = CliCapture.run("query", out.toString(), "-f", "jobs/queries/committee.sql");
        assertEquals(0, q.exit(), q.stderr());
        assertTrue(q.stdout().contains("input_dim"), q.stdout());
        assertTrue(q.stdout().lines().anyMatch(l -> l.trim().startsWith("2 ")), "a row for d = 2: " + q.stdout());
        // the report draws the scalar runs of a mixed sweep
        Path report = dir.resolve("report");
        CliCapture.Result rep = CliCapture.run("report", out.toString(), "--out", report.toString());
        assertEquals(0, rep.exit(), rep.stderr());
        assertTrue(Files.exists(report.resolve("index.html")));
        assertTrue(Files.exists(report.resolve("dynamics-H2.png")), "the scalar runs' figures");
        assertTrue(Files.exists(report.resolve("committee-plane.png")), "the committee machine's figure");
        assertTrue(Files.exists(report.resolve("committee-fates.png")), "the committee machine's fates by d");
        // a sweep of committee machines only: its figure, and a page saying why the others are left out
        Path only = Files.writeString(dir.resolve("plane.yaml"), JOB.replace("name: mixed", "name: plane")
                .replace("  - {name: scalar, w: [1.0], v: [1.0]}\n", "").replace("{from: 1, count: 2}", "[1]"));
        assertEquals(0, CliCapture.run("sweep", only.toString(), "--out", out.toString()).exit());
        Path report2 = dir.resolve("report2");
        CliCapture.Result rep2 = CliCapture.run("report", out.toString(), "--sweep", "plane", "--out", report2.toString());
        assertEquals(0, rep2.exit(), rep2.stderr());
        assertTrue(Files.exists(report2.resolve("committee-plane.png")));
        assertTrue(Files.exists(report2.resolve("committee-fates.png")));
        assertTrue(Files.readString(report2.resolve("index.html")).contains("committee machine"));
        // input_dim runs the one teacher in d = 2 and 3: an attractors row and a figure per dimension
        Path dims = Files.writeString(dir.resolve("dims.yaml"), Files.readString(only).replace("name: plane\n", "name: dims\n")
                + "input_dim: [2, 3]\n");
        assertEquals(0, CliCapture.run("sweep", dims.toString(), "--out", out.toString()).exit());
        List<Row> att = spark.read().parquet(out.resolve("attractors").toString()).filter("sweep = 'dims'")
                .selectExpr("size(teacher_w) / size(teacher_v) AS d", "runs", "size(top_attractor)", "fn_clustered",
                        "fn_top_limit_model", "size(fn_top_limit_params)", "fn_top_limit_gen_excess", "top_gen_excess")
                .orderBy("d").collectAsList();
        assertEquals(2, att.size(), att.toString());
        for (int i = 0; i < 2; i++) {
            assertEquals(2.0 + i, att.get(i).getDouble(0), 0.0);
            assertEquals(1, att.get(i).getLong(1));
            assertEquals(2 * (3 + i), att.get(i).getInt(2), "canonical θ of H·(d + 1) entries");
            // the certified minimum is its own limit in function space: a tanh term (w_i, v_i) per unit, E the same
            assertEquals(1, att.get(i).getLong(3), att.get(i).toString());
            assertEquals("tanh,tanh", att.get(i).getString(4));
            assertEquals(2 * (3 + i), att.get(i).getInt(5));
            assertEquals(att.get(i).getDouble(7), att.get(i).getDouble(6), 1e-12 * Math.abs(att.get(i).getDouble(7)) + 1e-16);
        }
        Path report3 = dir.resolve("report3");
        CliCapture.Result rep3 = CliCapture.run("report", out.toString(), "--sweep", "dims", "--out", report3.toString());
        assertEquals(0, rep3.exit(), rep3.stderr());
        assertTrue(Files.exists(report3.resolve("committee-plane-d2.png")), rep3.stdout() + rep3.stderr());
        assertTrue(Files.exists(report3.resolve("committee-plane-d3.png")), rep3.stdout() + rep3.stderr());
    }
}
