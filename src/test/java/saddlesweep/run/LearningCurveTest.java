package saddlesweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import saddlesweep.analysis.DampedNewton;
import saddlesweep.analysis.Optimum;
import saddlesweep.model.PopulationExcess;
import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Symmetry;
import saddlesweep.model.Teacher;

/**
 * The whole pipeline against classical learning-curve theory in the regular realizable case
 * (H = H* = 2, distinct teacher units): the attractor of GD from a small random start is the empirical
 * minimum next to θ* (found here independently by Levenberg-damped Newton on L_N started at θ*), and on
 * average E(θ̂) ≈ (σ²/2)(2H)/N, i.e. N·E/σ² ≈ H.
 */
class LearningCurveTest {

    static final Teacher TEACHER = new Teacher(new double[] {0.5, 3}, new double[] {1, 1});
    static final int N = 400;
    static final double SIGMA2 = 0.01;
    static final int RUNS = 16;

    @Test
    void attractorsFollowTheAsymptoticTheory() {
        double[] thetaStar = Optimum.of(TEACHER, 2, 1.0).theta();
        PopulationExcess pop = new PopulationExcess(TEACHER, 1.0);
        double sum = 0;
        double sumSq = 0;
        for (int seed = 1; seed <= RUNS; seed++) {
            RunConfig c = RunConfig.of(TEACHER, N, SIGMA2, 2, seed, 1);
            RunSummary s = RunPipeline.run(c).run();
            assertEquals("finite", s.attractorKind(), "data seed " + seed);
            // the empirical minimum next to θ*, reached from θ* (not along the GD path)
            SquaredLoss lossN = SquaredLoss.empirical(c.dataSet());
            double[] nearStar = new DampedNewton(lossN, 2000).minimise(thetaStar);
            assertTrue(lossN.gradientNorm(nearStar) < 1e-11);
            assertEquals(0, Symmetry.distance(s.attractor(), nearStar), 1e-7, "data seed " + seed);
            assertTrue(s.trainLoss() < s.optTrainLoss(), "overfitting: L_N(attractor) < L_N(θ*)");
            assertEquals(pop.value(s.attractor()), s.genExcess(), 1e-12 * s.genExcess());
            double ratio = N * s.genExcess() / SIGMA2;
            sum += ratio;
            sumSq += ratio * ratio;
        }
        double mean = sum / RUNS;
        double se = Math.sqrt((sumSq / RUNS - mean * mean) / (RUNS - 1));
        // theory: N·E/σ² → H = 2 (χ²-like spread: se ≈ 0.35 here)
        assertEquals(2.0, mean, 3 * se + 0.1, "mean N·E/σ² = " + mean + " ± " + se);
    }
}
