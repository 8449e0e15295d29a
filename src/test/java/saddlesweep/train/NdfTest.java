package saddlesweep.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import saddlesweep.model.DataSet;
import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Teacher;
import saddlesweep.model.Vectors;
import saddlesweep.run.InitialPoint;

/**
 * The variable-order NDF integrator against closed forms and against Rosenbrock23: a stiff linear system
 * (accuracy proportional to the tolerance, and the step count of a high order), its interpolant between steps,
 * the modified gradient flow of a real over-realizable run against a tight Rosenbrock23 solution, and the flow
 * tail's records (from the interpolant) against a tight integration whose steps end on each record's time.
 */
class NdfTest {

    /** y' = A y, A = Q diag(−1e-3, −1, −1e4) Qᵀ with a rotation Q: stiff and coupled. */
    private static final double[] LAMBDA = {-1e-3, -1.0, -1e4};
    private static final double[][] Q = rotation();

    private static double[][] rotation() {
        double a = 0.3;
        double b = 0.7;
        double[][] r1 = {{Math.cos(a), -Math.sin(a), 0}, {Math.sin(a), Math.cos(a), 0}, {0, 0, 1}};
        double[][] r2 = {{1, 0, 0}, {0, Math.cos(b), -Math.sin(b)}, {0, Math.sin(b), Math.cos(b)}};
        double[][] q = new double[3][3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) q[i][j] += r1[i][k] * r2[k][j];
        return q;
    }

    private static final VectorField LINEAR = new VectorField() {
        public int dimension() {
            return 3;
        }

        public boolean evaluate(double[] y, double[] out, double[] jac) {
            for (int i = 0; i < 3; i++) {
                out[i] = 0;
                for (int j = 0; j < 3; j++) {
                    double aij = 0;
                    for (int k = 0; k < 3; k++) aij += Q[i][k] * LAMBDA[k] * Q[j][k];
                    out[i] += aij * y[j];
                    if (jac != null) jac[i * 3 + j] = aij;
                }
            }
            return true;
        }
    };

    private static double[] exact(double[] y0, double t) {
        double[] z = new double[3];
        for (int k = 0; k < 3; k++) {
            double c = 0;
            for (int j = 0; j < 3; j++) c += Q[j][k] * y0[j];
            z[k] = c * Math.exp(LAMBDA[k] * t);
        }
        double[] y = new double[3];
        for (int i = 0; i < 3; i++) for (int k = 0; k < 3; k++) y[i] += Q[i][k] * z[k];
        return y;
    }

    private static final double[] Y0 = {1, -0.5, 0.25};

    /** Max error over t in (0, 1000] at the steps and at midpoints of steps (interpolant) with rtol = atol = tol. */
    private static double[] linearRun(double tol) {
        Ndf ode = new Ndf(LINEAR, tol, tol, 0, Y0, 1e-6);
        double err = 0;
        double errMid = 0;
        while (ode.time() < 1000) {
            double before = ode.time();
            assertTrue(ode.step(Math.min(1000 - ode.time(), Math.max(0.25 * ode.time(), 1e-6))));
            double[] ex = exact(Y0, ode.time());
            double[] y = ode.state();
            double mid = 0.5 * (before + ode.time());
            double[] ym = ode.interpolate(mid);
            double[] exm = exact(Y0, mid);
            if (ode.time() < 1e-3) continue;   // the stiff transient: its error is the step's, not the order's
            for (int i = 0; i < 3; i++) {
                err = Math.max(err, Math.abs(y[i] - ex[i]));
                errMid = Math.max(errMid, Math.abs(ym[i] - exm[i]));
            }
        }
        return new double[] {err, errMid, ode.steps()};
    }

    @Test
    void stiffLinearSystemConvergesWithTheToleranceAtHighOrder() {
        double[] loose = linearRun(1e-6);
        double[] tight = linearRun(1e-10);
        System.out.printf("NDF linear: tol 1e-6: err %.2e (interpolant %.2e), %d steps; tol 1e-10: err %.2e (%.2e), %d steps%n",
                loose[0], loose[1], (long) loose[2], tight[0], tight[1], (long) tight[2]);
        // accuracy follows the tolerance (global error within a small multiple of it) ...
        assertTrue(loose[0] < 30 * 1e-6 && tight[0] < 30 * 1e-10, "errors " + loose[0] + ", " + tight[0]);
        assertTrue(loose[0] / tight[0] > 300, "convergence with the tolerance: " + loose[0] / tight[0]);
        // ... the interpolant is as accurate as the steps ...
        assertTrue(loose[1] < 30 * 1e-6 && tight[1] < 30 * 1e-10, "interpolant errors " + loose[1] + ", " + tight[1]);
        // ... and 10^4 times the accuracy costs few more steps: order ≥ 4 (order 2 would need ~21 times as many)
        assertTrue(tight[2] / loose[2] < 10, "step ratio " + tight[2] / loose[2]);
    }

    private static SquaredLoss overRealizable() {
        return SquaredLoss.empirical(DataSet.generate(new Teacher(new double[] {0.5, 2}, new double[] {1, 1}), 100, 0.01, 1.0, 1));
    }

    private static double[] warmStart(double eta) {
        DataSet data = DataSet.generate(new Teacher(new double[] {0.5, 2}, new double[] {1, 1}), 100, 0.01, 1.0, 1);
        TrainingSettings ts = TrainingSettings.defaults().withMaxSteps(5_000).withPolish(false).withEta(eta);
        return new GradientDescent(data, ts, th -> 0).run(InitialPoint.draw(3, 0.1, 3), null).theta();
    }

    @Test
    void modifiedFlowAgreesWithATightRosenbrockSolution() {
        double eta = 0.05;
        SquaredLoss loss = overRealizable();
        double[] start = warmStart(eta);
        double t0 = eta * 5_000;
        double tEnd = eta * 5e6;
        ModifiedGradientField field = new ModifiedGradientField(loss, eta, start.length);
        Ndf ndf = new Ndf(field, FlowTail.RTOL, FlowTail.ATOL, t0, start, eta);
        while (ndf.time() < tEnd) assertTrue(ndf.step(Math.min(tEnd - ndf.time(), 0.25 * ndf.time())));
        Rosenbrock23 ref = new Rosenbrock23(field, 1e-8, 1e-11, t0, start, eta);
        while (ref.time() < tEnd) assertTrue(ref.step(Math.min(tEnd - ref.time(), 0.25 * ref.time())));
        double rel = Vectors.distance(ndf.state(), ref.state()) / Vectors.norm(ref.state());
        double moved = Vectors.distance(start, ref.state()) / Vectors.norm(ref.state());
        System.out.printf("NDF vs Rosenbrock23 (rtol 1e-8) over 3 decades: rel %.2e (moved %.2e); %d vs %d evaluations%n",
                rel, moved, ndf.evaluations(), ref.evaluations());
        assertTrue(moved > 0.1, "the flow moves: " + moved);
        assertTrue(rel < 3e-6, "NDF vs reference: " + rel);
        assertEquals(loss.value(ref.state()), loss.value(ndf.state()), 1e-8 * loss.value(ref.state()));
    }

    @Test
    void recordsFromTheInterpolantMatchDirectIntegrationToTheirSteps() {
        double eta = 0.05;
        SquaredLoss loss = overRealizable();
        double[] start = warmStart(eta);
        long horizon = 5_000_000L;
        List<TrainingRecord> records = new ArrayList<>();
        FlowTail tail = new FlowTail(loss, eta, 50, 0, th -> 0);
        tail.run(start, 5_000, horizon, records, null);
        // the reference: NDF at a tolerance 1000 times tighter, its steps ending on each record's step
        ModifiedGradientField field = new ModifiedGradientField(loss, eta, start.length);
        Ndf ref = new Ndf(field, 1e-3 * FlowTail.RTOL, 1e-3 * FlowTail.ATOL, eta * 5_000, start, eta);
        double worst = 0;
        double worstLoss = 0;
        LogGrid grid = new LogGrid(50);
        long next = grid.next(5_000);
        int k = 0;
        for (; next < horizon; next = grid.next(next), k++) {
            double tr = eta * next;
            while (ref.time() < tr) assertTrue(ref.step(Math.min(tr - ref.time(), 0.25 * ref.time())));
            TrainingRecord r = records.get(k);
            assertEquals(next, r.step());
            double[] y = ref.state();
            worst = Math.max(worst, Vectors.distance(y, r.theta()) / Vectors.norm(y));
            worstLoss = Math.max(worstLoss, Math.abs(loss.value(y) / r.trainLoss() - 1));
        }
        assertEquals(k + 1, records.size(), "one record per grid step and the horizon's");
        System.out.printf("FlowTail records (interpolant) vs direct integration: %d records, max rel θ %.2e, L_N %.2e; %d evaluations%n",
                k, worst, worstLoss, tail.evaluations());
        assertTrue(worst < 1e-5, "records θ: " + worst);
        assertTrue(worstLoss < 1e-7, "records L_N: " + worstLoss);
    }
}
