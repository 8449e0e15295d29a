package saddlesweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import saddlesweep.model.DataSet;
import saddlesweep.model.NormalStream;
import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Teacher;
import saddlesweep.train.TrainingRecord;

/**
 * Whole runs with the flow tail on data built so that the fate is known in closed form: a unit turning
 * linear (cubic data tanh cannot bend towards), a saturating unit (a step in the data), and a saddle the
 * run can never leave (a unit started exactly at zero). Each limit's L_N is checked against an
 * independent computation and against every recorded L_N.
 */
class FatesTest {

    private static final Teacher ONE = new Teacher(new double[] {1}, new double[] {1});

    private static double[] normals(long seed, int n) {
        NormalStream s = new NormalStream(seed, NormalStream.DATA);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) z[i] = s.nextNormal();
        return z;
    }

    private static void assertBelowEveryRecord(RunResult r) {
        double limit = r.run().limitTrainLoss();
        for (TrajectoryPoint p : r.trajectory()) {
            assertTrue(limit <= p.trainLoss() + 64 * Math.ulp(limit), "L_N(limit) " + limit + " > L_N " + p.trainLoss() + " at " + p.step());
        }
    }

    /** The run's summary, asserted certified at infinity with this mechanism and limit model. */
    private static RunSummary atInfinity(RunResult r, String mechanism, String model) {
        RunSummary s = r.run();
        assertEquals("at_infinity", s.attractorKind(), s.error());
        assertTrue(s.certified());
        assertEquals(mechanism, s.infinityMechanism());
        assertEquals(model, s.limitModel());
        return s;
    }

    @Test
    void aUnitTurnsLinearOnCubicData() {
        int n = 100;
        double[] x = normals(11, n);
        double[] e = normals(12, n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = 0.5 * x[i] + 0.2 * x[i] * x[i] * x[i] + 0.05 * e[i];
        // the curvature grows as v²: a small η lets GD follow the unit further before η·λ_max reaches 2
        RunConfig config = RunConfig.of(ONE, n, 0.0025, 1, 1, 1).withData(new DataSet(x, y)).withInit(new double[] {0.5, 1.0});
        RunResult r = RunPipeline.run(config.withTraining(config.training().withEta(0.002)));
        RunSummary s = r.run();
        // independent: the best c·x, ĉ = Σxy / Σx², L = (1/2N) Σ (y − ĉx)²
        double sxy = 0, sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += x[i] * y[i];
            sxx += x[i] * x[i];
        }
        double c = sxy / sxx;
        double l = 0;
        for (int i = 0; i < n; i++) l += (y[i] - c * x[i]) * (y[i] - c * x[i]);
        l /= 2 * n;
        atInfinity(r, "linear", "linear");
        assertEquals(c, s.limitParams()[0], 1e-9 * Math.abs(c));
        assertEquals(l, s.limitTrainLoss(), 1e-10 * l);
        assertEquals("algebraic", s.approach());
        assertBelowEveryRecord(r);
    }

    @Test
    void aUnitSaturatesOnAStep() {
        int n = 80;
        double[] x = normals(21, n);
        double[] y = new double[n];
        // a step whose height grows towards x = 0: every finite w under-fits the inner points, so w → ∞
        for (int i = 0; i < n; i++) y[i] = Math.signum(x[i]) * (0.7 + 0.2 * Math.exp(-x[i] * x[i]));
        RunResult r = RunPipeline.run(RunConfig.of(ONE, n, 0.0004, 1, 1, 1).withData(new DataSet(x, y)).withInit(new double[] {2.0, 0.5}));
        RunSummary s = r.run();
        // independent: the best v·sign(x) is v = mean(y sign x)
        double v = 0;
        for (int i = 0; i < n; i++) v += y[i] * Math.signum(x[i]);
        v /= n;
        double l = 0;
        for (int i = 0; i < n; i++) l += (y[i] - v * Math.signum(x[i])) * (y[i] - v * Math.signum(x[i]));
        l /= 2 * n;
        assertEquals("at_infinity", s.attractorKind(), s.error() + " " + s.limitModel() + " " + java.util.Arrays.toString(s.limitParams())
                + " last " + java.util.Arrays.toString(r.trajectory().get(r.trajectory().size() - 1).theta()) + " at " + s.steps()
                + " prev " + java.util.Arrays.toString(r.trajectory().get(r.trajectory().size() - 40).theta()));
        assertEquals("saturating", s.infinityMechanism());
        assertEquals("sign", s.limitModel());
        assertTrue(s.certified());
        assertEquals(v, s.limitParams()[0], 1e-9);
        assertEquals(l, s.limitTrainLoss(), 1e-9 * l);
        // E of the limit: ½ E[(v sign x − tanh x)²] by its own closed pieces is not simple; check it is the
        // value the quadrature gives for a huge-w unit, which converges to it
        double bigW = new saddlesweep.model.PopulationExcess(ONE, 1.0).value(new double[] {1e6, v});
        assertEquals(bigW, s.limitGenExcess(), 1e-5);
        assertBelowEveryRecord(r);
    }

    @Test
    void aUnitStartedAtZeroLeavesTheRunOnASaddle() {
        RunConfig c = RunConfig.of(ONE, 100, 0.01, 2, 1, 1).withInit(new double[] {0.5, 0.0, 0.5, 0.0});
        RunResult r = RunPipeline.run(c);
        RunSummary s = r.run();
        double[] fit = RunScenariosTest.oneUnitFit(c.dataSet());
        assertEquals("saddle", s.attractorKind(), s.error());
        assertTrue(s.certified());
        assertEquals(-Math.abs(fit[2]), s.escapeEigenvalue(), 1e-9);
        double[] a = s.attractor();        // canonical: (0, w̄, 0, v̄)
        assertEquals(fit[0], Math.max(a[0], a[1]), 1e-9);
        assertBelowEveryRecord(r);
    }

    @Test
    void twoUnitsTurningLinearTogetherEndOnALinearPlusCubicLimit() {
        // a quickstart run (N = 50, σ² = 0.1, H = 3, data seed 2, init seed 3): two units' w → 0 at different rates
        RunConfig c = RunConfig.of(ONE, 50, 0.1, 3, 2, 3);
        RunResult r = RunPipeline.run(c);
        RunSummary s = atInfinity(r, "linear", "tanh,linear,cubic");
        double[] p = s.limitParams();                 // w, v, c, d
        assertLinearCubicFit(c.dataSet(), p, 1e-8);
        // the run's two linear units carry c = Σ v_i w_i and d = −Σ v_i w_i³/3 towards the limit
        double[] t = r.trajectory().get(r.trajectory().size() - 1).theta();
        double cRun = 0;
        double dRun = 0;
        for (int i = 0; i < 3; i++) {
            if (Math.abs(t[i]) > 0.2) continue;       // the ordinary unit
            cRun += t[3 + i] * t[i];
            dRun -= t[3 + i] * t[i] * t[i] * t[i] / 3;
        }
        assertEquals(p[2], cRun, 0.05 * Math.abs(p[2]));
        assertEquals(p[3], dRun, 0.1 * Math.abs(p[3]));
        assertBelowEveryRecord(r);
    }

    @Test
    void aSlowFiniteMinimumIsReachedByTheTailAndApproachedAtItsSmallestEigenvalue() {
        // a quickstart run (N = 200, σ² = 0.01, H = 2, data seed 2, init seed 3): λ_min ≈ 1e-6, so GD needs ~10^7 steps
        RunConfig c = RunConfig.of(ONE, 200, 0.01, 2, 2, 3);
        RunResult r = RunPipeline.run(c);
        RunSummary s = r.run();
        assertEquals("finite", s.attractorKind(), s.error());
        assertTrue(s.certified() && s.polished());
        double lambda = s.attractorEigenvalues()[0];
        assertTrue(lambda > 1e-7 && lambda < 1e-5, "λ_min " + lambda);
        assertTrue(s.gdSteps() < 10_000 && s.steps() > 10_000_000, "GD " + s.gdSteps() + ", tail to " + s.steps());
        // linearisation: on the slowest mode the distance to the minimum falls as exp(−η λ_min Δsteps); the run is
        // still ~0.3 away when the polish takes over, so the quartic terms speed it up by ~10 % over the last doubling
        double[] a = s.attractor();
        List<TrajectoryPoint> t = r.trajectory();
        TrajectoryPoint late = t.get(t.size() - 2);
        TrajectoryPoint early = t.stream().filter(q -> q.step() >= late.step() / 2).findFirst().orElseThrow();
        double[] u = saddlesweep.analysis.Spectrum.of(SquaredLoss.empirical(c.dataSet()).hessian(s.attractor())).vector(0);
        double rate = -Math.log(Math.abs(along(u, late.theta(), a) / along(u, early.theta(), a)))
                / (c.training().eta() * (late.step() - early.step()));
        assertEquals(lambda, rate, 0.15 * lambda, "decay rate over steps " + early.step() + " → " + late.step());
        assertBelowEveryRecord(r);
    }

    @Test
    void threeUnitsMeetingEndOnASecondOrderDerivativeLimit() {
        // paper.yaml's teacher, N = 50, σ² = 0.01, H = 3, data seed 4, init seed 8: three units meet at w ≈ 1.37 with
        // v growing in the proportions 1 : −2 : 1
        Teacher two = new Teacher(new double[] {0.5, 2.0}, new double[] {1.0, 1.0});
        RunConfig c = RunConfig.of(two, 50, 0.01, 3, 4, 8);
        RunResult r = RunPipeline.run(c);
        RunSummary s = atInfinity(r, "derivative_triple", "deriv2");
        double[] p = s.limitParams();                 // w, u, c, e
        // independent: with w fixed, (u, c, e) are the least-squares fit on tanh(wx), x sech²(wx), −2x² tanh sech²
        double[] sol = leastSquares(c.dataSet(), x -> {
            double t = Math.tanh(p[0] * x);
            double sech2 = 1 - t * t;
            return new double[] {t, x * sech2, -2 * x * x * t * sech2};
        });
        for (int i = 0; i < 3; i++) assertEquals(sol[i], p[1 + i], 1e-8 * (1 + Math.abs(sol[i])), "coefficient " + i);
        // the run's own Taylor coefficients around the mean w approach them
        double[] t = r.trajectory().get(r.trajectory().size() - 1).theta();
        double w = (Math.abs(t[0]) + Math.abs(t[1]) + Math.abs(t[2])) / 3;
        double u = 0;
        double e = 0;
        for (int i = 0; i < 3; i++) {
            double v = Math.signum(t[i]) * t[3 + i];
            u += v;
            e += v * (Math.abs(t[i]) - w) * (Math.abs(t[i]) - w) / 2;
        }
        assertEquals(p[0], w, 0.01 * p[0]);
        assertEquals(p[1], u, 0.05 * Math.abs(p[1]));
        assertEquals(p[3], e, 0.05 * Math.abs(p[3]));
        assertBelowEveryRecord(r);
    }

    private static final Teacher PAPER = new Teacher(new double[] {0.5, 2.0}, new double[] {1.0, 1.0});

    /** The run's last recorded L_N. */
    private static double lastLoss(RunResult r) {
        return r.trajectory().get(r.trajectory().size() - 1).trainLoss();
    }

    /** Independent: with w fixed, (v, c, d) of tanh,linear,cubic are the linear least-squares fit on tanh(w x), x, x³. */
    private static void assertLinearCubicFit(DataSet data, double[] p, double tol) {
        double[] sol = leastSquares(data, x -> new double[] {Math.tanh(p[0] * x), x, x * x * x});
        for (int i = 0; i < 3; i++) assertEquals(sol[i], p[1 + i], tol * (1 + Math.abs(sol[i])), "coefficient " + i);
    }

    @Test
    void aLimitOfNearlyCollinearTermsIsCertified() {
        // quickstart 01534915c3a38cb5 (N = 50, σ² = 0.01, H = 3, data 1, init 4): two units turn linear next to a unit at
        // w ≈ 0.44 with v ≈ 12, nearly linear itself: the limit's Jacobi-scaled Hessian is ill-conditioned (3e-8)
        RunConfig c = RunConfig.of(ONE, 50, 0.01, 3, 1, 4);
        RunResult r = RunPipeline.run(c.withTraining(c.training().withMaxSteps(200_000)));
        RunSummary s = atInfinity(r, "linear", "tanh,linear,cubic");
        assertLinearCubicFit(c.dataSet(), s.limitParams(), 1e-7);
        // the run at 10^12 steps is still 2.3e-4 above it (an independent oracle's value)
        double gap = lastLoss(r) / s.limitTrainLoss() - 1;
        assertTrue(gap > 1e-4 && gap < 1e-3, "relative gap " + gap);
        assertBelowEveryRecord(r);
    }

    @Test
    void aLimitApproachedAsAPowerLawIsCertifiedByItsExtrapolation() {
        // paper.yaml N = 50, σ² = 0.001, H = 3, data 3, init 4: two units turn linear with w ∝ t^−1/8, the gap falls as
        // t^−1/4 and is still 2.3e-3 at 10^12 steps, above gap_tol; the power law through the last two decades lands on
        // the limit to 2 % of that gap
        RunConfig c = RunConfig.of(PAPER, 50, 0.001, 3, 3, 4);
        RunResult r = RunPipeline.run(c);
        RunSummary s = atInfinity(r, "linear", "tanh,linear,cubic");
        assertLinearCubicFit(c.dataSet(), s.limitParams(), 1e-7);
        double gap = lastLoss(r) / s.limitTrainLoss() - 1;
        assertTrue(gap > saddlesweep.flowfate.FateFinder.GAP_TOL, "relative gap " + gap);
        assertEquals("algebraic", s.approach());
        assertEquals(0.25, s.approachRate(), 0.03);
        assertBelowEveryRecord(r);
    }

    @Test
    void aDerivativePairNextToAnOrdinaryUnitIsCertified() {
        // paper.yaml N = 50, σ² = 0.001, H = 3, data 2, init 6: a pair meets at w ≈ 1.54 with v = ±27 growing, next to a
        // unit at w ≈ 0.91; the limit tanh + deriv has a Jacobi-scaled Hessian ratio of 4e-8
        RunConfig c = RunConfig.of(PAPER, 50, 0.001, 3, 2, 6);
        RunResult r = RunPipeline.run(c);
        RunSummary s = atInfinity(r, "derivative_pair", "tanh,deriv");
        double[] p = s.limitParams();                 // w, v, w', u, c
        double[] sol = leastSquares(c.dataSet(), x -> {
            double t = Math.tanh(p[2] * x);
            return new double[] {Math.tanh(p[0] * x), t, x * (1 - t * t)};
        });
        assertEquals(sol[0], p[1], 1e-7 * (1 + Math.abs(sol[0])));
        assertEquals(sol[1], p[3], 1e-7 * (1 + Math.abs(sol[1])));
        assertEquals(sol[2], p[4], 1e-7 * (1 + Math.abs(sol[2])));
        assertBelowEveryRecord(r);
    }

    /** uᵀ(θ − a) with θ brought to the canonical form the attractor is reported in. */
    private static double along(double[] u, double[] theta, double[] a) {
        double[] c = saddlesweep.model.Symmetry.canonical(theta);
        double d = 0;
        for (int i = 0; i < u.length; i++) d += u[i] * (c[i] - a[i]);
        return d;
    }

    /** The least-squares coefficients of y on three basis functions of x, by the normal equations. */
    private static double[] leastSquares(DataSet d, java.util.function.DoubleFunction<double[]> basis) {
        double[][] a = new double[3][4];
        for (int k = 0; k < d.size(); k++) {
            double[] b = basis.apply(d.x()[k]);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) a[i][j] += b[i] * b[j];
                a[i][3] += b[i] * d.y()[k];
            }
        }
        return solve3(a);
    }

    /** Gaussian elimination of a 3×4 augmented system. */
    private static double[] solve3(double[][] a) {
        for (int col = 0; col < 3; col++) {
            int piv = col;
            for (int row = col + 1; row < 3; row++) if (Math.abs(a[row][col]) > Math.abs(a[piv][col])) piv = row;
            double[] tmp = a[col];
            a[col] = a[piv];
            a[piv] = tmp;
            for (int row = 0; row < 3; row++) {
                if (row == col) continue;
                double f = a[row][col] / a[col][col];
                for (int k = col; k < 4; k++) a[row][k] -= f * a[col][k];
            }
        }
        return new double[] {a[0][3] / a[0][0], a[1][3] / a[1][1], a[2][3] / a[2][2]};
    }
}
