package saddlesweep.gdfate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import saddlesweep.analysis.CriticalPointSolver;
import saddlesweep.analysis.Spectrum;
import saddlesweep.model.DataSet;
import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Teacher;
import saddlesweep.model.Vectors;
import saddlesweep.train.GradientKernel;
import saddlesweep.train.Kernels;

/**
 * The largest Lyapunov exponent from the tangent map: at a stable fixed point it is ln max_i |1 − ηλ_i| (closed
 * form) and not chaos; along a chaotic GD orbit (N = 100, σ² = 0.1, H = 2, data 1, init 2, η = 2.7) the estimate
 * agrees with the one of a tangent map built from the full Hessian matrix along the same iterates, and an estimate over
 * a later, disjoint stretch of the orbit agrees with it within their errors (it has converged).
 */
class LyapunovTest {

    private static final Teacher ONE = new Teacher(new double[] {1}, new double[] {1});

    @Test
    void atAStableFixedPointTheExponentIsTheLogOfTheLargestMultiplier() {
        DataSet data = DataSet.generate(ONE, 100, 0.01, 0.5, 1);
        SquaredLoss loss = SquaredLoss.empirical(data);
        double[] min = new CriticalPointSolver(loss, 1e-14, 200).solve(new double[] {1.25, 0.87}).theta();
        double[] lambda = Spectrum.of(loss.hessian(min)).values();
        double eta = 1.5 / lambda[1];                               // multipliers 1 − ηλ: −0.5 and 1 − 1.5 λ_0/λ_1
        Lyapunov l = new Lyapunov(loss, eta, 2);
        for (int s = 0; s < Lyapunov.MIN_WINDOWS * Lyapunov.WINDOW; s++) l.step(min, 0);
        Lyapunov.Estimate e = l.estimate();
        double expected = Math.log(Math.max(Math.abs(1 - eta * lambda[0]), Math.abs(1 - eta * lambda[1])));
        // the first steps turn u from (1, 1)/√2 onto the top direction: an O(1) log spread over the steps
        assertEquals(expected, e.exponent(), 2.0 / (Lyapunov.MIN_WINDOWS * Lyapunov.WINDOW));
        assertEquals(0, e.error(), 2.0 / Lyapunov.WINDOW, "a fixed point: the windows differ only by the first one's turn");
        assertTrue(e.notChaotic());
        assertFalse(e.chaotic());
    }

    @Test
    void aLinearInstabilityHasASteadyPositiveExponentWithTheTangentOnTheTopEigenvector() {
        // the pitfall of the chaos rule: at a point past the edge (η·λ_max > 2, here the minimum held fixed, as GD
        // nearly is while its oscillation grows from rounding) the estimate alone converges to ln(η·λ_max − 1) > 0
        // with GD's step constant; what tells it from chaos is the tangent locked on the top Hessian eigenvector,
        // which GdFateFinder checks (|u·e_max| ≥ ALIGNED at most checks: no chaos)
        DataSet data = DataSet.generate(ONE, 100, 0.01, 0.5, 1);
        SquaredLoss loss = SquaredLoss.empirical(data);
        double[] min = new CriticalPointSolver(loss, 1e-14, 200).solve(new double[] {1.25, 0.87}).theta();
        Spectrum sp = Spectrum.of(loss.hessian(min));
        double eta = 2.001 / sp.values()[1];
        Lyapunov l = new Lyapunov(loss, eta, 2);
        for (int s = 0; s < Lyapunov.MIN_WINDOWS * Lyapunov.WINDOW; s++) l.step(min, 1e-3);
        Lyapunov.Estimate e = l.estimate();
        assertEquals(Math.log(eta * sp.values()[1] - 1), e.exponent(), 2.0 / (Lyapunov.MIN_WINDOWS * Lyapunov.WINDOW));
        assertTrue(e.chaotic(), "the estimate alone would say chaos: " + e.describe());
        assertTrue(Math.abs(Vectors.dot(l.direction(), sp.vector(1))) >= GdFateFinder.ALIGNED, "the tangent is on the top eigenvector");
    }

    @Test
    void alongAChaoticOrbitTheEstimateMatchesTheFullHessianAndConverges() {
        DataSet data = DataSet.generate(ONE, 100, 0.1, 1.0, 1);
        SquaredLoss loss = SquaredLoss.empirical(data);
        double eta = 2.7;
        GradientKernel k = Kernels.forData(data);
        double[] theta = saddlesweep.run.InitialPoint.draw(2, 0.1, 2);
        double[] g = new double[4];
        for (int s = 0; s < 200_000; s++) {                           // onto the attractor
            k.lossAndGradient(theta, g);
            for (int a = 0; a < 4; a++) theta[a] -= eta * g[a];
        }
        Lyapunov fromProducts = new Lyapunov(loss, eta, 4);
        double[] u = {0.5, 0.5, 0.5, 0.5};
        double sum = 0;
        int steps = Lyapunov.MIN_WINDOWS * Lyapunov.WINDOW;
        for (int s = 0; s < steps; s++) {
            double l = k.lossAndGradient(theta, g);
            fromProducts.step(theta, eta * Vectors.norm(g));
            DMatrixRMaj h = loss.hessian(theta);                    // the tangent map with the Hessian matrix
            double[] v = new double[4];
            for (int a = 0; a < 4; a++) {
                double hu = 0;
                for (int b = 0; b < 4; b++) hu += h.get(a, b) * u[b];
                v[a] = u[a] - eta * hu;
            }
            double n = Vectors.norm(v);
            sum += Math.log(n);
            for (int a = 0; a < 4; a++) u[a] = v[a] / n;
            for (int a = 0; a < 4; a++) theta[a] -= eta * g[a];
            assertTrue(Double.isFinite(l));
        }
        Lyapunov.Estimate first = fromProducts.estimate();
        // the two products differ by rounding, and DG is near-singular at moments (ηλ_i ≈ 1): there the logs of
        // the two renormalisations differ, so the sums agree within the estimate's error, not to rounding
        assertEquals(sum / steps, first.exponent(), first.error(), "Hessian-vector products against the Hessian matrix");
        assertTrue(first.chaotic(), first.describe());
        // a later, disjoint stretch of the same orbit
        Lyapunov later = new Lyapunov(loss, eta, 4);
        for (int s = 0; s < steps; s++) {
            k.lossAndGradient(theta, g);
            later.step(theta, eta * Vectors.norm(g));
            for (int a = 0; a < 4; a++) theta[a] -= eta * g[a];
        }
        Lyapunov.Estimate second = later.estimate();
        assertTrue(second.chaotic(), second.describe());
        double apart = Math.abs(first.exponent() - second.exponent());
        assertTrue(apart <= 3 * Math.hypot(first.error(), second.error()), first.describe() + " vs " + second.describe());
        assertEquals(0.0066, 0.5 * (first.exponent() + second.exponent()), 0.001,
                "an independent numpy estimate over 5·10^5 steps from θ_0: 0.00658 ± 0.00012");
    }
}
