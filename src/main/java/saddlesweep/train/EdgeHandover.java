package saddlesweep.train;

import org.ejml.data.DMatrixRMaj;

import saddlesweep.model.Objective;
import saddlesweep.model.SquaredLoss;

/**
 * Where the flow tail hands a run back to plain GD: the flow's state shortly before η·λ_max(∇²L_N) reaches 2,
 * the edge of stability, after which GD at this η leaves the flow's path. Given a stable point (step a) and a
 * later one where η·λ_max ≥ 2 (step b, both on the flow), the interval is bisected by integrating the flow
 * ({@link ModifiedGradientField}, {@link Rosenbrock23} at the tail's tolerances) from the stable end to the
 * midpoint, until at most {@value #GAP_STEPS} GD steps separate a stable point from an unstable one. The cost is
 * about twice one integration of the interval. GD from the returned point shares the flow's path (to the
 * tail's O(η²) accuracy) up to the crossing, and then is GD.
 */
public final class EdgeHandover {

    /** Largest number of GD steps between the returned (stable) point and the first unstable one found. */
    public static final long GAP_STEPS = 1000;

    /** A point of the flow at a GD-equivalent step, and the evaluations the bisection took. */
    public record Point(double[] theta, long step, long evaluations) {
    }

    private EdgeHandover() {
    }

    /**
     * @param thetaA  the flow's state at step a, where η·λ_max &lt; 2
     * @param stepB   a later step where the flow has η·λ_max ≥ 2
     */
    public static Point before(SquaredLoss loss, double eta, double[] thetaA, long stepA, long stepB) {
        return before(loss, new ModifiedGradientField(loss, eta, thetaA.length), eta, thetaA, stepA, stepB);
    }

    /**
     * As {@link #before(SquaredLoss, double, double[], long, long)} for any L_N, its modified flow given
     * ({@code field}: dθ/dτ = −(g + (η/2) H g), e.g. a committee machine's).
     */
    public static Point before(Objective loss, FlowField field, double eta, double[] thetaA, long stepA, long stepB) {
        double[] ta = thetaA.clone();
        long a = stepA;
        long b = stepB;
        long evaluations = 0;
        while (b - a > GAP_STEPS) {
            long m = a + (b - a) / 2;
            Rosenbrock23 ode;
            try {
                ode = new Rosenbrock23(field, FlowTail.RTOL, FlowTail.ATOL, eta * a, ta, Math.max(eta, 1e-3 * eta * a));
            } catch (ArithmeticException e) {
                break;
            }
            double end = eta * m;
            boolean ok = true;
            while (ok && ode.time() < end * (1 - 1e-15)) {
                ok = ode.step(Math.min(Math.max(FlowTail.MAX_STEP_FRACTION * ode.time(), eta), end - ode.time()));
            }
            evaluations += ode.evaluations();
            if (!ok) break;
            double[] tm = ode.state();
            if (eta * FlowTail.maxEigenvalue(loss.hessian(tm)) < 2) {
                a = m;
                ta = tm;
            } else {
                b = m;
            }
        }
        return new Point(ta, a, evaluations);
    }

    /** η·λ_max(∇²L_N(θ)). */
    public static double sharpness(Objective loss, double eta, double[] theta) {
        DMatrixRMaj h = loss.hessian(theta);
        return eta * FlowTail.maxEigenvalue(h);
    }
}
