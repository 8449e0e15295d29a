package saddlesweep.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import saddlesweep.error.UserError;
import saddlesweep.run.RunConfig;

/** Grid expansion, task ids and the definition hash. */
class SweepJobGridTest {

    /** 2 n × 3 sigma2 × 2 hidden × 2 data_seed × 3 init_seed = 72 tasks, lists and ranges mixed. */
    private static final String GRID = """
            name: grid
            teacher: {w: [0.5, 3.0], v: [1.0, 1.0]}
            n: [200, 50]
            sigma2: [0.1, 0.0, 0.01]
            hidden: {from: 1, count: 2}
            data_seed: [11, 7]
            init_seed: {from: 100, count: 3, step: -10}
            training: {eta: 0.03, max_steps: 5000}
            """;

    @Test
    void taskIndexAgreesWithNestedLoops() {
        SweepJob job = JobParser.parse(GRID, false);
        assertEquals(72, job.size());
        long[] ns = {200, 50};
        double[] sigma2s = {0.1, 0.0, 0.01};
        long[] hiddens = {1, 2};
        long[] dataSeeds = {11, 7};
        long[] initSeeds = {100, 90, 80};
        long index = 0;
        for (long n : ns) {
            for (double s : sigma2s) {
                for (long h : hiddens) {
                    for (long d : dataSeeds) {
                        for (long i : initSeeds) {
                            RunConfig t = job.task(index);
                            assertEquals(n, t.n(), "n at " + index);
                            assertEquals(s, t.sigma2(), "sigma2 at " + index);
                            assertEquals(h, t.hidden(), "hidden at " + index);
                            assertEquals(d, t.dataSeed(), "data_seed at " + index);
                            assertEquals(i, t.initSeed(), "init_seed at " + index);
                            assertEquals(0.03, t.training().eta());
                            assertEquals(5000L, t.training().maxSteps());
                            assertEquals(job.teachers().get(0), t.teacher());
                            assertNull(t.data());
                            assertNull(t.init());
                            index++;
                        }
                    }
                }
            }
        }
        assertEquals(job.size(), index);
    }

    @Test
    void runsOfOneDataSetAreAdjacent() {
        SweepJob job = JobParser.parse(GRID, false);
        long k = job.runsPerDataSet();
        assertEquals(3, k);
        for (long block = 0; block < job.size() / k; block++) {
            RunConfig first = job.task(block * k);
            for (long j = 1; j < k; j++) {
                RunConfig t = job.task(block * k + j);
                assertEquals(first.n(), t.n());
                assertEquals(first.sigma2(), t.sigma2());
                assertEquals(first.hidden(), t.hidden());
                assertEquals(first.dataSeed(), t.dataSeed());
                assertNotEquals(first.initSeed(), t.initSeed());
            }
        }
    }

    @Test
    void indexOutsideTheGridIsRefused() {
        SweepJob job = JobParser.parse(GRID, false);
        assertThrows(IndexOutOfBoundsException.class, () -> job.task(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> job.task(72));
    }

    @Test
    void chunkOfTasksMatchesSingleTasks() {
        SweepJob job = JobParser.parse(GRID, false);
        List<RunConfig> chunk = job.tasks(10, 25);
        assertEquals(15, chunk.size());
        for (int i = 0; i < chunk.size(); i++) assertEquals(job.task(10 + i).taskId(), chunk.get(i).taskId());
        assertEquals(0, job.tasks(72, 72).size());
    }

    @Test
    void taskIdsAreUniqueAndStable() {
        SweepJob job = JobParser.parse(GRID, false);
        SweepJob again = JobParser.parse(GRID, false);
        Set<String> ids = new HashSet<>();
        for (long i = 0; i < job.size(); i++) {
            String id = job.task(i).taskId();
            assertTrue(id.matches("[0-9a-f]{16}"), id);
            ids.add(id);
            assertEquals(id, again.task(i).taskId());
        }
        assertEquals(72, ids.size());
    }

    @Test
    void definitionHashIgnoresKeyOrderSpellingAndValueOrder() {
        String reordered = """
                training: {max_steps: 5000, eta: 0.03}
                init_seed: [80, 90, 100]
                data_seed: [7, 11]
                hidden: [2, 1]
                sigma2: [0.0, 0.01, 0.1]
                n: [50, 200]
                teacher: {v: [1.0, 1.0], w: [0.5, 3.0]}
                name: grid
                """;
        SweepJob a = JobParser.parse(GRID, false);
        SweepJob b = JobParser.parse(reordered, false);
        assertEquals(a.definitionHash(), b.definitionHash());
        assertTrue(a.definitionHash().matches("[0-9a-f]{16}"));
        // Same set of tasks either way.
        Set<String> idsA = new HashSet<>();
        Set<String> idsB = new HashSet<>();
        for (long i = 0; i < a.size(); i++) {
            idsA.add(a.task(i).taskId());
            idsB.add(b.task(i).taskId());
        }
        assertEquals(idsA, idsB);
    }

    @Test
    void definitionHashChangesWithWhatDeterminesResults() {
        String h = JobParser.parse(GRID, false).definitionHash();
        List<String> changed = new ArrayList<>();
        changed.add(GRID.replace("eta: 0.03", "eta: 0.031"));
        changed.add(GRID.replace("max_steps: 5000", "max_steps: 5001"));
        changed.add(GRID.replace("n: [200, 50]", "n: [200, 51]"));
        changed.add(GRID.replace("sigma2: [0.1, 0.0, 0.01]", "sigma2: [0.1, 0.0, 0.02]"));
        changed.add(GRID.replace("w: [0.5, 3.0]", "w: [0.5, 3.5]"));
        changed.add(GRID.replace("step: -10", "step: -5"));
        changed.add(GRID + "input_std: 2.0\n");
        changed.add(GRID + "analysis: {dip_factor: 11}\n");
        for (String text : changed) {
            assertNotEquals(h, JobParser.parse(text, false).definitionHash(), text);
        }
        // The name and the chunk size do not change results.
        assertEquals(h, JobParser.parse(GRID.replace("name: grid", "name: other") + "chunk_size: 5\n", false).definitionHash());
        // Writing a default explicitly changes nothing.
        assertEquals(h, JobParser.parse(GRID + "input_std: 1.0\n", false).definitionHash());
    }

    @Test
    void definitionHashIsFixedForAFixedJob() {
        // Guards the canonical rendering: changing it silently would make every stored sweep refuse to resume.
        String fixed = GRID + """
                input_std: 1.0
                training: {init_scale: 0.1, grad_tol: 1.0e-12, records_per_decade: 50, polish: true}
                analysis: {dip_factor: 10, near_optimal_ratio: 2, near_optimal_abs: 1.0e-14, eigen_rel_tol: 1.0e-7,
                           singular_tol: 1.0e-4, refine_max_distance: 1, cluster_tol: 1.0e-4, drift_min_growth: 0.01}
                """;
        fixed = fixed.replace("training: {eta: 0.03, max_steps: 5000}\n", "")
                .replace("training: {", "training: {eta: 0.03, max_steps: 5000, ");
        SweepJob job = JobParser.parse(fixed, false);
        assertEquals(EXPECTED_FIXED_HASH, job.definitionHash(), job.canonicalDefinition());
    }

    private static final String EXPECTED_FIXED_HASH = "24dd574caf9fbf7f";

    @Test
    void millionTaskGridIsDecodedLazily() {
        String big = JobTexts.BASE.replace("n: [50, 200]", "n: [100]").replace("hidden: [1, 2]", "hidden: [1]")
                .replace("data_seed: {from: 1, count: 2}", "data_seed: {from: 0, count: 1000}")
                .replace("init_seed: {from: 1, count: 3}", "init_seed: {from: 0, count: 1000}");
        UserError refused = assertThrows(UserError.class, () -> JobParser.parse(big, false));
        assertTrue(refused.getMessage().contains("--allow-large"), refused.getMessage());
        SweepJob job = JobParser.parse(big, true);
        assertEquals(1_000_000L, job.size());
        RunConfig last = assertTimeoutPreemptively(Duration.ofMillis(500), () -> job.task(999_999));
        assertEquals(999, last.dataSeed());
        assertEquals(999, last.initSeed());
        RunConfig middle = job.task(123_456);
        assertEquals(123, middle.dataSeed());
        assertEquals(456, middle.initSeed());
    }

    @Test
    void trillionTaskGridCannotHaveBeenMaterialised() {
        String huge = JobTexts.BASE.replace("data_seed: {from: 1, count: 2}", "data_seed: {from: 1, count: 1000000}")
                .replace("init_seed: {from: 1, count: 3}", "init_seed: {from: 1, count: 250000}");
        SweepJob job = JobParser.parse(huge, true);
        assertEquals(2L * 2 * 1_000_000 * 250_000, job.size());
        RunConfig last = job.task(job.size() - 1);
        assertEquals(200, last.n());
        assertEquals(2, last.hidden());
        assertEquals(1_000_000, last.dataSeed());
        assertEquals(250_000, last.initSeed());
    }

    @Test
    void jobSurvivesJavaSerialization() throws Exception {
        SweepJob job = JobParser.parse(GRID, false);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(job);
        }
        SweepJob back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (SweepJob) in.readObject();
        }
        assertEquals(job, back);
        assertEquals(job.task(41).taskId(), back.task(41).taskId());
    }
}
