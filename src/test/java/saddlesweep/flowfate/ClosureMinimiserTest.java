package saddlesweep.flowfate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import saddlesweep.analysis.Spectrum;
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

    /** The data of quickstart run 01534915c3a38cb5 (N = 50, σ² = 0.01, data seed 1), where tanh(0.44x)·12 nearly equals −4.3x + 0.14x³. */
    static final SquaredLoss NEARLY_COLLINEAR = SquaredLoss.empirical(
            DataSet.generate(new Teacher(new double[] {1.0}, new double[] {1.0}), 50, 0.01, 1.0, 1));

    /** L of tanh,linear,cubic with w fixed and (v, c, d) the least-squares fit (variable projection). */
    static double projected(SquaredLoss loss, double w) {
        double[][] a = new double[3][4];
        for (int k = 0; k < loss.points(); k++) {
            double x = loss.x()[k];
            double[] b = {Math.tanh(w * x), x, x * x * x};
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) a[i][j] += b[i] * b[j];
                a[i][3] += b[i] * loss.y()[k];
            }
        }
        org.ejml.data.DMatrixRMaj c = new org.ejml.data.DMatrixRMaj(3, 1);
        org.ejml.dense.row.CommonOps_DDRM.solve(new org.ejml.data.DMatrixRMaj(new double[][] {
                {a[0][0], a[0][1], a[0][2]}, {a[1][0], a[1][1], a[1][2]}, {a[2][0], a[2][1], a[2][2]}}),
                new org.ejml.data.DMatrixRMaj(new double[][] {{a[0][3]}, {a[1][3]}, {a[2][3]}}), c);
        double l = 0;
        for (int k = 0; k < loss.points(); k++) {
            double x = loss.x()[k];
            double r = c.get(0) * Math.tanh(w * x) + c.get(1) * x + c.get(2) * x * x * x - loss.y()[k];
            l += r * r;
        }
        return l / (2 * loss.points());
    }

    @Test
    void anIllConditionedMinimumOfNearlyCollinearTermsIsFoundFromAFarStart() {
        // the start read off the run at 10^12 steps: v and c twice their values at the minimum
        ClosureNetwork start = ClosureNetwork.parse("tanh,linear,cubic", new double[] {0.3974, 21.32, -7.519, 0.2498});
        ClosureNetwork limit = new ClosureMinimiser(NEARLY_COLLINEAR, 1e-7).minimise(start);
        assertNotNull(limit);
        ClosureLoss cl = new ClosureLoss(limit, NEARLY_COLLINEAR);
        org.ejml.data.DMatrixRMaj h = cl.hessian(limit.params());
        saddlesweep.analysis.Spectrum scaled = Spectrum.ofJacobiScaled(h);
        assertTrue(scaled.min() < 1e-7 * scaled.maxAbs(), "ill-conditioned beyond eigen_rel_tol: " + scaled.min() / scaled.maxAbs());
        // independent: golden-section search of the variable-projection loss over w
        double lo = 0.3;
        double hi = 0.6;
        double phi = (Math.sqrt(5) - 1) / 2;
        for (int it = 0; it < 80; it++) {
            double m1 = hi - phi * (hi - lo);
            double m2 = lo + phi * (hi - lo);
            if (projected(NEARLY_COLLINEAR, m1) < projected(NEARLY_COLLINEAR, m2)) hi = m2;
            else lo = m1;
        }
        double w = 0.5 * (lo + hi);
        assertEquals(w, limit.params()[0], 1e-6);
        assertEquals(projected(NEARLY_COLLINEAR, w), cl.value(limit.params()), 1e-13 * projected(NEARLY_COLLINEAR, w));
    }
}
