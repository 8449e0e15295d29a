package saddlesweep.analysis;

import java.util.function.ToDoubleFunction;

import saddlesweep.model.Vectors;
import saddlesweep.train.GdMap;
import saddlesweep.train.GradientKernel;

/**
 * Follows plain gradient descent at a fixed η from a point (GD's own iterate, or the flow's state shortly before
 * GD turns unstable) and certifies where it ends: a fixed point, a cycle of period k ≤ {@value #MAX_PERIOD}, an
 * aperiodic bounded motion, or a divergence.
 *
 * <p>GD runs on the fast kernel; at checks spaced geometrically (×{@value #CHECK_GROWTH} from step
 * {@value #FIRST_CHECK}) the accurate map G(θ) = θ − η∇L_N(θ) is iterated 16 times from the iterate θ, and
 * r_k = ‖G^k(θ) − θ‖ says whether the motion repeats: the smallest k ≥ 2 with r_k ≤ {@value #OSCILLATION_RATIO}·r_1
 * is a candidate period (r_1 below {@value #FIXED_MOTION}·(1 + ‖θ‖): a candidate fixed point). Newton on
 * G^k(θ) = θ ({@link CycleSolver}) from θ gives the cycle to rounding, whose minimal period and multipliers are
 * then computed. It is certified when it is stable (every |μ| ≤ 1 + {@link Multipliers#NEUTRAL_TOL}), and at the
 * next check Newton from GD's later iterate lands on the same cycle while the iterate has come closer to it: GD's
 * own iterates approach it. Near an edge of stability the largest multiplier is 1 − 1e-5 … 1 − 1e-7, so plain
 * GD would need 10^5–10^7 more steps to settle; Newton needs none of them.
 *
 * <p>No candidate for three checks in a row after {@value #APERIODIC_MIN} steps of oscillation: the largest
 * Lyapunov exponent is measured over two halves of 2·{@value #LYAPUNOV_HALF} steps; both above
 * {@value #CHAOS_MIN}: certified {@code aperiodic}.
 */
public final class GdFateFinder {

    /** GD steps a segment may take before it is left unresolved. */
    public static final long MAX_STEPS = 30_000_000L;
    static final long FIRST_CHECK = 256;
    static final double CHECK_GROWTH = 1.5;
    public static final int MAX_PERIOD = 16;
    static final double OSCILLATION_RATIO = 0.05;
    static final double FIXED_MOTION = 1e-6;
    static final long APERIODIC_MIN = 100_000;
    static final int LYAPUNOV_HALF = 5_000;
    static final double CHAOS_MIN = 1e-4;
    /** r_k ≥ this·r_1 for k = 2: GD moves one way (no oscillation). */
    static final double DRIFT_RATIO = 1.5;
    /** Checks in a row of stable, one-way motion after GD has been unstable: it follows a flow again. */
    static final int DRIFT_CHECKS = 3;

    private final GdMap map;
    private final GradientKernel kernel;
    private final ToDoubleFunction<double[]> genExcess;
    private final long maxSteps;

    /**
     * @param map        the accurate GD map (its loss is L_N)
     * @param kernel     the fast kernel GD's iterates run on (same data)
     * @param genExcess  E(θ)
     * @param maxSteps   GD steps the segment may take
     */
    public GdFateFinder(GdMap map, GradientKernel kernel, ToDoubleFunction<double[]> genExcess, long maxSteps) {
        this.map = map;
        this.kernel = kernel;
        this.genExcess = genExcess;
        this.maxSteps = maxSteps;
    }

    /** A cycle found at a check, and the distance of GD's iterate from it then. */
    private record Pending(Cycle cycle, double distance) {
    }

    /** GD's fate from θ at GD step {@code step0}. */
    public GdFate follow(double[] start, long step0) {
        int d = start.length;
        double[] theta = start.clone();
        double[] grad = new double[d];
        double eta = map.eta();
        long step = 0;
        long nextCheck = FIRST_CHECK;
        Pending pending = null;
        int quiet = 0;
        int drifting = 0;
        boolean unstableSeen = false;
        Lyapunov.Estimate lyap = null;
        while (true) {
            while (step < nextCheck) {
                double l = kernel.lossAndGradient(theta, grad);
                if (!Double.isFinite(l) || !Vectors.allFinite(grad)) return diverged(step0 + step);
                for (int a = 0; a < d; a++) theta[a] -= eta * grad[a];
                step++;
            }
            if (!Vectors.allFinite(theta)) return diverged(step0 + step);
            double[][] it = map.iterates(theta, MAX_PERIOD);
            double[] r = new double[MAX_PERIOD + 1];
            for (int k = 1; k <= MAX_PERIOD; k++) r[k] = Vectors.distance(it[k], theta);
            if (!Double.isFinite(r[MAX_PERIOD])) return diverged(step0 + step);
            double sharpness = eta * Spectrum.of(map.loss().hessian(theta)).values()[d - 1];
            unstableSeen |= sharpness >= 2;
            int k = candidatePeriod(r, theta);
            Cycle c = k == 0 ? null : cycle(theta, k);
            if (c != null) {
                double dist = c.distanceTo(theta);
                double floor = 1e-10 * (1 + c.scale());
                if (pending != null && c.distanceTo(pending.cycle()) <= 0.1 * pending.distance() + floor
                        && (dist < pending.distance() || dist <= floor)) {
                    return certified(c, step0 + step);
                }
                pending = new Pending(c, dist);
                quiet = 0;
            } else {
                pending = null;
                quiet++;
            }
            boolean oneWay = r[2] >= DRIFT_RATIO * r[1];
            drifting = unstableSeen && c == null && oneWay && sharpness < 2 ? drifting + 1 : 0;
            if (drifting >= DRIFT_CHECKS) {
                return GdFate.unresolved(step0 + step, "GD turned stable again after its instability and drifts at low curvature"
                        + " (η·λ_max " + String.format("%.4f", sharpness) + " at step " + (step0 + step) + ")");
            }
            if (unstableSeen && !oneWay && quiet >= 3 && step >= APERIODIC_MIN && lyap == null) {
                lyap = Lyapunov.estimate(map, theta, LYAPUNOV_HALF);
                if (!Vectors.allFinite(lyap.end())) return diverged(step0 + step);
                theta = lyap.end();
                step += 2L * LYAPUNOV_HALF;
                if (lyap.firstHalf() > CHAOS_MIN && lyap.secondHalf() > CHAOS_MIN) {
                    return aperiodic(theta, lyap, step0 + step, true, null);
                }
            }
            if (step >= maxSteps) {
                if (unstableSeen && !oneWay) {
                    Lyapunov.Estimate e = Lyapunov.estimate(map, theta, LYAPUNOV_HALF);
                    return aperiodic(theta, e, step0 + step, false, String.format(
                            "GD bounded on no cycle up to period %d after %d steps, Lyapunov exponent %.3g ≤ %.0g: quasi-periodic, a longer cycle, or not settled",
                            MAX_PERIOD, step, e.exponent(), CHAOS_MIN));
                }
                return GdFate.unresolved(step0 + step, "GD not on a cycle after " + step + " steps from step " + step0
                        + (pending == null ? "" : " (a cycle of period " + pending.cycle().period() + " found but not yet approached)"));
            }
            nextCheck = Math.min(maxSteps, Math.max(nextCheck + 1, (long) Math.ceil(nextCheck * CHECK_GROWTH)));
        }
    }

    /** The smallest k ≥ 2 with r_k ≤ OSCILLATION_RATIO·r_1, else 1 when r_1 is tiny, else 0 (no candidate). */
    static int candidatePeriod(double[] r, double[] theta) {
        for (int k = 2; k < r.length; k++) if (r[k] <= OSCILLATION_RATIO * r[1]) return k;
        return r[1] <= FIXED_MOTION * (1 + Vectors.norm(theta)) ? 1 : 0;
    }

    /** The stable cycle Newton on G^k finds from θ, reduced to its minimal period; null if none. */
    Cycle cycle(double[] theta, int k) {
        CycleSolver.Result res = new CycleSolver(map).solve(theta, k);
        if (!res.converged()) return null;
        double[][] pts = res.points();
        int period = k;
        double[][] all = map.iterates(pts[0], k);
        double same = 1e-9 * (1 + Vectors.norm(pts[0]));
        for (int p = 1; p < k; p++) {
            if (k % p == 0 && Vectors.distance(all[p], pts[0]) <= same) {
                period = p;
                break;
            }
        }
        double[][] points = new double[period][];
        System.arraycopy(pts, 0, points, 0, period);
        Multipliers mu = Multipliers.of(map.jacobianOfPower(map.iterates(points[0], period), period));
        if (!mu.stable()) return null;
        return new Cycle(points, mu, Vectors.distance(map.iterates(points[0], period)[period], points[0]));
    }

    private GdFate certified(Cycle c, long step) {
        double l = 0;
        double e = 0;
        for (double[] p : c.points()) {
            l += map.loss().value(p) / c.period();
            e += genExcess.applyAsDouble(p) / c.period();
        }
        double[] mean = c.mean();
        double[] eig = Spectrum.of(map.loss().hessian(mean)).values();
        GdFateKind kind = c.period() == 1 ? GdFateKind.FIXED_POINT : GdFateKind.PERIODIC;
        return new GdFate(kind, c, l, e, map.eta() * eig[eig.length - 1], Double.NaN, step, true, null);
    }

    private GdFate aperiodic(double[] theta, Lyapunov.Estimate lyap, long step, boolean certified, String reason) {
        double l = map.loss().value(theta);
        double e = genExcess.applyAsDouble(theta);
        double[] eig = Spectrum.of(map.loss().hessian(theta)).values();
        return new GdFate(GdFateKind.APERIODIC, null, l, e, map.eta() * eig[eig.length - 1], lyap.exponent(), step,
                certified, reason);
    }

    private static GdFate diverged(long step) {
        return new GdFate(GdFateKind.DIVERGED, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, step, true, null);
    }
}
