package saddlesweep.gdfate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import saddlesweep.analysis.Spectrum;
import saddlesweep.model.Vectors;
import saddlesweep.train.GdMap;
import saddlesweep.train.GradientKernel;
import saddlesweep.train.QuietOscillation;

/**
 * Follows plain gradient descent at a fixed η from a point (GD's own iterate, or the flow's state just before GD
 * turns unstable) and certifies where it ends: a fixed point, a cycle of period k ≤ {@value #MAX_PERIOD}, a
 * bounded aperiodic motion, or a divergence.
 *
 * <p><b>Cycles.</b> GD runs on the fast kernel. At checks spaced geometrically (×{@value #CHECK_GROWTH} from
 * {@value #FIRST_CHECK} steps after GD last resumed) the accurate map G(θ) = θ − η∇L_N(θ) is iterated
 * {@value #MAX_PERIOD} times from GD's iterate θ: r_k = ‖G^k(θ) − θ‖. The smallest k ≥ 2 with
 * r_k ≤ {@value #OSCILLATION_RATIO}·r_1 is a candidate period (r_1 ≤ {@value #FIXED_MOTION}·(1 + ‖θ‖): a candidate
 * fixed point), and Newton on G^k(θ) = θ ({@link CycleSolver}) from θ gives a cycle to rounding, kept when stable
 * (every |μ| ≤ 1 + {@link Multipliers#NEUTRAL_TOL}). From a hand-over at the edge of stability, Newton also starts
 * from θ + a·u along the top Hessian eigenvector u (GD's oscillation not grown yet): the 2-cycle born at the edge.
 *
 * <p><b>Certificate.</b> A cycle C is GD's fate when GD's own iterates are seen to approach it inside its linear
 * regime: at some step t₁ GD oscillates with C's size (its step ‖G(θ) − θ‖ within {@value LinearRegime#STEP_MATCH} relative of
 * ‖p_{j+1} − p_j‖, p_j the nearest point of C; for a fixed point, θ within {@value LinearRegime#LINEAR_SHARE}·(1 + ‖p‖)), and
 * after m more GD steps (m a multiple of k, at least {@value LinearRegime#CONFIRM_MIN} and 1/8 of the steps since GD last
 * resumed) the deviation δ₂ = θ_{t₁+m} − p_j is not larger than δ₁ = θ_{t₁} − p_j and equals the linear
 * prediction M_j^{m/k} δ₁ (M_j = D(G^k)(p_j)) within {@value LinearRegime#PREDICTION_TOL} relative. Then GD is inside C's
 * basin and converges to it at the rate of its largest multiplier (1 − 1e-5 … 1 − 1e-12 near an edge of
 * stability: plain GD would need 10^5 – 10^12 more steps; Newton needs none). With neutral multipliers (a manifold
 * of cycles) the reported cycle is Newton's from the later iterate.
 *
 * <p><b>No cycle approached.</b> GD may circle a stable 2-cycle without entering its linear regime: near the edge
 * its oscillation collapses to rounding level, the sharpness overshoots 2/η while it regrows, and a catapult
 * throws it back — a relaxation oscillation that does not decay (GD from the run's own path stays on it for
 * 10^8 steps and more, while a start 1e-7 from the cycle converges to it). Such a run is {@code aperiodic},
 * certified once {@value RelaxationBursts#CYCLES} collapses are seen with the last burst's largest deviation from the
 * cycle at least half the first's. A run whose largest Lyapunov exponent over 2·{@value #LYAPUNOV_HALF} steps
 * exceeds {@value #CHAOS_MIN} in both halves is certified {@code aperiodic} (chaos).
 *
 * <p><b>Budget and the quiet phase.</b> A segment may take {@value #BUDGET_SCALE}·√(step0) GD-equivalent steps
 * (within [{@value #MIN_STEPS}, {@value #MAX_STEPS}]: the edge's time scales grow with the step) and
 * {@code analysis.gd_fate_work} sample·unit·steps of real GD (at least {@value #MIN_REAL} steps). After a crossing GD's
 * oscillation grows from rounding for n ≈ √(2 ln(a/ν)/κ) steps (κ the rate of progressive sharpening, ∝ 1/step)
 * in which it only drifts along the flow; when {@link QuietOscillation} predicts that this first quiet phase
 * takes more than {@value #MODEL_SHARE} of the real budget, it is followed as the flow plus a linear mode
 * seeded by one rounding of the update (its GD-equivalent steps are reported as modeled). Elsewhere every step is
 * GD's own.
 */
public final class GdFateFinder {

    /** Upper bound of the GD-equivalent steps a segment may take. */
    public static final long MAX_STEPS = 30_000_000L;
    /** Lower bound of the segment's GD-equivalent budget. */
    public static final long MIN_STEPS = 1_000_000L;
    static final double BUDGET_SCALE = 200;
    static final long MIN_REAL = 200_000;
    static final double MODEL_SHARE = 0.25;
    static final long FIRST_CHECK = 256;
    static final double CHECK_GROWTH = 1.5;
    public static final int MAX_PERIOD = 16;
    static final double OSCILLATION_RATIO = 0.05;
    static final double FIXED_MOTION = 1e-6;
    static final long APERIODIC_MIN = 100_000;
    static final int LYAPUNOV_HALF = 5_000;
    static final double CHAOS_MIN = 2e-3;
    /** Sharpness below this and one-way motion for three checks after GD was unstable: it follows a flow again. */
    static final double CALM_SHARPNESS = 1.9;
    static final double DRIFT_RATIO = 1.5;
    /** Real GD steps between samples of GD's step and its distance to the cycle being circled. */
    static final int SAMPLE_EVERY = 256;
    /** Checks without a Newton attempt after one that failed. */
    static final int NEWTON_BACKOFF = 2;
    /** Relative oscillation amplitude at which GD takes over again from a modeled quiet phase. */
    static final double EMERGE_REL = 1e-8;

    private final GdMap map;
    private final GradientKernel kernel;
    private final GradientKernel probeKernel;
    private final ToDoubleFunction<double[]> genExcess;
    private final long maxSteps;
    private final double work;

    /**
     * @param map        the accurate GD map (its loss is L_N)
     * @param kernels    makes the fast kernel GD's iterates run on (same data), and one for the Lyapunov exponent's probes
     * @param genExcess  E(θ)
     * @param maxSteps   upper bound of the GD-equivalent steps a segment may take
     * @param work       real GD work a segment may take, in sample·unit·steps
     */
    public GdFateFinder(GdMap map, Supplier<GradientKernel> kernels, ToDoubleFunction<double[]> genExcess, long maxSteps,
                        double work) {
        this.map = map;
        this.kernel = kernels.get();
        this.probeKernel = kernels.get();
        this.genExcess = genExcess;
        this.maxSteps = maxSteps;
        this.work = work;
    }

    /** The GD-equivalent budget of a segment from GD step step0. */
    long budget(long step0) {
        return Math.min(maxSteps, Math.max(Math.min(MIN_STEPS, maxSteps), (long) (BUDGET_SCALE * Math.sqrt((double) step0))));
    }

    /** The real GD steps a segment may take: {@code work} sample·unit·steps, at least MIN_REAL. */
    long realBudget(int units) {
        return Math.max(MIN_REAL, (long) (work / ((double) kernel.samples() * units)));
    }

    /** GD's fate from θ at GD step {@code step0} (no seeded oscillation). */
    public GdFate follow(double[] start, long step0) {
        return follow(start, step0, false);
    }

    /**
     * GD's fate from θ at GD step {@code step0}.
     *
     * @param atEdge  θ is the flow's state just before η·λ_max reaches 2: Newton also starts from θ + a·u, and the
     *                first quiet phase may be modeled
     */
    public GdFate follow(double[] start, long step0, boolean atEdge) {
        int d = start.length;
        double[] theta = start.clone();
        double[] grad = new double[d];
        double eta = map.eta();
        long budget = budget(step0);
        long realBudget = realBudget(d / 2);
        List<Cycle> known = new ArrayList<>();
        if (atEdge) {
            Cycle seeded = seeded(start);
            if (seeded != null) known.add(seeded);
        }
        RelaxationBursts relaxation = new RelaxationBursts();
        LinearRegime.Confirmation pending = null;
        long eq = 0;                 // GD-equivalent steps since step0 (GD's own, and modeled ones)
        long real = 0;               // real GD steps taken
        long resumed = 0;            // eq at the last resumption of plain GD
        long nextCheck = FIRST_CHECK;
        int calm = 0;
        boolean unstableSeen = false;
        boolean quietTried = !atEdge;
        long lyapunovAt = 0;         // steps since resuming at the last Lyapunov measurement
        int backoff = 0;             // checks to skip Newton after it failed
        boolean freshNewton = false;  // a confirmation failed: Newton from the next check's iterate
        cost = new Cost();
        calmPoint = null;
        while (true) {
            long target = pending == null ? nextCheck : Math.min(nextCheck, pending.at());
            while (eq < target) {
                double l = kernel.lossAndGradient(theta, grad);
                if (!Double.isFinite(l) || !Vectors.allFinite(grad)) return diverged(step0 + eq);
                if (real % SAMPLE_EVERY == 0 && !known.isEmpty()) relaxation.sample(known.get(0), theta, eta * Vectors.norm(grad));
                for (int a = 0; a < d; a++) theta[a] -= eta * grad[a];
                eq++;
                real++;
            }
            cost.gdSteps = real;
            if (!Vectors.allFinite(theta)) return diverged(step0 + eq);
            if (pending != null && eq == pending.at()) {
                GdFate f = confirm(pending, theta, step0 + eq);
                if (f != null) return f;
                pending = null;
                freshNewton = true;          // the known cycle did not explain GD's motion: ask Newton from GD's iterate
            }
            if (eq < nextCheck) continue;
            double[][] it = map.iterates(theta, MAX_PERIOD);
            double[] r = new double[MAX_PERIOD + 1];
            for (int k = 1; k <= MAX_PERIOD; k++) r[k] = Vectors.distance(it[k], theta);
            if (!Double.isFinite(r[MAX_PERIOD])) return diverged(step0 + eq);
            double sharpness = eta * Spectrum.of(map.loss().hessian(theta)).values()[d - 1];
            unstableSeen |= sharpness >= 2;
            int k = candidatePeriod(r, theta);
            if (pending == null && !freshNewton) pending = LinearRegime.schedule(known, theta, r[1], eq, eq - resumed);
            // Newton from GD's iterate when no known cycle explains its motion, not right after a failure
            Cycle c = null;
            if (k > 0 && pending == null && (backoff == 0 || freshNewton)) {
                freshNewton = false;
                c = cycle(theta, k);
                if (c == null) backoff = NEWTON_BACKOFF;
                else if (indexOf(known, c) < 0) known.add(c);
                if (c != null) pending = LinearRegime.schedule(known, theta, r[1], eq, eq - resumed);
            } else if (backoff > 0) {
                backoff--;
            }
            boolean oneWay = r[2] >= DRIFT_RATIO * r[1];
            calm = unstableSeen && c == null && oneWay && sharpness < CALM_SHARPNESS ? calm + 1 : 0;
            if (calm >= 3) {
                calmPoint = new Calm(theta.clone(), step0 + eq);
                return GdFate.unresolved(step0 + eq, String.format("GD turned stable again after its instability and"
                        + " follows a flow at low curvature (η·λ_max %.4f at step %d)", sharpness, step0 + eq));
            }
            // the first quiet phase at the edge: modeled when GD would need much of its budget to cross it
            double amplitude = 0.5 * Vectors.distance(it[1], Vectors.addScaled(theta, 0.5, Vectors.addScaled(it[2], -1, theta)));
            double emerge = emergeAmplitude(known, theta);
            if (!quietTried && pending == null && Math.abs(sharpness - 2) <= QuietOscillation.BAND && amplitude <= 0.1 * emerge) {
                quietTried = true;
                QuietOscillation.Result q = QuietOscillation.follow(map.loss(), eta, theta, amplitude, emerge, budget - eq);
                cost.flowEvaluations += q.evaluations();
                if (q.emerged() && q.steps() > MODEL_SHARE * realBudget) {
                    theta = q.theta();
                    eq += q.steps();
                    cost.modeledSteps += q.steps();
                    resumed = eq;
                    nextCheck = eq + FIRST_CHECK;
                    continue;
                }
            }
            if (relaxation.persistent()) {
                Lyapunov.Estimate e = Lyapunov.estimate(probeKernel, eta, theta, LYAPUNOV_HALF);
                cost.gdSteps += 6L * LYAPUNOV_HALF;
                return aperiodic(e, known, step0 + eq, true, null);
            }
            if (unstableSeen && eq - resumed >= Math.max(APERIODIC_MIN, 2 * lyapunovAt) && c == null && pending == null) {
                lyapunovAt = eq - resumed;
                Lyapunov.Estimate e = Lyapunov.estimate(probeKernel, eta, theta, LYAPUNOV_HALF);
                cost.gdSteps += 6L * LYAPUNOV_HALF;
                if (!Vectors.allFinite(e.end())) return diverged(step0 + eq);
                if (e.firstHalf() > CHAOS_MIN && e.secondHalf() > CHAOS_MIN) {
                    return aperiodic(e, known, step0 + eq + 2L * LYAPUNOV_HALF, true, null);
                }
            }
            if (eq >= budget || real >= realBudget) {
                String spent = eq >= budget ? eq + " GD-equivalent steps" : real + " GD steps (" + String.format("%.2g", work) + " sample·unit·steps)";
                if (unstableSeen || !known.isEmpty()) {
                    Lyapunov.Estimate e = Lyapunov.estimate(probeKernel, eta, theta, LYAPUNOV_HALF);
                    cost.gdSteps += 6L * LYAPUNOV_HALF;
                    if (e.firstHalf() > CHAOS_MIN && e.secondHalf() > CHAOS_MIN) return aperiodic(e, known, step0 + eq, true, null);
                    return aperiodic(e, known, step0 + eq, false, String.format("GD bounded on no cycle up to period %d after %s"
                            + " (%d relaxation cycles, Lyapunov exponent %.3g): quasi-periodic, a longer cycle, or not settled",
                            MAX_PERIOD, spent, relaxation.collapses(), e.exponent()));
                }
                return GdFate.unresolved(step0 + eq, "GD not on a cycle after " + spent + " from step " + step0);
            }
            long sinceResume = eq - resumed;
            nextCheck = Math.min(budget, eq + Math.max(1, (long) Math.ceil(Math.max(FIRST_CHECK, sinceResume) * (CHECK_GROWTH - 1))));
            nextCheck = Math.min(nextCheck, eq + (realBudget - real));
        }
    }

    /**
     * What the last {@link #follow} cost: real GD steps (kernel passes), flow evaluations of its quiet phase, and
     * the GD-equivalent steps that phase modeled.
     */
    public static final class Cost {
        long gdSteps;
        long flowEvaluations;
        long modeledSteps;

        public long modeledSteps() {
            return modeledSteps;
        }

        public long gdSteps() {
            return gdSteps;
        }

        public long flowEvaluations() {
            return flowEvaluations;
        }
    }

    private Cost cost = new Cost();
    private Calm calmPoint;

    /** What the last {@link #follow} cost. */
    public Cost cost() {
        return cost;
    }

    /** Where GD, after its instability, turned stable again and began to follow a flow (a catapult to flatter ground). */
    public record Calm(double[] theta, long step) {
    }

    /** The point where the last {@link #follow} found GD following a flow again, or null. */
    public Calm calm() {
        return calmPoint;
    }

    /**
     * The oscillation amplitude at which GD takes over from a quiet phase: {@value #EMERGE_REL}·(1 + ‖θ‖_∞), or a
     * thousandth of the smallest half-step of a known cycle if smaller (well inside the linear regime either way).
     */
    private static double emergeAmplitude(List<Cycle> known, double[] theta) {
        double m = 0;
        for (double t : theta) m = Math.max(m, Math.abs(t));
        double e = EMERGE_REL * (1 + m);
        for (Cycle c : known) {
            double[][] p = c.points();
            for (int j = 0; j < p.length && p.length > 1; j++) e = Math.min(e, 1e-3 * 0.5 * Vectors.distance(p[j], p[(j + 1) % p.length]));
        }
        return e;
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

    /** The certified fate when GD's deviation from C after m steps is the linear prediction and not larger; else null. */
    private GdFate confirm(LinearRegime.Confirmation p, double[] theta, long step) {
        if (!LinearRegime.confirms(map, p, theta)) return null;
        Cycle c = p.cycle();
        Cycle reported = c;
        if (c.multipliers().neutralCount() > 0) {
            Cycle again = cycle(theta, c.period());
            if (again != null && again.period() == c.period()) reported = again;
        }
        return certified(reported, step);
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
        return new GdFate(kind, c, l, e, map.eta() * eig[eig.length - 1], Double.NaN, step, true, null, BranchOrdinates.of(map.loss(), c.points()));
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
        double[] eig = Spectrum.of(map.loss().hessian(BranchOrdinates.mean(samples))).values();
        return new GdFate(GdFateKind.APERIODIC, known.isEmpty() ? null : known.get(0), l, e,
                map.eta() * eig[eig.length - 1], lyap.exponent(), step, certified, reason, BranchOrdinates.of(map.loss(), samples));
    }

    private static GdFate diverged(long step) {
        return new GdFate(GdFateKind.DIVERGED, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, step, true, null, null);
    }
}
