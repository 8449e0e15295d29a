package saddlesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import saddlesweep.analysis.AttractorClustering;
import saddlesweep.error.UserError;
import saddlesweep.job.SweepJob;

/** Real sweeps of a 12-task job in local[2]: tables, determinism, resume, recovery, concurrent sweeps. */
class SweepRunnerTest {

    static final List<String> RUNS_COLUMNS = List.of("sweep", "task_id", "n", "sigma2", "hidden", "data_seed",
            "init_seed", "eta", "init_scale", "max_steps", "teacher", "teacher_w", "teacher_v", "status", "error", "steps",
            "wall_ms", "train_loss", "gen_excess", "attractor_kind", "attractor", "attractor_eigenvalues",
            "attractor_index", "opt_train_loss", "opt_grad_norm", "opt_gen_excess", "min_gen_excess",
            "min_gen_step", "plateaus", "plateau_steps", "near_optimal_step");
    static final List<String> EVENTS_COLUMNS = List.of("sweep", "task_id", "seq", "kind", "step_enter",
            "step_dip", "step_exit", "train_loss", "gen_excess", "grad_norm", "refined", "point", "eigenvalues",
            "morse_index", "null_dim", "singularity");
    static final List<String> TRAJECTORY_COLUMNS = List.of("sweep", "task_id", "step", "train_loss",
            "gen_excess", "grad_norm", "theta");
    static final List<String> ATTRACTORS_COLUMNS = List.of("sweep", "n", "sigma2", "hidden", "data_seed", "teacher",
            "teacher_w", "teacher_v", "input_std", "eta", "init_scale", "runs",
            "converged", "distinct", "top_share", "top_attractor", "top_train_loss", "top_gen_excess",
            "opt_train_loss");

    @TempDir
    static Path dir;
    static SparkSession spark;
    static Path jobFile;
    static Path refOut;
    static SweepOutcome refOutcome;
    static final Map<ResultTable, List<String>> REF = new HashMap<>();

    @BeforeAll
    static void referenceSweep() {
        spark = TestSpark.session();
        jobFile = SweepFixture.writeJob(dir.resolve("jobs"), "tiny", 0.01);
        REF.putAll(SweepFixture.reference(spark));   // the fixture's sweep of this job, shared by the test classes
        refOut = SweepFixture.referenceRoot(spark);
        refOutcome = SweepFixture.referenceOutcome(spark);
    }

    private static void assertSameAsReference(Path out, String sweep) {
        for (ResultTable t : ResultTable.values()) {
            assertEquals(REF.get(t), SweepFixture.rows(spark, out, t, sweep), t.dirName() + " differs from the reference");
        }
    }

    @Test
    void tablesHoldOneRowPerTaskWithTheDesignColumns() {
        SweepJob job = SweepFixture.job(jobFile);
        assertEquals(SweepFixture.TASKS, job.size());
        assertEquals(SweepFixture.TASKS, refOutcome.total());
        assertEquals(SweepFixture.TASKS, refOutcome.computed());
        assertTrue(refOutcome.complete());
        assertEquals(SweepFixture.TASKS, refOutcome.statuses().values().stream().mapToLong(Long::longValue).sum());

        List<Row> runs = SweepFixture.table(spark, refOut, ResultTable.RUNS, "tiny").collectAsList();
        assertEquals(SweepFixture.TASKS, runs.size());
        Set<String> expectedIds = new HashSet<>();
        for (long i = 0; i < job.size(); i++) expectedIds.add(job.task(i).taskId());
        Set<String> ids = new HashSet<>();
        for (Row r : runs) {
            assertTrue(ids.add(r.getAs("task_id")), "task_id twice: " + r.getAs("task_id"));
            assertEquals(20, (int) r.getAs("n"));
            assertEquals(0.01, (double) r.getAs("sigma2"));
            assertTrue(Set.of(1, 2).contains((int) r.getAs("hidden")));
            assertTrue(Set.of(1L, 2L).contains((long) r.getAs("data_seed")));
            assertTrue(Set.of(1L, 2L, 3L).contains((long) r.getAs("init_seed")));
            assertEquals(2000L, (long) r.getAs("max_steps"));
            assertEquals(0.05, (double) r.getAs("eta"));
            assertEquals(List.of(1.0), r.getList(r.fieldIndex("teacher_w")));
            assertTrue(Set.of("converged", "horizon", "budget", "diverged", "failed").contains(r.<String>getAs("status")),
                    "status " + r.getAs("status"));
            long steps = r.getAs("steps");
            assertTrue(steps >= 1 && steps <= 2000, "steps " + steps);
        }
        assertEquals(expectedIds, ids);

        Dataset3 all = new Dataset3();
        assertEquals(RUNS_COLUMNS, all.columns(ResultTable.RUNS, RUNS_COLUMNS));
        assertEquals(EVENTS_COLUMNS, all.columns(ResultTable.EVENTS, EVENTS_COLUMNS));
        assertEquals(TRAJECTORY_COLUMNS, all.columns(ResultTable.TRAJECTORY, TRAJECTORY_COLUMNS));
        assertEquals(ATTRACTORS_COLUMNS, all.columns(ResultTable.ATTRACTORS, ATTRACTORS_COLUMNS));

        for (ResultTable t : List.of(ResultTable.EVENTS, ResultTable.TRAJECTORY)) {
            var df = SweepFixture.table(spark, refOut, t, "tiny");
            if (df == null) continue;
            for (Row r : df.select("task_id").distinct().collectAsList()) {
                assertTrue(ids.contains(r.getString(0)), t.dirName() + " refers to unknown task " + r.getString(0));
            }
        }
        // every run has its trajectory, ending at its last step
        List<Row> last = spark.read().parquet(refOut.resolve("trajectory").toString())
                .groupBy("task_id").max("step").collectAsList();
        assertEquals(SweepFixture.TASKS, last.size());
        Map<String, Long> stepsById = new HashMap<>();
        for (Row r : runs) stepsById.put(r.getAs("task_id"), r.getAs("steps"));
        for (Row r : last) assertEquals(stepsById.get(r.getString(0)), r.getLong(1), "last trajectory step of " + r.getString(0));

        // one chunk file per table and chunk (chunk size 5: 5 + 5 + 2 tasks)
        assertEquals(3, parquetFiles(refOut.resolve("runs/sweep=tiny")).size());
        assertEquals(3, parquetFiles(refOut.resolve("trajectory/sweep=tiny")).size());
        assertEquals(1, parquetFiles(refOut.resolve("attractors/sweep=tiny")).size());
        assertFalse(Files.exists(refOut.resolve("_staging/tiny")) && listing(refOut.resolve("_staging/tiny")).size() > 0);
        assertTrue(Files.exists(refOut.resolve("_sweeps/tiny/job.yaml")));
    }

    @Test
    void attractorsSummariseEachDataSetsConvergedRuns() {
        List<Row> runs = SweepFixture.table(spark, refOut, ResultTable.RUNS, "tiny").collectAsList();
        List<Row> att = SweepFixture.table(spark, refOut, ResultTable.ATTRACTORS, "tiny").collectAsList();
        assertEquals(SweepFixture.DATA_SETS, att.size());
        double tol = SweepFixture.job(jobFile).analysis().clusterTol();
        for (Row a : att) {
            int hidden = a.getAs("hidden");
            long seed = a.getAs("data_seed");
            List<AttractorClustering.Member> members = new ArrayList<>();
            long runsOfSet = 0;
            double opt = Double.NaN;
            for (Row r : runs) {
                if ((int) r.getAs("hidden") != hidden || (long) r.getAs("data_seed") != seed) continue;
                runsOfSet++;
                opt = r.getAs("opt_train_loss");
                if (!"converged".equals(r.getAs("status"))) continue;
                List<Double> l = r.getList(r.fieldIndex("attractor"));
                members.add(new AttractorClustering.Member(r.getAs("task_id"),
                        l.stream().mapToDouble(Double::doubleValue).toArray(), r.getAs("train_loss"), r.getAs("gen_excess")));
            }
            assertEquals(3, runsOfSet);
            assertEquals(runsOfSet, (long) a.getAs("runs"));
            assertEquals(members.size(), (long) a.<Long>getAs("converged"));
            assertEquals(opt, (double) a.<Double>getAs("opt_train_loss"));
            var clusters = AttractorClustering.cluster(members, tol);
            assertEquals(clusters.size(), (int) a.getAs("distinct"));
            if (clusters.isEmpty()) {
                assertTrue(a.isNullAt(a.fieldIndex("top_share")));
            } else {
                var top = clusters.get(0);
                assertEquals((double) top.size() / members.size(), (double) a.<Double>getAs("top_share"), 1e-15);
                assertEquals(top.representative().trainLoss(), (double) a.<Double>getAs("top_train_loss"));
                assertEquals(top.representative().genExcess(), (double) a.<Double>getAs("top_gen_excess"));
                assertEquals(2 * hidden, a.getList(a.fieldIndex("top_attractor")).size());
            }
        }
    }

    @Test
    void otherChunkSizeAndPartitionCountGiveTheSameRows() {
        Path out = dir.resolve("chunk7");
        SweepOutcome o = SweepFixture.run(spark, out, jobFile, SweepOptions.defaults().withChunkSize(7).withPartitions(1));
        assertEquals(SweepFixture.TASKS, o.computed());
        assertEquals(2, parquetFiles(out.resolve("runs/sweep=tiny")).size());
        assertSameAsReference(out, "tiny");
    }

    @Test
    void resumeComputesExactlyTheMissingTasksAndACompleteSweepNothing() {
        Path out = dir.resolve("resume");
        SweepOutcome first = SweepFixture.run(spark, out, jobFile, SweepOptions.defaults().withMaxChunks(1));
        assertEquals(5, first.computed());
        assertFalse(first.complete());
        assertEquals(5, SweepFixture.rows(spark, out, ResultTable.RUNS, "tiny").size());
        assertFalse(Files.exists(out.resolve("attractors/sweep=tiny")), "attractors only once the grid is done");

        // resume with another chunk size: the plan covers exactly the 7 missing indices
        SweepOutcome second = SweepFixture.run(spark, out, jobFile, SweepOptions.defaults().withChunkSize(3).withMaxChunks(1));
        assertEquals(3, second.computed());
        assertEquals(8, second.done());

        SweepOutcome rest = SweepFixture.run(spark, out, jobFile, SweepOptions.defaults());
        assertEquals(4, rest.computed());
        assertEquals(SweepFixture.TASKS, rest.done());
        assertTrue(rest.complete());
        assertSameAsReference(out, "tiny");

        SweepOutcome again = SweepFixture.run(spark, out, jobFile, SweepOptions.defaults());
        assertEquals(0, again.computed());
        assertTrue(again.complete());
        assertEquals(SweepFixture.TASKS, again.done());
        assertSameAsReference(out, "tiny");
    }

    @Test
    void leftoversOfAnInterruptedCommitAreRemovedOnStart() throws IOException {
        Path out = dir.resolve("leftovers");
        SweepFixture.run(spark, out, jobFile, SweepOptions.defaults().withMaxChunks(1));
        // what a driver killed mid-commit leaves: a staged file, chunk files renamed without a marker
        // (here copies of the committed chunk's files, so a reader would see its tasks twice), a marker temp file
        Path staged = out.resolve("_staging/tiny/c000000000005-000000000010-x/runs.parquet");
        Files.createDirectories(staged.getParent());
        Files.writeString(staged, "partial");
        for (String table : List.of("runs", "events", "trajectory")) {
            Path part = out.resolve(table + "/sweep=tiny");
            if (!Files.exists(part)) continue;
            Path committed = parquetFiles(part).get(0);
            Files.copy(committed, part.resolve("chunk-c000000000005-000000000010.parquet"));
        }
        Files.writeString(out.resolve("_sweeps/tiny/commits/.c000000000005-000000000010.done.tmp-1"), "from=5");
        assertEquals(10, SweepFixture.rows(spark, out, ResultTable.RUNS, "tiny").size(), "duplicates visible before recovery");

        SweepOutcome rest = SweepFixture.run(spark, out, jobFile, SweepOptions.defaults());
        assertEquals(7, rest.computed());
        assertSameAsReference(out, "tiny");
        assertEquals(List.of(), listing(out.resolve("_staging/tiny")));
        assertEquals(3, listing(out.resolve("_sweeps/tiny/commits")).size());
    }

    @Test
    void twoSweepsWriteToOneRootConcurrently() throws Exception {
        Path out = dir.resolve("shared");
        Path jobA = SweepFixture.writeJob(dir.resolve("jobs-a"), "alpha", 0.01);
        Path jobB = SweepFixture.writeJob(dir.resolve("jobs-b"), "beta", 0.04);
        CompletableFuture<SweepOutcome> a = CompletableFuture.supplyAsync(
                () -> SweepFixture.run(spark, out, jobA, SweepOptions.defaults().withChunkSize(2)));
        CompletableFuture<SweepOutcome> b = CompletableFuture.supplyAsync(
                () -> SweepFixture.run(spark, out, jobB, SweepOptions.defaults().withChunkSize(3)));
        assertEquals(SweepFixture.TASKS, a.get().computed());
        assertEquals(SweepFixture.TASKS, b.get().computed());
        assertSameAsReference(out, "alpha");
        List<String> beta = SweepFixture.rows(spark, out, ResultTable.RUNS, "beta");
        assertEquals(SweepFixture.TASKS, beta.size());
        assertEquals(SweepFixture.TASKS, new HashSet<>(beta).size());
        long betaIds = spark.read().parquet(out.resolve("runs").toString()).filter("sweep = 'beta'")
                .select("task_id").distinct().count();
        assertEquals(SweepFixture.TASKS, betaIds);
        assertEquals(SweepFixture.DATA_SETS, SweepFixture.rows(spark, out, ResultTable.ATTRACTORS, "beta").size());
        // spark.read over the root sees both sweeps as the partition column
        assertEquals(2 * SweepFixture.TASKS, spark.read().parquet(out.resolve("runs").toString()).count());
    }

    @Test
    void sameNameWithAnotherDefinitionIsRefusedUnlessOverwrite() throws IOException {
        Path out = dir.resolve("redefine");
        SweepFixture.run(spark, out, jobFile, SweepOptions.defaults().withMaxChunks(1));
        Path other = SweepFixture.writeJob(dir.resolve("jobs-other"), "tiny", 0.04);
        UserError e = assertThrows(UserError.class, () -> SweepFixture.run(spark, out, other, SweepOptions.defaults()));
        assertTrue(e.getMessage().contains("different definition") && e.getMessage().contains("--overwrite"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals(5, SweepFixture.rows(spark, out, ResultTable.RUNS, "tiny").size(), "refused run changed nothing");

        SweepOutcome o = SweepFixture.run(spark, out, other, SweepOptions.defaults().withOverwrite(true));
        assertEquals(SweepFixture.TASKS, o.computed());
        List<Row> runs = SweepFixture.table(spark, out, ResultTable.RUNS, "tiny").collectAsList();
        assertEquals(SweepFixture.TASKS, runs.size());
        for (Row r : runs) assertEquals(0.04, (double) r.getAs("sigma2"));
        assertTrue(Files.readString(out.resolve("_sweeps/tiny/job.yaml")).contains("0.04"));
    }

    private static List<Path> parquetFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> listing(Path dir) {
        if (!Files.exists(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Column names of the tables as read back from the results root. */
    private static final class Dataset3 {
        List<String> columns(ResultTable t, List<String> required) {
            try {
                var df = ResultViews.read(spark, SweepFixture.root(spark, refOut), t);
                assertNotNull(df, t.dirName() + " has no data");
                List<String> names = List.of(df.columns());
                assertEquals("sweep", names.get(0));
                return required.stream().filter(names::contains).toList();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
