package saddlesweep.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import saddlesweep.analysis.AnalysisSettings;
import saddlesweep.error.UserError;
import saddlesweep.train.TrainingSettings;

/** Valid job files: values, defaults, ranges, the shipped jobs/*.yaml. */
class JobParserTest {

    @Test
    void goodJobHasItsValuesAndDefaults() {
        SweepJob job = JobParser.parse(JobTexts.BASE, false);
        assertEquals("t1", job.name());
        assertArrayEquals(new double[] {1.0}, job.teachers().get(0).w());
        assertArrayEquals(new double[] {1.0}, job.teachers().get(0).v());
        assertArrayEquals(new double[] {1.0}, job.inputStd().values());
        assertEquals("teacher", job.teachers().get(0).name());
        assertEquals(List.of(50L, 200L), values(job.n()));
        assertArrayEquals(new double[] {0.01}, job.sigma2().values());
        assertEquals(List.of(1L, 2L), values(job.hidden()));
        assertTrue(job.dataSeed().isRange());
        assertEquals(List.of(1L, 2L), values(job.dataSeed()));
        assertEquals(List.of(1L, 2L, 3L), values(job.initSeed()));
        assertEquals(TrainingSettings.defaults(), job.training());
        assertEquals(AnalysisSettings.defaults(), job.analysis());
        assertEquals(64, job.chunkSize());
        assertEquals(24, job.size());
        assertEquals(3, job.runsPerDataSet());
    }

    @Test
    void settingsOverrideOnlyTheKeysGiven() {
        SweepJob job = JobParser.parse(JobTexts.plus("""
                input_std: 2.5
                training:
                  eta: 0.02
                  max_steps: 1e6
                  polish: false
                analysis:
                  dip_factor: 20
                  cluster_tol: 1.0e-6
                  fn_cluster_tol: 1.0e-5
                chunk_size: 7
                """), false);
        assertArrayEquals(new double[] {2.5}, job.inputStd().values());
        TrainingSettings d = TrainingSettings.defaults();
        assertEquals(new TrainingSettings(0.02, d.initScale(), 1_000_000L, d.gradTol(), d.recordsPerDecade(), false),
                job.training());
        AnalysisSettings a = AnalysisSettings.defaults();
        assertEquals(new AnalysisSettings(20.0, a.nearOptimalRatio(), a.nearOptimalAbs(), a.eigenRelTol(),
                a.singularTol(), a.refineMaxDistance(), 1e-6, 1e-5, a.gdFateWork(), a.gdTheta0Work()), job.analysis());
        assertTrue(job.canonicalDefinition().contains("fn_cluster_tol: 1.0e-5"), job.canonicalDefinition());
        assertEquals(job.analysis(), JobParser.parse(job.canonicalYaml(), false).analysis(), "the stored YAML gives it back");
        assertEquals(7, job.chunkSize());
    }

    @Test
    void emptySectionsMeanDefaults() {
        SweepJob job = JobParser.parse(JobTexts.plus("training:\nanalysis: {}\n"), false);
        assertEquals(TrainingSettings.defaults(), job.training());
        assertEquals(AnalysisSettings.defaults(), job.analysis());
    }

    @Test
    void rangesExpandWithStepsInEitherDirection() {
        SweepJob job = JobParser.parse(JobTexts.with("n", "n: {from: 100, count: 4, step: 100}")
                .replace("hidden: [1, 2]", "hidden: {from: 3, count: 3, step: -1}"), false);
        assertEquals(List.of(100L, 200L, 300L, 400L), values(job.n()));
        assertEquals(List.of(3L, 2L, 1L), values(job.hidden()));
        assertEquals(1, job.hidden().min());
        assertEquals(3, job.hidden().max());
        assertEquals(4 * 3 * 2 * 3, job.size());
    }

    @Test
    void aSingleScalarIsAOneValueAxis() {
        SweepJob job = JobParser.parse(JobTexts.with("hidden", "hidden: 3").replace("n: [50, 200]", "n: 400")
                .replace("sigma2: [0.01]", "sigma2: 0"), false);
        assertEquals(List.of(3L), values(job.hidden()));
        assertEquals(List.of(400L), values(job.n()));
        assertArrayEquals(new double[] {0.0}, job.sigma2().values());
        assertEquals(6, job.size());
    }

    @Test
    void negativeZeroNoiseIsZero() {
        SweepJob job = JobParser.parse(JobTexts.with("sigma2", "sigma2: [-0.0, 0.5]"), false);
        assertEquals(0, Double.compare(0.0, job.sigma2().get(0)));
        assertEquals(0, Double.compare(0.0, job.task(0).sigma2()));
    }

    @Test
    void yamlBlockStyleAndNumberSpellingsAreAccepted() {
        SweepJob job = JobParser.parse("""
                name: "2024.1"
                teacher:
                  w:
                    - 0.5
                    - 3
                  v: [1, 1]
                n:
                  - 1_000
                  - 2000
                sigma2: [1e-3, 0.01]
                hidden: 2
                data_seed: [7]
                init_seed: {from: -2, count: 2}
                """, false);
        assertEquals("2024.1", job.name());
        assertArrayEquals(new double[] {0.5, 3.0}, job.teachers().get(0).w());
        assertEquals(List.of(1000L, 2000L), values(job.n()));
        assertArrayEquals(new double[] {0.001, 0.01}, job.sigma2().values());
        assertEquals(List.of(-2L, -1L), values(job.initSeed()));
    }

    @Test
    void canonicalYamlReadsBackToTheSameJob() {
        SweepJob job = JobParser.parse(JobTexts.plus("""
                input_std: 0.75
                training: {eta: 0.013, grad_tol: 1.0e-10, max_steps: 123456}
                analysis: {near_optimal_abs: 3.0e-20, refine_max_distance: 12345678901.5}
                """), false);
        SweepJob again = JobParser.parse(job.canonicalYaml(), false);
        assertEquals(job, again);
        assertEquals(job.definitionHash(), again.definitionHash());
        assertEquals(job.task(17).taskId(), again.task(17).taskId());
        assertTrue(job.canonicalYaml().contains("refine_max_distance: 1.23456789015e+10"), job.canonicalYaml());
    }

    @Test
    void aRetiredKeyWarnsOnceAndChangesNoIdNorTheDefinitionHash() {
        SweepJob plain = JobParser.parse(JobTexts.BASE, false);
        List<String> none = new ArrayList<>();
        JobParser.parse(JobTexts.BASE, "job.yaml", false, none::add);
        assertEquals(List.of(), none);
        for (String value : List.of("0.01", "0.5")) {
            List<String> warnings = new ArrayList<>();
            String text = JobTexts.plus("analysis:\n  drift_min_growth: " + value);
            SweepJob job = JobParser.parse(text, "job.yaml", false, warnings::add);
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith("warning: job.yaml:11: analysis.drift_min_growth: no longer used"), warnings.get(0));
            assertEquals(plain.definitionHash(), job.definitionHash(), value);
            for (long i = 0; i < plain.size(); i++) assertEquals(plain.task(i).taskId(), job.task(i).taskId(), value);
        }
        // the hash keeps its old text; the stored YAML has no retired key, and reads back without a warning
        assertTrue(plain.canonicalDefinition().contains("  drift_min_growth: 0.01\n"), plain.canonicalDefinition());
        assertFalse(plain.canonicalYaml().contains("drift_min_growth"), plain.canonicalYaml());
        List<String> again = new ArrayList<>();
        assertEquals(plain, JobParser.parse(plain.canonicalYaml(), "stored", false, again::add));
        assertEquals(List.of(), again);
        // elsewhere than in its section it is an unknown key, as before
        assertThrowsUserError(() -> JobParser.parse(JobTexts.plus("training: {drift_min_growth: 0.01}"), false),
                "training.drift_min_growth: unknown key");
    }

    private static void assertThrowsUserError(org.junit.jupiter.api.function.Executable parse, String fragment) {
        UserError e = assertThrows(UserError.class, parse);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void canonicalRenderingCoversEverySettingsComponent() {
        // A component added to a settings record must get a job key, or the definition hash would miss it.
        assertEquals(TrainingSettings.class.getRecordComponents().length, JobKeys.TRAINING_KEYS.size());
        assertEquals(AnalysisSettings.class.getRecordComponents().length, JobKeys.ANALYSIS_KEYS.size());
        String def = JobParser.parse(JobTexts.BASE, false).canonicalDefinition();
        // tail and horizon_steps are written only when not the defaults (existing hashes stay the same)
        for (String key : JobKeys.TRAINING_KEYS) {
            if (!key.equals("tail") && !key.equals("horizon_steps")) assertTrue(def.contains("  " + key + ": "), key);
        }
        String gd = JobParser.parse(JobTexts.plus("training: {tail: gd}"), false).canonicalDefinition();
        assertTrue(gd.contains("  tail: gd\n") && gd.contains("  horizon_steps: "), gd);
        // fn_cluster_tol, gd_fate_work and gd_theta0_work likewise
        for (String key : JobKeys.ANALYSIS_KEYS) {
            if (!key.equals("fn_cluster_tol") && !key.equals("gd_fate_work") && !key.equals("gd_theta0_work")) {
                assertTrue(def.contains("  " + key + ": "), key);
            }
        }
        String theta0 = JobParser.parse(JobTexts.plus("analysis: {gd_theta0_work: 0}"), false).canonicalDefinition();
        assertTrue(theta0.contains("  gd_theta0_work: "), theta0);
        String fn = JobParser.parse(JobTexts.plus("analysis: {fn_cluster_tol: 1.0e-7}"), false).canonicalDefinition();
        assertTrue(fn.contains("  fn_cluster_tol: 1.0e-7\n"), fn);
        String work = JobParser.parse(JobTexts.plus("analysis: {gd_fate_work: 5.0e8}"), false).canonicalDefinition();
        assertTrue(work.contains("  gd_fate_work: "), work);
        assertEquals(5e8, JobParser.parse(JobParser.parse(JobTexts.plus("analysis: {gd_fate_work: 5.0e8}"), false).canonicalYaml(), false).analysis().gdFateWork());
    }

    @Test
    void everyShippedJobFileParses() throws IOException {
        Path jobs = Path.of("jobs");
        List<Path> files;
        try (Stream<Path> s = Files.list(jobs)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 3, "job files found: " + files);
        for (Path f : files) {
            SweepJob job = JobParser.parse(f, false);
            assertTrue(job.size() > 0 && job.size() <= SweepJob.MAX_TASKS_DEFAULT, f.toString());
            assertEquals(f.getFileName().toString().replace(".yaml", ""), job.name(), "sweep name matches file name");
        }
    }

    @Test
    void shippedJobsHaveTheirIntendedGrids() {
        SweepJob quick = JobParser.parse(Path.of("jobs/quickstart.yaml"), false);
        assertEquals(3 * 2 * 3 * 2 * 4, quick.size());
        assertEquals(0.05, quick.training().eta());
        assertEquals(200_000L, quick.training().maxSteps());
        assertEquals(List.of(50L, 100L, 200L), values(quick.n()));

        SweepJob paper = JobParser.parse(Path.of("jobs/paper.yaml"), false);
        assertEquals(5 * 4 * 3 * 4 * 8, paper.size());
        assertArrayEquals(new double[] {0.5, 2.0}, paper.teachers().get(0).w());
        assertEquals(List.of(1L, 2L, 3L), values(paper.hidden()));
        assertEquals(1_000_000L, paper.training().maxSteps());

        SweepJob curve = JobParser.parse(Path.of("jobs/learning-curve.yaml"), false);
        assertEquals(5 * 8 * 2, curve.size());
        assertArrayEquals(new double[] {0.5, 3.0}, curve.teachers().get(0).w());
        assertEquals(List.of(2L), values(curve.hidden()));
        assertEquals(2_000_000L, curve.training().maxSteps());
    }

    @Test
    void everyKeyOfTheShippedJobsIsCommented() throws IOException {
        for (String f : List.of("quickstart", "paper", "learning-curve")) {
            List<String> lines = Files.readAllLines(Path.of("jobs", f + ".yaml"));
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank() || line.strip().startsWith("#") || !line.contains(":")) continue;
                boolean commented = line.contains("#") || (i > 0 && lines.get(i - 1).strip().startsWith("#"));
                assertTrue(commented, f + ".yaml line " + (i + 1) + " has no comment: " + line);
            }
        }
    }

    @Test
    void textSourceNameIsUsedInMessages() {
        String msg = org.junit.jupiter.api.Assertions.assertThrows(saddlesweep.error.UserError.class,
                () -> JobParser.parse(JobTexts.with("hidden", "hidden: [0]"), false)).getMessage();
        assertTrue(msg.startsWith(JobParser.TEXT_SOURCE + ":"), msg);
        assertFalse(msg.contains("\n"));
    }

    static List<Long> values(LongAxis axis) {
        return java.util.stream.LongStream.range(0, axis.size()).map(axis::get).boxed().toList();
    }
}
