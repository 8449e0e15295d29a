package saddlesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import saddlesweep.analysis.AnalysisSettings;
import saddlesweep.analysis.AttractorClustering;
import saddlesweep.job.SweepJob;
import saddlesweep.model.Teacher;
import saddlesweep.run.RunConfig;
import saddlesweep.run.RunPipeline;
import saddlesweep.run.RunSummary;
import saddlesweep.train.TrainingSettings;

/**
 * A sweep in local[2] over the new axes, 2 teachers × 2 eta (a geometric range) × 2 init_scale × 2 data
 * seeds × 2 init seeds: every combination is in {@code runs} once and every (teacher, eta, init_scale,
 * data set) in {@code attractors}, the rows are those of the same runs computed directly, and every query
 * in jobs/queries runs on them. The flow tail follows the runs to 10^8 steps, not the default 10^12: the axes
 * are what is tested, and a few runs of this grid take 10× longer to the default horizon (measured with
 * {@code train}: 23 s instead of 2.2 s for teacher one, η = 0.1, init_scale 0.1, seeds 1, 2).
 */
class AxesSweepTest {

    static final String JOB = """
            name: axes
            teachers:
              - {name: one, w: [1.0], v: [1.0]}
              - {name: two, w: [0.5, 3.0], v: [1.0, -1.0]}
            n: 20
            sigma2: 0.01
            hidden: 2
            data_seed: {from: 1, count: 2}
            init_seed: {from: 1, count: 2}
            training:
              eta: {from: 0.1, factor: 0.5, count: 2}
              init_scale: [0.1, 0.01]
              max_steps: 1000
              horizon_steps: 100000000
            chunk_size: 7
            """;
    static final Map<String, double[][]> TEACHERS = Map.of("one", new double[][] {{1.0}, {1.0}},
            "two", new double[][] {{0.5, 3.0}, {1.0, -1.0}});
    static final double[] ETAS = {0.1, 0.05};
    static final double[] SCALES = {0.1, 0.01};

    @TempDir
    static Path dir;
    static SparkSession spark;
    static Path out;
    static SweepJob job;

    @BeforeAll
    static void sweep() throws Exception {
        spark = TestSpark.session();
        Path file = dir.resolve("axes.yaml");
        Files.writeString(file, JOB);
        out = dir.resolve("results");
        job = SweepFixture.job(file);
        SweepOutcome o = SweepFixture.run(spark, out, file, SweepOptions.defaults());
        assertTrue(o.complete());
        assertEquals(32, o.total());
    }

    private static List<Row> rows(ResultTable t) {
        return SweepFixture.table(spark, out, t, "axes").collectAsList();
    }

    @Test
    void runsHoldEveryCombinationOnceWithItsTeacher() {
        List<Row> runs = rows(ResultTable.RUNS);
        assertEquals(32, runs.size());
        Set<String> combos = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (Row r : runs) {
            String teacher = r.getAs("teacher");
            double[][] wv = TEACHERS.get(teacher);
            assertEquals(toList(wv[0]), r.getList(r.fieldIndex("teacher_w")), teacher);
            assertEquals(toList(wv[1]), r.getList(r.fieldIndex("teacher_v")), teacher);
            assertEquals(1.0, (double) r.getAs("input_std"));
            combos.add(teacher + "|" + r.getAs("eta") + "|" + r.getAs("init_scale") + "|" + r.getAs("data_seed")
                    + "|" + r.getAs("init_seed"));
            ids.add(r.getAs("task_id"));
        }
        Set<String> expected = new HashSet<>();
        for (String t : TEACHERS.keySet()) {
            for (double eta : ETAS) {
                for (double s : SCALES) {
                    for (long d = 1; d <= 2; d++) for (long i = 1; i <= 2; i++) expected.add(t + "|" + eta + "|" + s + "|" + d + "|" + i);
                }
            }
        }
        assertEquals(expected, combos);
        Set<String> jobIds = new HashSet<>();
        for (long i = 0; i < job.size(); i++) jobIds.add(job.task(i).taskId());
        assertEquals(jobIds, ids);
    }

    @Test
    void eachRowIsTheRunOfItsParametersComputedDirectly() {
        // Rebuild two runs from their column values alone, without the job: the axes' values reached the runs.
        Map<String, Row> byCombo = new HashMap<>();
        for (Row r : rows(ResultTable.RUNS)) {
            byCombo.put(r.getAs("teacher") + "|" + r.getAs("eta") + "|" + r.getAs("init_scale") + "|"
                    + r.getAs("data_seed") + "|" + r.getAs("init_seed"), r);
        }
        for (String combo : List.of("two|0.05|0.01|2|1", "one|0.1|0.1|1|2")) {
            String[] p = combo.split("\\|");
            double[][] wv = TEACHERS.get(p[0]);
            TrainingSettings t = TrainingSettings.defaults().withMaxSteps(1000).withHorizonSteps(100_000_000L)
                    .withEta(Double.parseDouble(p[1])).withInitScale(Double.parseDouble(p[2]));
            RunConfig c = new RunConfig(new Teacher(p[0], wv[0], wv[1]), 20, 0.01, 2, Long.parseLong(p[3]),
                    Long.parseLong(p[4]), 1.0, t, AnalysisSettings.defaults(), null, null);
            RunSummary direct = RunPipeline.run(c).run();
            Row r = byCombo.get(combo);
            assertEquals(direct.taskId(), r.getAs("task_id"), combo);
            assertEquals(direct.steps(), (long) r.getAs("steps"), combo);
            assertEquals(direct.trainLoss(), (double) r.getAs("train_loss"), combo);
            assertEquals(direct.genExcess(), (double) r.getAs("gen_excess"), combo);
        }
    }

    @Test
    void attractorsHaveOneRowPerSettingAndDataSet() {
        List<Row> runs = rows(ResultTable.RUNS);
        List<Row> att = rows(ResultTable.ATTRACTORS);
        assertEquals(16, att.size());
        Set<String> keys = new HashSet<>();
        for (Row a : att) {
            String key = a.getAs("teacher") + "|" + a.getAs("eta") + "|" + a.getAs("init_scale") + "|" + a.getAs("data_seed");
            assertTrue(keys.add(key), "twice: " + key);
            assertEquals(toList(TEACHERS.get(a.<String>getAs("teacher"))[0]), a.getList(a.fieldIndex("teacher_w")));
            assertEquals(1.0, (double) a.getAs("input_std"));
            List<AttractorClustering.Member> members = new ArrayList<>();
            long runsOfKey = 0;
            for (Row r : runs) {
                String rk = r.getAs("teacher") + "|" + r.getAs("eta") + "|" + r.getAs("init_scale") + "|" + r.getAs("data_seed");
                if (!rk.equals(key)) continue;
                runsOfKey++;
                if (!"converged".equals(r.getAs("status"))) continue;
                List<Double> l = r.getList(r.fieldIndex("attractor"));
                members.add(new AttractorClustering.Member(r.getAs("task_id"),
                        l.stream().mapToDouble(Double::doubleValue).toArray(), r.getAs("train_loss"), r.getAs("gen_excess")));
            }
            assertEquals(2, runsOfKey, key);
            assertEquals(2L, (long) a.getAs("runs"), key);
            assertEquals(members.size(), (long) a.<Long>getAs("converged"), key);
            assertEquals(AttractorClustering.cluster(members, job.analysis().clusterTol()).size(), (int) a.getAs("distinct"), key);
        }
        assertEquals(16, keys.size());
    }

    @Test
    void queriesGroupByTheNewAxes() {
        CliCapture.Result r = CliCapture.run("query", out.toString(), "--format", "csv",
                "SELECT teacher, eta, init_scale, count(*) AS runs FROM runs GROUP BY 1, 2, 3 ORDER BY 1, 2, 3");
        assertEquals(0, r.exit(), r.stderr());
        assertEquals(List.of("teacher,eta,init_scale,runs", "one,0.05,0.01,4", "one,0.05,0.1,4", "one,0.1,0.01,4",
                "one,0.1,0.1,4", "two,0.05,0.01,4", "two,0.05,0.1,4", "two,0.1,0.01,4", "two,0.1,0.1,4"),
                r.stdout().lines().toList());
    }

    /** Columns that jobs/queries use and that other work adds to the tables (a query needing one is skipped until then). */
    static final Map<String, ResultTable> PENDING_COLUMNS = Map.of("predicted_exit", ResultTable.EVENTS,
            "escape_eigenvalue", ResultTable.EVENTS, "fn_distinct", ResultTable.ATTRACTORS,
            "fn_clustered", ResultTable.ATTRACTORS, "fn_top_share", ResultTable.ATTRACTORS);

    @TestFactory
    Stream<DynamicTest> everyShippedQueryRunsOnTheseTables() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("jobs/queries"))) {
            files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        assertTrue(files.size() >= 9, "queries: " + files);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            String sql = Files.readString(f);
            for (Map.Entry<String, ResultTable> c : PENDING_COLUMNS.entrySet()) {
                if (sql.contains(c.getKey())) {
                    List<String> have = List.of(SweepFixture.table(spark, out, c.getValue(), "axes").columns());
                    Assumptions.assumeTrue(have.contains(c.getKey()), c.getValue().dirName() + " has no column " + c.getKey() + " yet");
                }
            }
            CliCapture.Result r = CliCapture.run("query", out.toString(), "-f", f.toString());
            assertEquals(0, r.exit(), f + ": " + r.stderr());
            assertTrue(r.stdout().contains("rows)") || r.stdout().contains("(1 row)"), f + ": " + r.stdout());
        }));
    }

    private static List<Double> toList(double[] xs) {
        List<Double> l = new ArrayList<>();
        for (double x : xs) l.add(x);
        return l;
    }
}
