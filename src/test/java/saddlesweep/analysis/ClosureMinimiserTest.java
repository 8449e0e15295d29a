package saddlesweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import saddlesweep.model.ClosureForm;
import saddlesweep.model.ClosureLoss;
import saddlesweep.model.ClosureNetwork;
import saddlesweep.model.DataSet;
import saddlesweep.model.FiniteDifferences;
import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Teacher;

/**
 * Closure minima against independent computations: a model linear in its parameters against the normal
 * equations, a tanh unit against finite differences of L_N; a model with a flat direction has no isolated minimum.
 */
class ClosureMinimiserTest {

    private static final DataSet DATA = DataSet.generate(new Teacher(new double[] {1.0}, new double[] {1.0}), 80, 0.01, 1.0, 3);
    private static final SquaredLoss LOSS = SquaredLoss.empirical(DATA);
    private static final ClosureMinimiser MIN = new ClosureMinimiser(LOSS, 1e-7);

    @Test
    void aLinearPlusCubicModelIsTheLeastSquaresFit() {
        ClosureNetwork start = new ClosureNetwork(new ClosureForm[] {ClosureForm.LINEAR, ClosureForm.CUBIC}, new double[] {0, 0});
        ClosureNetwork limit = MIN.minimise(start);
        assertNotNull(limit);
        // normal equations of y on (x, x³)
        double s11 = 0, s13 = 0, s33 = 0, b1 = 0, b3 = 0;
        for (int k = 0; k < DATA.size(); k++) {
            double x = DATA.x()[k];
            double y = DATA.y()[k];
            s11 += x * x;
            s13 += x * x * x * x;
            s33 += Math.pow(x, 6);
            b1 += x * y;
            b3 += x * x * x * y;
        }
        double det = s11 * s33 - s13 * s13;
        double c = (b1 * s33 - b3 * s13) / det;
        double d = (s11 * b3 - s13 * b1) / det;
        assertEquals(c, limit.params()[0], 1e-10 * Math.abs(c));
        assertEquals(d, limit.params()[1], 1e-9 * Math.abs(d));
    }

    @Test
    void aTanhUnitEndsWhereTheGradientOfLnVanishes() {
        ClosureNetwork limit = MIN.minimise(ClosureNetwork.ofMlp(new double[] {0.8, 1.2}));
        assertNotNull(limit);
        double[] p = limit.params();
        double[] fd = FiniteDifferences.gradient(LOSS::value, p, 1e-4);
        for (double g : fd) assertEquals(0.0, g, 1e-9);
        double l = LOSS.value(p);
        for (double[] dp : new double[][] {{1e-3, 0}, {0, 1e-3}, {-1e-3, 1e-3}}) {
            assertTrue(LOSS.value(new double[] {p[0] + dp[0], p[1] + dp[1]}) > l, "a minimum");
        }
    }

    @Test
    void aModelWithAFlatDirectionHasNoIsolatedMinimum() {
        // c₁ x + c₂ x: only c₁ + c₂ is determined
        ClosureNetwork twice = new ClosureNetwork(new ClosureForm[] {ClosureForm.LINEAR, ClosureForm.LINEAR}, new double[] {0.3, 0.2});
        assertNull(MIN.minimise(twice));
        ClosureNetwork once = MIN.minimise(new ClosureNetwork(new ClosureForm[] {ClosureForm.LINEAR}, new double[] {0.5}));
        assertNotNull(once);
        assertTrue(new ClosureLoss(once, LOSS).gradientNorm(once.params()) <= ClosureMinimiser.LIMIT_GRAD_TOL);
    }
}
