package saddlesweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import saddlesweep.model.DataSet;
import saddlesweep.model.FiniteDifferences;
import saddlesweep.model.Reference;
import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Teacher;
import saddlesweep.model.Vectors;

/**
 * Critical points constructed by hand from the best one-unit fit (w̄, v̄) of a noisy data set, embedded in
 * H = 2: the elimination saddle (w̄, 0, v̄, 0), whose Hessian block on the spare unit is [[0, c], [c, 0]] with
 * c = (1/N) Σ r_n x_n (computed in the test from the residuals), and the overlap line (w̄, w̄, a, v̄ − a).
 * CriticalPointSolver started near them must land on them; Morse indices are checked against the closed
 * form and against a Hessian by finite differences of L_N values.
 */
class ConstructedCriticalPointsTest {

    private static final double EIG_TOL = AnalysisSettings.defaults().eigenRelTol();

    static DataSet data;
    static SquaredLoss loss1;
    static double wBar;
    static double vBar;
    /** c = (1/N) Σ r_n x_n with r_n = v̄ tanh(w̄ x_n) − y_n. */
    static double c;

    @BeforeAll
    static void fitOneUnit() {
        data = DataSet.generate(new Teacher(new double[] {1}, new double[] {1}), 100, 0.01, 1.0, 1);
        loss1 = SquaredLoss.empirical(data);
        double[] fit = new DampedNewton(loss1, 200).minimise(new double[] {0.8, 1.2});
        NewtonPolish.Result p = new NewtonPolish(loss1, 1e-7, 1.0).polish(fit, NewtonPolish.Mode.STRICT);
        assertTrue(p.ok(), p.reason());
        wBar = p.theta()[0];
        vBar = p.theta()[1];
        assertTrue(loss1.gradientNorm(p.theta()) < 1e-12, "one-unit fit is critical: " + loss1.gradientNorm(p.theta()));
        double s = 0;
        for (int n = 0; n < data.size(); n++) {
            double r = vBar * Math.tanh(wBar * data.x()[n]) - data.y()[n];
            s += r * data.x()[n];
        }
        c = s / data.size();
        assertTrue(Math.abs(c) > 1e-4, "c = " + c + " should be clearly non-zero for noisy data");
    }

    private static double[] perturbed(double[] theta, double size, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] t = theta.clone();
        for (int i = 0; i < t.length; i++) t[i] += size * (2 * rng.nextDouble() - 1);
        return t;
    }

    @Test
    void eliminationSaddleHasClosedFormHessianBlockAndIndexOne() {
        SquaredLoss loss2 = SquaredLoss.empirical(data);
        double[] thetaC = {wBar, 0, vBar, 0};
        assertTrue(loss2.gradientNorm(thetaC) < 1e-12, "embedding keeps the point critical");
        DMatrixRMaj h = loss2.hessian(thetaC);
        // spare unit (w_2, v_2) = indices (1, 3): [[0, c], [c, 0]], decoupled from unit 1
        assertEquals(0.0, h.get(1, 1), 1e-15);
        assertEquals(0.0, h.get(3, 3), 1e-15);
        assertEquals(c, h.get(1, 3), 1e-14 * Math.abs(c) + 1e-17);
        for (int i : new int[] {0, 2}) {
            assertEquals(0.0, h.get(i, 1), 1e-15);
            assertEquals(0.0, h.get(i, 3), 1e-15);
        }
        Spectrum sp = Spectrum.of(h);
        assertEquals(1, sp.morseIndex(EIG_TOL));
        assertEquals(-Math.abs(c), sp.min(), 1e-12 * Math.abs(c));
    }

    @Test
    void solverFromNearTheEliminationSaddleConvergesBackToIt() {
        SquaredLoss loss2 = SquaredLoss.empirical(data);
        double[] thetaC = {wBar, 0, vBar, 0};
        CriticalPointSolver solver = new CriticalPointSolver(loss2, 1e-12, 300);
        for (long seed = 1; seed <= 3; seed++) {
            CriticalPointSolver.Result r = solver.solve(perturbed(thetaC, 1e-3, seed));
            assertTrue(r.converged() && r.gradNorm() <= 1e-12, "converged: " + r);
            double[] t = r.theta();
            // on the elimination set: the spare unit has w_2 = 0 or v_2 = 0 (here both)
            assertTrue(Math.min(Math.abs(t[1]), Math.abs(t[3])) < 1e-6, "spare unit " + t[1] + ", " + t[3]);
            assertTrue(Vectors.distance(t, thetaC) < 1e-6, "landed at " + Arrays.toString(t));
            Spectrum sp = Spectrum.of(loss2.hessian(t));
            assertEquals(1, sp.morseIndex(EIG_TOL), "Morse index at " + Arrays.toString(t));
            double[] ev = sp.values();
            assertEquals(-Math.abs(c), nearest(ev, -Math.abs(c)), 1e-6 * Math.abs(c));
            assertEquals(Math.abs(c), nearest(ev, Math.abs(c)), 1e-6 * Math.abs(c));
        }
    }

    private static double nearest(double[] values, double target) {
        double best = Double.NaN;
        for (double v : values) if (Double.isNaN(best) || Math.abs(v - target) < Math.abs(best - target)) best = v;
        return best;
    }

    @Test
    void overlapLineIsCriticalAndTheSolverLandsOnItWithTheFiniteDifferenceMorseIndex() {
        SquaredLoss loss2 = SquaredLoss.empirical(data);
        double[] thetaO = {wBar, wBar, vBar / 2, vBar / 2};
        assertTrue(loss2.gradientNorm(thetaO) < 1e-12, "overlap embedding is critical");
        CriticalPointSolver solver = new CriticalPointSolver(loss2, 1e-12, 300);
        for (long seed = 11; seed <= 13; seed++) {
            CriticalPointSolver.Result r = solver.solve(perturbed(thetaO, 1e-3, seed));
            assertTrue(r.converged() && r.gradNorm() <= 1e-12, "converged: " + r);
            double[] t = r.theta();
            assertEquals(wBar, t[0], 1e-8, "w_1 at " + Arrays.toString(t));
            assertEquals(wBar, t[1], 1e-8, "w_2 at " + Arrays.toString(t));
            assertEquals(vBar, t[2] + t[3], 1e-8, "v_1 + v_2 at " + Arrays.toString(t));

            Spectrum sp = Spectrum.of(loss2.hessian(t));
            double[][] fd = FiniteDifferences.hessianFromValues(loss2::value, t, 1e-3);
            Spectrum fdSp = Spectrum.of(new DMatrixRMaj(fd));
            // the FD spectrum has no eigenvalue near the decision threshold (noise ~1e-11): the count is robust
            for (double ev : fdSp.values()) {
                assertTrue(Math.abs(ev) < 1e-9 || Math.abs(ev) > 1e-6, "ambiguous FD eigenvalue " + ev);
            }
            int fdNegative = 0;
            for (double ev : fdSp.values()) if (ev < -1e-6) fdNegative++;
            assertEquals(fdNegative, sp.morseIndex(EIG_TOL), "Morse index vs FD Hessian of values at " + Arrays.toString(t)
                    + ": analytic " + Arrays.toString(sp.values()) + ", FD " + Arrays.toString(fdSp.values()));
            assertTrue(sp.nullDim(EIG_TOL) >= 1, "null direction along the overlap line: " + Arrays.toString(sp.values()));
            // the line direction (0, 0, 1, −1) is a null vector of the analytic Hessian
            double[] hu = new double[4];
            DMatrixRMaj h = loss2.hessian(t);
            for (int i = 0; i < 4; i++) hu[i] = h.get(i, 2) - h.get(i, 3);
            assertTrue(Vectors.norm(hu) < 1e-10, "H (0,0,1,−1) = " + Arrays.toString(hu));
        }
    }

    @Test
    void oneUnitFitIsIndependentlyCritical() {
        // ∂L/∂v̄ = (1/N) Σ r tanh(w̄ x) and ∂L/∂w̄ = (1/N) Σ r v̄ x sech²(w̄ x), from the formula written out here
        double gv = 0;
        double gw = 0;
        for (int n = 0; n < data.size(); n++) {
            double x = data.x()[n];
            double r = Reference.net(new double[] {wBar}, new double[] {vBar}, x) - data.y()[n];
            double t = Math.tanh(wBar * x);
            gv += r * t;
            gw += r * vBar * x * (1 - t * t);
        }
        assertEquals(0.0, gv / data.size(), 1e-12);
        assertEquals(0.0, gw / data.size(), 1e-12);
    }
}
