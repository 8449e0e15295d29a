package saddlesweep.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Symmetry;
import saddlesweep.model.Teacher;
import saddlesweep.train.GradientDescent;
import saddlesweep.train.RunStatus;
import saddlesweep.train.TrainingSettings;

/**
 * DESIGN §1: the Newton-polished attractor of a {@code finite} run equals the limit of plain gradient descent.
 * Each case runs the pipeline (GD + early polish), then plain GD from the same θ_0 with the same η, no
 * polish, until ‖∇L_N‖ ≤ 1e-13, and compares canonical forms to 1e-8.
 */
class PolishedAttractorIsGdLimitTest {

    private static void assertPolishIsGdLimit(RunConfig config, long maxPlainSteps) {
        RunSummary s = RunPipeline.run(config).run();
        assertEquals("converged", s.status(), s.error());
        assertEquals("finite", s.attractorKind());
        assertTrue(s.polished());
        TrainingSettings plain = config.training().withPolish(false).withGradTol(1e-13).withMaxSteps(maxPlainSteps);
        GradientDescent.Outcome o = new GradientDescent(config.dataSet(), plain, th -> 0.0).run(config.initialTheta(), null);
        assertEquals(RunStatus.CONVERGED, o.status(), "plain GD reached ‖∇L_N‖ ≤ 1e-13 in " + o.steps() + " steps");
        assertTrue(o.steps() > s.steps(), "plain GD needs more steps than the polished run");
        assertArrayEquals(Symmetry.canonical(o.theta()), s.attractor(), 1e-8,
                "polished attractor vs plain-GD limit after " + o.steps() + " steps");
        // and the polished point is a critical point of L_N to the polish tolerance
        assertTrue(SquaredLoss.empirical(config.dataSet()).gradientNorm(s.attractor()) <= 1e-11);
    }

    @Test
    void oneUnitStudent() {
        // teacher w=[1], v=[1], N=100, σ²=0.01, H=1: plain GD needs ~2.6e4 steps
        assertPolishIsGdLimit(RunConfig.of(new Teacher(new double[] {1}, new double[] {1}), 100, 0.01, 1, 10, 1), 500_000);
    }

    @Test
    void twoUnitsLargeStep() {
        // realizable teacher w=(0.5, 3), v=(1, 1), H=2, η = 0.5 (η·λ_max < 1): plain GD ~6.4e4 steps
        RunConfig c = RunConfig.of(new Teacher(new double[] {0.5, 3}, new double[] {1, 1}), 100, 0.01, 2, 4, 1);
        assertPolishIsGdLimit(c.withTraining(c.training().withEta(0.5)), 1_000_000);
    }

    @Test
    void spareUnitStudentOfAOneUnitTeacher() {
        // teacher w=[1], v=[1], H=2, data_seed=10, init_seed=1 (DESIGN's example): finite, smallest eigenvalue
        // ~1.5e-4, so plain GD needs ~2e6 steps
        assertPolishIsGdLimit(RunConfig.of(new Teacher(new double[] {1}, new double[] {1}), 100, 0.01, 2, 10, 1), 6_000_000);
    }

    @Test
    void twoUnitsDefaultSettings() {
        // the same data with the default η = 0.05: the polish stops at ~2.6e4 steps, plain GD needs ~6.4e5 steps
        RunConfig c = RunConfig.of(new Teacher(new double[] {0.5, 3}, new double[] {1, 1}), 100, 0.01, 2, 4, 1);
        assertPolishIsGdLimit(c, 2_000_000);
    }
}
