package saddlesweep.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import saddlesweep.model.Vectors;
import saddlesweep.train.GdMap;
import saddlesweep.train.GradientKernel;

/**
 * Follows plain gradient descent at a fixed η from a point (GD's own iterate, or the flow's state just before GD
 * turns unstable) and certifies where it ends: a fixed point, a cycle of period k ≤ {@value #MAX_PERIOD}, a
 * bounded aperiodic motion, or a divergence.
 *
 * <p><b>Cycles.</b> GD runs on the fast kernel. At checks spaced geometrically (×{@value #CHECK_GROWTH} from step
 * {@value #FIRST_CHECK}) the accurate map G(θ) = θ − η∇L_N(θ) is iterated {@value #MAX_PERIOD} times from GD's
 * iterate θ: r_k = ‖G^k(θ) − θ‖. The smallest k ≥ 2 with r_k ≤ {@value #OSCILLATION_RATIO}·r_1 is a candidate
 * period (r_1 ≤ {@value #FIXED_MOTION}·(1 + ‖θ‖): a candidate fixed point), and Newton on G^k(θ) = θ
 * ({@link CycleSolver}) from θ gives a cycle to rounding, kept when stable (every |μ| ≤ 1 + {@link
 * Multipliers#NEUTRAL_TOL}). From a hand-over at the edge of stability, Newton also starts from θ ± a·u along
 * the top Hessian eigenvector u (GD's oscillation not grown yet), which reaches the 2-cycle born at the edge.
 *
 * <p><b>Certificate.</b> A cycle C is GD's fate when GD's own iterates are seen to approach it inside its linear
 * regime: at some step t₁ the deviation δ₁ = θ_{t₁} − p_j from the nearest point of C is at most
 * {@value #LINEAR_SHARE} of the distance between C's points (for a fixed point, of 1 + ‖p‖), and after m more
 * GD steps (m a multiple of k, at least {@value #CONFIRM_MIN} and t₁/8) the deviation δ₂ = θ_{t₁+m} − p_j is not
 * larger and equals the linear prediction M_j^{m/k} δ₁ (M_j = D(G^k)(p_j)) within {@value #PREDICTION_TOL}
 * relative. Then GD is inside C's basin and converges to it at the rate of its largest multiplier (1 − 1e-5 …
 * 1 − 1e-10 near an edge of stability, so plain GD would need 10^5 – 10^10 more steps; Newton needs none).
 * With neutral multipliers (a manifold of cycles) the reported cycle is Newton's from the later iterate.
 *
 * <p><b>No cycle approached.</b> GD may circle a stable 2-cycle without ever entering its linear regime: near the
 * edge its oscillation collapses, the sharpness overshoots 2/η while the oscillation regrows from rounding,
 * and a catapult throws it back (a relaxation oscillation that does not decay). After the segment's budget, or
 * once the largest Lyapunov exponent measured over 2·{@value #LYAPUNOV_HALF} steps exceeds {@value #CHAOS_MIN}
 * in both halves (chaos), a bounded oscillating run is {@code aperiodic}: certified when chaotic, or when its
 * largest deviation from the cycle it circles did not halve from the third to the last quarter of the budget.
 */
public final class GdFateFinder {

    /** Upper bound of the GD steps a segment may take. */
    public static final long MAX_STEPS = 30_000_000L;
    /** Lower bound of the segment's budget; the budget grows as 200·√(step0) (the edge's time scale grows with it). */
    public static final long MIN_STEPS = 1_000_000L;
    static final long FIRST_CHECK = 256;
    static final double CHECK_GROWTH = 1.5;
    public static final int MAX_PERIOD = 16;
    static final double OSCILLATION_RATIO = 0.05;
    static final double FIXED_MOTION = 1e-6;
    static final double LINEAR_SHARE = 0.3;
    static final long CONFIRM_MIN = 1024;
    static final double PREDICTION_TOL = 0.25;
    static final long APERIODIC_MIN = 100_000;
    static final int LYAPUNOV_HALF = 5_000;
    static final double CHAOS_MIN = 1e-4;
    /** Sharpness below this and one-way motion for three checks after GD was unstable: it follows a flow again. */
    static final double CALM_SHARPNESS = 1.9;
    static final double DRIFT_RATIO = 1.5;
    /** GD steps between samples of the distance to the cycle being circled. */
    static final int SAMPLE_EVERY = 512;

    private final GdMap map;
    private final GradientKernel kernel;
    private final ToDoubleFunction<double[]> genExcess;
    private final long maxSteps;

    /**
     * @param map        the accurate GD map (its loss is L_N)
     * @param kernel     the fast kernel GD's iterates run on (same data)
     * @param genExcess  E(θ)
     * @param maxSteps   upper bound of the GD steps a segment may take
     */
    public GdFateFinder(GdMap map, GradientKernel kernel, ToDoubleFunction<double[]> genExcess, long maxSteps) {
        this.map = map;
        this.kernel = kernel;
        this.genExcess = genExcess;
        this.maxSteps = maxSteps;
    }

    /** The budget of a segment from GD step step0. */
    long budget(long step0) {
        return Math.min(maxSteps, Math.max(Math.min(MIN_STEPS, maxSteps), (long) (200 * Math.sqrt((double) step0))));
    }

    /** A confirmation due at step {@code at}: C, the phase j and the deviation δ₁ at step {@code from}. */
    private record Confirmation(Cycle cycle, int phase, double[] deviation, long from, long at) {
    }

    /** GD's fate from θ at GD step {@code step0} (no seeded oscillation). */
    public GdFate follow(double[] start, long step0) {
        return follow(start, step0, false);
    }

    /**
     * GD's fate from θ at GD step {@code step0}.
     *
     * @param atEdge  θ is the flow's state just before η·λ_max reaches 2: Newton also starts from θ ± a·u
     */
    public GdFate follow(double[] start, long step0, boolean atEdge) {
        int d = start.length;
        double[] theta = start.clone();
        double[] grad = new double[d];
        double eta = map.eta();
        long budget = budget(step0);
        List<Cycle> known = new ArrayList<>();
        if (atEdge) {
            Cycle seeded = seeded(start);
            if (seeded != null) known.add(seeded);
        }
        Confirmation pending = null;
        long step = 0;
        long nextCheck = FIRST_CHECK;
        int calm = 0;
        boolean unstableSeen = false;
        double[] quarterMax = new double[4];        // largest distance to known[0] in each quarter of the budget
        while (true) {
            long target = pending == null ? nextCheck : Math.min(nextCheck, pending.at());
            while (step < target) {
                double l = kernel.lossAndGradient(theta, grad);
                if (!Double.isFinite(l) || !Vectors.allFinite(grad)) return diverged(step0 + step);
                for (int a = 0; a < d; a++) theta[a] -= eta * grad[a];
                step++;
                if (step % SAMPLE_EVERY == 0 && !known.isEmpty()) {
                    int q = (int) Math.min(3, 4 * step / budget);
                    quarterMax[q] = Math.max(quarterMax[q], known.get(0).distanceTo(theta));
                }
            }
            if (!Vectors.allFinite(theta)) return diverged(step0 + step);
            if (pending != null && step == pending.at()) {
                GdFate f = confirm(pending, theta, step0 + step);
                if (f != null) return f;
                pending = null;
            }
            if (step < nextCheck) continue;
            double[][] it = map.iterates(theta, MAX_PERIOD);
            double[] r = new double[MAX_PERIOD + 1];
            for (int k = 1; k <= MAX_PERIOD; k++) r[k] = Vectors.distance(it[k], theta);
            if (!Double.isFinite(r[MAX_PERIOD])) return diverged(step0 + step);
            double sharpness = eta * Spectrum.of(map.loss().hessian(theta)).values()[d - 1];
            unstableSeen |= sharpness >= 2;
            int k = candidatePeriod(r, theta);
            Cycle c = k == 0 ? null : cycle(theta, k);
            if (c != null && indexOf(known, c) < 0) known.add(c);
            if (pending == null) pending = scheduleConfirmation(known, theta, step);
            boolean oneWay = r[2] >= DRIFT_RATIO * r[1];
            calm = unstableSeen && c == null && oneWay && sharpness < CALM_SHARPNESS ? calm + 1 : 0;
            if (calm >= 3) {
                return GdFate.unresolved(step0 + step, String.format("GD turned stable again after its instability and"
                        + " follows a flow at low curvature (η·λ_max %.4f at step %d)", sharpness, step0 + step));
            }
            if (unstableSeen && !oneWay && step >= APERIODIC_MIN && c == null && pending == null) {
                Lyapunov.Estimate e = Lyapunov.estimate(map, theta, LYAPUNOV_HALF);
                if (!Vectors.allFinite(e.end())) return diverged(step0 + step);
                if (e.firstHalf() > CHAOS_MIN && e.secondHalf() > CHAOS_MIN) {
                    return aperiodic(e, known, step0 + step + 2L * LYAPUNOV_HALF, true, null);
                }
            }
            if (step >= budget) {
                if (!oneWay || !known.isEmpty()) {
                    Lyapunov.Estimate e = Lyapunov.estimate(map, theta, LYAPUNOV_HALF);
                    boolean persistent = !known.isEmpty() && quarterMax[3] >= 0.5 * quarterMax[2] && quarterMax[2] > 0;
                    String why = persistent ? null : String.format("GD bounded on no cycle up to period %d after %d steps"
                            + " (Lyapunov exponent %.3g): quasi-periodic, a longer cycle, or not settled", MAX_PERIOD, step, e.exponent());
                    return aperiodic(e, known, step0 + step, persistent, why);
                }
                return GdFate.unresolved(step0 + step, "GD not on a cycle after " + step + " steps from step " + step0);
            }
            nextCheck = Math.min(budget, Math.max(nextCheck + 1, (long) Math.ceil(nextCheck * CHECK_GROWTH)));
        }
    }

    /** The smallest k ≥ 2 with r_k ≤ OSCILLATION_RATIO·r_1, else 1 when r_1 is tiny, else 0 (no candidate). */
    static int candidatePeriod(double[] r, double[] theta) {
        for (int k = 2; k < r.length; k++) if (r[k] <= OSCILLATION_RATIO * r[1]) return k;
        return r[1] <= FIXED_MOTION * (1 + Vectors.norm(theta)) ? 1 : 0;
    }

    /** The 2-cycle Newton reaches from θ ± a·u (u the top eigenvector of ∇²L_N(θ)), trying a few amplitudes a. */
    private Cycle seeded(double[] theta) {
        int d = theta.length;
        double[] u = Spectrum.of(map.loss().hessian(theta)).vector(d - 1);
        for (double a : new double[] {1e-3, 1e-2, 1e-4}) {
            double[] p = Vectors.addScaled(theta, a * (1 + Vectors.norm(theta)), u);
            Cycle c = cycle(p, 2);
            if (c != null && c.period() == 2) return c;
        }
        return null;
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

    private static int indexOf(List<Cycle> known, Cycle c) {
        for (int i = 0; i < known.size(); i++) {
            Cycle o = known.get(i);
            if (o.distanceTo(c) <= 1e-7 * (1 + o.scale())) return i;
        }
        return -1;
    }

    /** The linear regime of C around its point p: LINEAR_SHARE of the spacing of C's points (of 1 + ‖p‖ for a fixed point). */
    private static double linearRadius(Cycle c) {
        double[][] p = c.points();
        if (p.length == 1) return LINEAR_SHARE * (1 + Vectors.norm(p[0]));
        double spacing = Double.POSITIVE_INFINITY;
        for (int i = 0; i < p.length; i++) for (int j = i + 1; j < p.length; j++) spacing = Math.min(spacing, Vectors.distance(p[i], p[j]));
        return LINEAR_SHARE * spacing;
    }

    /** A confirmation for the first known cycle whose linear regime θ is in, or null. */
    private static Confirmation scheduleConfirmation(List<Cycle> known, double[] theta, long step) {
        for (Cycle c : known) {
            int j = nearest(c, theta);
            double[] dev = Vectors.addScaled(theta, -1, c.points()[j]);
            if (Vectors.norm(dev) > linearRadius(c)) continue;
            int k = c.period();
            long m = Math.max(CONFIRM_MIN, step / 8);
            m = k * ((m + k - 1) / k);
            return new Confirmation(c, j, dev, step, step + m);
        }
        return null;
    }

    /** The certified fate when GD's deviation from C after m steps is the linear prediction and not larger; else null. */
    private GdFate confirm(Confirmation p, double[] theta, long step) {
        Cycle c = p.cycle();
        int k = c.period();
        double[] pj = c.points()[p.phase()];
        double[] dev = Vectors.addScaled(theta, -1, pj);
        double[] predicted = propagate(c, p.phase(), p.deviation(), (p.at() - p.from()) / k);
        double floor = 1e-12 * (1 + c.scale());
        double d1 = Vectors.norm(p.deviation());
        double d2 = Vectors.norm(dev);
        double mismatch = Vectors.distance(dev, predicted);
        if (!(d2 <= d1 + floor) || !(mismatch <= PREDICTION_TOL * d2 + floor)) return null;
        Cycle reported = c;
        if (c.multipliers().neutralCount() > 0) {
            Cycle again = cycle(theta, k);
            if (again != null && again.period() == k) reported = again;
        }
        return certified(reported, step);
    }

    /** M_j^q δ with M_j = D(G^k)(p_j), by repeated squaring. */
    private double[] propagate(Cycle c, int phase, double[] dev, long q) {
        int k = c.period();
        double[][] from = new double[k + 1][];
        for (int j = 0; j <= k; j++) from[j] = c.points()[(phase + j) % k];
        DMatrixRMaj m = map.jacobianOfPower(from, k);
        int d = dev.length;
        DMatrixRMaj result = DMatrixRMaj.wrap(d, 1, dev.clone());
        DMatrixRMaj tmp = new DMatrixRMaj(d, 1);
        DMatrixRMaj sq = new DMatrixRMaj(d, d);
        while (q > 0) {
            if ((q & 1) == 1) {
                CommonOps_DDRM.mult(m, result, tmp);
                result.setTo(tmp);
            }
            q >>= 1;
            if (q > 0) {
                CommonOps_DDRM.mult(m, m, sq);
                m.setTo(sq);
            }
        }
        return result.data;
    }

    private static int nearest(Cycle c, double[] theta) {
        int best = 0;
        for (int j = 1; j < c.period(); j++) {
            if (Vectors.distance(c.points()[j], theta) < Vectors.distance(c.points()[best], theta)) best = j;
        }
        return best;
    }

    private GdFate certified(Cycle c, long step) {
        double l = 0;
        double e = 0;
        for (double[] p : c.points()) {
            l += map.loss().value(p) / c.period();
            e += genExcess.applyAsDouble(p) / c.period();
        }
        double[] eig = Spectrum.of(map.loss().hessian(c.mean())).values();
        GdFateKind kind = c.period() == 1 ? GdFateKind.FIXED_POINT : GdFateKind.PERIODIC;
        return new GdFate(kind, c, l, e, map.eta() * eig[eig.length - 1], Double.NaN, step, true, null, branch(c.points()));
    }

    /**
     * Aperiodic: L_N, E and the sharpness averaged over {@value GdFate#BRANCH_SAMPLES} iterates from the last one,
     * the cycle it circles (if any) reported beside it.
     */
    private GdFate aperiodic(Lyapunov.Estimate lyap, List<Cycle> known, long step, boolean certified, String reason) {
        double[][] samples = map.iterates(lyap.end(), GdFate.BRANCH_SAMPLES - 1);
        double l = 0;
        double e = 0;
        for (double[] p : samples) {
            l += map.loss().value(p) / samples.length;
            e += genExcess.applyAsDouble(p) / samples.length;
        }
        double[] eig = Spectrum.of(map.loss().hessian(mean(samples))).values();
        return new GdFate(GdFateKind.APERIODIC, known.isEmpty() ? null : known.get(0), l, e,
                map.eta() * eig[eig.length - 1], lyap.exponent(), step, certified, reason, branch(samples));
    }

    private static double[] mean(double[][] points) {
        double[] m = new double[points[0].length];
        for (double[] p : points) for (int a = 0; a < m.length; a++) m[a] += p[a] / points.length;
        return m;
    }

    /** (p − m)·u for each point, m their mean, u the top eigenvector of ∇²L_N(m) (its sign: largest component positive). */
    private double[] branch(double[][] points) {
        double[] m = mean(points);
        double[] u = Spectrum.of(map.loss().hessian(m)).vector(m.length - 1);
        int big = 0;
        for (int a = 1; a < u.length; a++) if (Math.abs(u[a]) > Math.abs(u[big])) big = a;
        double sign = u[big] < 0 ? -1 : 1;
        double[] b = new double[points.length];
        for (int j = 0; j < points.length; j++) b[j] = sign * Vectors.dot(Vectors.addScaled(points[j], -1, m), u);
        return b;
    }

    private static GdFate diverged(long step) {
        return new GdFate(GdFateKind.DIVERGED, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, step, true, null, null);
    }
}
