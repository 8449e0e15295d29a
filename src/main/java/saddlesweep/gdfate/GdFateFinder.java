package saddlesweep.gdfate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import saddlesweep.analysis.Spectrum;
import saddlesweep.model.Vectors;
import saddlesweep.train.GdMap;
import saddlesweep.train.GradientKernel;

/**
 * Follows plain gradient descent at a fixed η — from θ_0, or from the flow's state just before GD turns unstable,
 * or from GD's own iterate — and says where it ends: a fixed point, a cycle of period k ≤ {@value #MAX_PERIOD}, a
 * bounded aperiodic motion, or a divergence. Every step is plain GD's own (the fast kernel, θ ← θ − η∇L_N(θ)); a
 * fate is <b>certified</b> only by evidence about those iterates, and is otherwise {@code unresolved} with what was
 * seen.
 *
 * <p><b>Cycles.</b> At checks (every ×{@value #CHECK_GROWTH} of the steps since the segment began, from
 * {@value #FIRST_CHECK}, at most {@value #CHECK_MAX} apart) the accurate map G(θ) = θ − η∇L_N(θ) is iterated
 * {@value #MAX_PERIOD} times from GD's iterate θ: r_k = ‖G^k(θ) − θ‖. The smallest k ≥ 2 with
 * r_k ≤ {@value #OSCILLATION_RATIO}·r_1 is a candidate period (r_1 ≤ {@value #FIXED_MOTION}·(1 + ‖θ‖): a candidate
 * fixed point), and Newton on G^k(θ) = θ ({@link CycleSolver}) gives a cycle to rounding, kept when stable. At the
 * edge Newton also starts from θ + a·u along the top Hessian eigenvector: the 2-cycle born there.
 *
 * <p><b>Certificate of a cycle</b> ({@link LinearRegime}): GD oscillates with the cycle's size and, m steps later
 * (m ≥ {@value LinearRegime#CONFIRM_MIN} and 1/8 of the steps since the segment began), its deviation from the cycle has not
 * grown and equals the linearisation's prediction M^{m/k}δ within {@value LinearRegime#PREDICTION_TOL}: GD is inside
 * the cycle's basin and converges to it at the rate of its largest multiplier. Measured against plain GD run to the
 * end on unseen runs: every such certificate held.
 *
 * <p><b>Certificate of an aperiodic motion</b>, two kinds only:
 * <ul>
 *   <li><b>chaos</b>: the largest Lyapunov exponent from the tangent map along GD's own iterates
 *       ({@link Lyapunov}), converged over windows of {@value Lyapunov#WINDOW} steps, positive by
 *       {@value Lyapunov#Z} standard errors;</li>
 *   <li><b>a relaxation oscillation</b> around a stable cycle C: GD's bursts over the last
 *       {@value RelaxationBursts#SPAN} settling times of C do not decay ({@link RelaxationBursts}). A few bursts are
 *       no evidence: the transient of a GD that settles on C looks the same over one settling time.</li>
 * </ul>
 *
 * <p><b>Budget</b>: {@code analysis.gd_fate_work} sample·unit·steps of real GD (at least {@value #MIN_REAL} steps).
 * A run not decided by then is {@code unresolved}, with what GD was seen doing (circling or approaching a cycle, its
 * bursts, its Lyapunov exponent) in the reason.
 */
public final class GdFateFinder {

    static final long MIN_REAL = 200_000;
    static final long FIRST_CHECK = 256;
    static final double CHECK_GROWTH = 1.5;
    /** Largest spacing of two checks, in GD steps (a check costs about 20 gradient passes). */
    static final long CHECK_MAX = 65_536;
    public static final int MAX_PERIOD = 16;
    static final double OSCILLATION_RATIO = 0.05;
    static final double FIXED_MOTION = 1e-6;
    /** Steps into the segment, with no cycle in sight, before the Lyapunov exponent is measured. */
    static final long APERIODIC_MIN = 100_000;
    /** An unresolved GD is reported near a known cycle within this share of (1 + its scale). */
    static final double SEEN_NEAR = 0.5;
    /** GD within this many cycle amplitudes of a known stable cycle is near it (no Lyapunov exponent measured). */
    static final double NEAR_CYCLE = 20;
    /** Checks (a window apart) with the tangent along the top eigenvector after which a measurement stops early. */
    static final int LINEAR_CHECKS = 3;
    /** |u·e_max| at least this: the tangent is along the top Hessian eigenvector. */
    static final double ALIGNED = 0.99;
    /** Windows after which an undecided Lyapunov estimate is given up. */
    static final int LYAPUNOV_MAX_WINDOWS = 64;
    /** Sharpness below this and one-way motion for three checks after GD was unstable: it follows a flow again. */
    static final double CALM_SHARPNESS = 1.9;
    static final double DRIFT_RATIO = 1.5;
    /** Real GD steps between samples of GD's step and its distance to the cycle being circled. */
    static final int SAMPLE_EVERY = 16;
    /** Checks without a Newton attempt after one that failed. */
    static final int NEWTON_BACKOFF = 2;

    private final GdMap map;
    private final GradientKernel kernel;
    private final ToDoubleFunction<double[]> genExcess;
    private final double work;
    private Cost cost = new Cost();
    private Calm calmPoint;

    /**
     * @param map        the accurate GD map (its loss is L_N)
     * @param kernels    makes the fast kernel GD's iterates run on (same data)
     * @param genExcess  E(θ)
     * @param work       real GD work a segment may take, in sample·unit·steps
     */
    public GdFateFinder(GdMap map, Supplier<GradientKernel> kernels, ToDoubleFunction<double[]> genExcess, double work) {
        this.map = map;
        this.kernel = kernels.get();
        this.genExcess = genExcess;
        this.work = work;
    }

    /**
     * The real GD steps all segments of this finder may take together: {@code work} sample·unit·steps, at least
     * MIN_REAL; a step costs N·(θ's entries / 2) of them (N·H for a scalar input, N·H·(d + 1)/2 for a committee machine).
     */
    long realBudget(double units) {
        return Math.max(MIN_REAL, (long) (work / ((double) kernel.samples() * units)));
    }

    /** Real GD steps taken by this finder's segments so far (not the quiet steps of {@link #fromStart}). */
    private long spent;

    /** GD's fate from θ at GD step {@code step0} (no seeded oscillation). */
    public GdFate follow(double[] start, long step0) {
        return follow(start, step0, false);
    }

    /**
     * GD's fate from a start where GD is still stable (θ_0 at step 0, or a trajectory record): plain GD from
     * {@code start} at step {@code step0} up to step {@code edge}, where the flow says it is still stable (no checks:
     * it follows the flow there), then followed as from the edge. Every iterate is plain GD's from the start, with
     * the kernel calls {@code tail: gd} makes (from θ_0: the same bits). The steps to the edge are counted in
     * {@link #cost()}, not in the budget.
     */
    public GdFate fromStart(double[] start, long step0, long edge) {
        double[] theta = start.clone();
        double[] grad = new double[theta.length];
        double eta = map.eta();
        for (long s = step0; s < edge; s++) {
            double l = kernel.lossAndGradient(theta, grad);
            if (!Double.isFinite(l) || !Vectors.allFinite(grad)) {
                cost = new Cost();
                cost.gdSteps = s - step0 + 1;
                return GdFate.diverged(s);
            }
            for (int a = 0; a < theta.length; a++) theta[a] -= eta * grad[a];
        }
        GdFate f = follow(theta, Math.max(step0, edge), true);
        cost.gdSteps += Math.max(0, edge - step0);
        return f;
    }

    /**
     * GD's fate from θ at GD step {@code step0}.
     *
     * @param atEdge  θ is just before η·λ_max reaches 2: Newton also starts from θ + a·u
     */
    public GdFate follow(double[] start, long step0, boolean atEdge) {
        return follow(start, step0, atEdge, step0);
    }

    /**
     * GD's fate from θ at GD step {@code step0}, as {@link #follow(double[], long, boolean)}, but GD is not taken to
     * follow a flow (a catapult's calm) before step {@code calmFrom}: where the flow from a calm point meets the edge
     * again soon, GD goes on with its own steps through the calm stretch.
     */
    public GdFate follow(double[] start, long step0, boolean atEdge, long calmFrom) {
        int d = start.length;
        double[] theta = start.clone();
        double[] grad = new double[d];
        double eta = map.eta();
        long realBudget = Math.max(0, realBudget(d / 2.0) - spent);
        List<Cycle> known = new ArrayList<>();
        if (atEdge) {
            Cycle seeded = seeded(start);
            if (seeded != null) known.add(seeded);
        }
        RelaxationBursts relaxation = new RelaxationBursts();
        LinearRegime.Confirmation pending = null;
        LinearRegime.Window lastWindow = null;
        Lyapunov lyapunov = null;
        Lyapunov.Estimate exponent = null;
        boolean lyapunovDone = false;
        int aligned = 0;              // checks during the measurement with the tangent along the top eigenvector
        int measuredChecks = 0;
        long lyapunovFrom = 0;
        long eq = 0;                 // GD steps since step0
        long nextCheck = FIRST_CHECK;
        int calm = 0;
        boolean unstableSeen = false;
        int backoff = 0;             // checks to skip Newton after it failed
        boolean freshNewton = false;  // a confirmation failed: Newton from the next check's iterate
        cost = new Cost();
        calmPoint = null;
        long segmentStart = spent;
        while (true) {
            long target = pending == null ? nextCheck : Math.min(nextCheck, pending.at());
            while (eq < target) {
                double l = kernel.lossAndGradient(theta, grad);
                if (!Double.isFinite(l) || !Vectors.allFinite(grad)) {
                    cost.gdSteps = eq + 1;
                    return GdFate.diverged(step0 + eq);
                }
                if (eq % SAMPLE_EVERY == 0 && !known.isEmpty()) {
                    relaxation.sample(known.get(0), theta, eta * Vectors.norm(grad), step0 + eq);
                }
                if (lyapunov != null) {
                    lyapunov.step(theta, eta * Vectors.norm(grad));
                    cost.tangentSteps++;
                }
                for (int a = 0; a < d; a++) theta[a] -= eta * grad[a];
                eq++;
            }
            cost.gdSteps = eq;
            spent = segmentStart + eq;
            if (!Vectors.allFinite(theta)) return GdFate.diverged(step0 + eq);
            if (pending != null && eq == pending.at()) {
                lastWindow = LinearRegime.check(map, pending, theta);
                if (lastWindow.inside()) return certified(pending.cycle(), theta, step0 + eq, lastWindow);
                pending = null;
                freshNewton = true;          // the known cycle did not explain GD's motion: ask Newton from GD's iterate
            }
            if (eq < nextCheck) continue;
            double[][] it = map.iterates(theta, MAX_PERIOD);
            double[] r = new double[MAX_PERIOD + 1];
            for (int k = 1; k <= MAX_PERIOD; k++) r[k] = Vectors.distance(it[k], theta);
            if (!Double.isFinite(r[MAX_PERIOD])) return GdFate.diverged(step0 + eq);
            Spectrum spectrum = Spectrum.of(map.loss().hessian(theta));
            double sharpness = eta * spectrum.values()[d - 1];
            unstableSeen |= sharpness >= 2;
            int k = candidatePeriod(r, theta);
            if (pending == null && !freshNewton) pending = LinearRegime.schedule(known, theta, r[1], eq, eq);
            // Newton from GD's iterate when no known cycle explains its motion, not right after a failure
            Cycle c = null;
            if (k > 0 && pending == null && (backoff == 0 || freshNewton)) {
                freshNewton = false;
                c = cycle(theta, k);
                if (c == null) backoff = NEWTON_BACKOFF;
                else if (indexOf(known, c) < 0) known.add(c);
                if (c != null) pending = LinearRegime.schedule(known, theta, r[1], eq, eq);
            } else if (backoff > 0) {
                backoff--;
            }
            boolean oneWay = r[2] >= DRIFT_RATIO * r[1];
            calm = unstableSeen && c == null && oneWay && sharpness < CALM_SHARPNESS && step0 + eq >= calmFrom ? calm + 1 : 0;
            if (calm >= 3) {
                calmPoint = new Calm(theta.clone(), step0 + eq);
                return GdFate.unresolved(step0 + eq, String.format("GD turned stable again after its instability and"
                        + " follows a flow at low curvature (η·λ_max %.4f at step %d)", sharpness, step0 + eq));
            }
            // a relaxation oscillation: bursts around the cycle that do not decay over several settling times
            BurstEnvelope bursts = relaxation.evidence(step0 + eq);
            // bursts rarer than the cycle's settling time: GD visits the cycle's neighbourhood without being caught
            // (chaos does that too) — a relaxation only once the exponent has been measured and is no chaos
            boolean rare = relaxation.rare();
            if (bursts != null && bursts.circling() && (!rare || lyapunovDone || lyapunovFrom > 0)) {
                return aperiodic(theta, relaxation.cycle(), step0 + eq, true, null, bursts.describe()
                        + ": GD circles this cycle without settling on it", null, bursts);
            }
            // chaos: the tangent map's exponent along GD's own iterates, once no cycle is in sight
            if (lyapunov == null && !lyapunovDone && eq >= lyapunovFrom && unstableSeen && pending == null && c == null
                    && eq >= APERIODIC_MIN && (relaxation.count() == 0 || rare) && !nearCycle(known, theta)) {
                lyapunov = new Lyapunov(map, d);
            }
            if (lyapunov != null) {
                Lyapunov.Estimate e = lyapunov.estimate();
                // a tangent along the top Hessian eigenvector at most checks is a linear instability — GD past the
                // edge, its oscillation growing from rounding at ln(η·λ_max − 1) per step — not chaos
                measuredChecks++;
                if (Math.abs(Vectors.dot(lyapunov.direction(), spectrum.vector(d - 1))) >= ALIGNED) aligned++;
                boolean linear = 2 * aligned > measuredChecks;
                if (e.chaotic() && !linear) {
                    return aperiodic(theta, null, step0 + eq, true, null, "largest Lyapunov exponent " + e.describe()
                            + " (tangent map): chaos", e, bursts);
                }
                // a linear instability shows at once (every check aligned): stopped after LINEAR_CHECKS checks
                boolean growing = (measuredChecks >= LINEAR_CHECKS && aligned == measuredChecks)
                        || (e.windows() >= Lyapunov.MIN_WINDOWS && (!e.bounded() || linear));
                if (growing || e.notChaotic() || e.windows() >= LYAPUNOV_MAX_WINDOWS || pending != null || c != null
                        || (relaxation.count() > 0 && !rare)) {
                    exponent = e.windows() > 0 ? e : null;
                    lyapunov = null;
                    // GD's oscillation still growing (a linear instability): measure again once the steps have doubled
                    if (growing) lyapunovFrom = 2 * eq;
                    else lyapunovDone = true;
                    aligned = 0;
                    measuredChecks = 0;
                }
            }
            if (eq >= realBudget) {
                if (lyapunov != null) exponent = lyapunov.estimate();
                return undecided(theta, known, relaxation, bursts, exponent, lastWindow, step0, step0 + eq, unstableSeen);
            }
            long spacing = Math.max(FIRST_CHECK, Math.min(CHECK_MAX, (long) Math.ceil(eq * (CHECK_GROWTH - 1))));
            if (lyapunov != null) spacing = Math.min(spacing, Lyapunov.WINDOW);
            nextCheck = Math.min(eq + spacing, realBudget);
        }
    }

    /**
     * What the last {@link #follow} cost: real GD steps (kernel passes, the quiet steps of {@link #fromStart}
     * included) and steps of the Lyapunov tangent map (each about one more gradient pass).
     */
    public static final class Cost {
        long gdSteps;
        long tangentSteps;

        public long gdSteps() {
            return gdSteps;
        }

        public long tangentSteps() {
            return tangentSteps;
        }
    }

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
        return CycleSolver.stableCycle(map, theta, k);
    }

    private static int indexOf(List<Cycle> known, Cycle c) {
        for (int i = 0; i < known.size(); i++) {
            Cycle o = known.get(i);
            if (o.distanceTo(c) <= 1e-7 * (1 + o.scale())) return i;
        }
        return -1;
    }

    /** The certified cycle GD was seen inside the linear regime of (with neutral multipliers: Newton's from GD's iterate). */
    private GdFate certified(Cycle c, double[] theta, long step, LinearRegime.Window w) {
        Cycle reported = c;
        if (c.multipliers().neutralCount() > 0) {
            Cycle again = cycle(theta, c.period());
            if (again != null && again.period() == c.period()) reported = again;
        }
        double l = 0;
        double e = 0;
        for (double[] p : reported.points()) {
            l += map.loss().value(p) / reported.period();
            e += genExcess.applyAsDouble(p) / reported.period();
        }
        double[] eig = Spectrum.of(map.loss().hessian(reported.mean())).values();
        GdFateKind kind = reported.period() == 1 ? GdFateKind.FIXED_POINT : GdFateKind.PERIODIC;
        return new GdFate(kind, reported, l, e, map.eta() * eig[eig.length - 1], Double.NaN, step, true, null,
                BranchOrdinates.of(map.loss(), reported.points()), w.describe(reported), Double.NaN, null);
    }

    /**
     * Aperiodic (certified, or not when {@code reason} says why): L_N, E and the sharpness averaged over
     * {@value GdFate#BRANCH_SAMPLES} iterates from GD's last one, the cycle it circles (if any) beside it.
     */
    private GdFate aperiodic(double[] theta, Cycle circled, long step, boolean certified, String reason, String evidence,
                             Lyapunov.Estimate lyap, BurstEnvelope bursts) {
        double[][] samples = map.iterates(theta, GdFate.BRANCH_SAMPLES - 1);
        double l = 0;
        double e = 0;
        for (double[] p : samples) {
            l += map.loss().value(p) / samples.length;
            e += genExcess.applyAsDouble(p) / samples.length;
        }
        double[] eig = Spectrum.of(map.loss().hessian(BranchOrdinates.mean(samples))).values();
        return new GdFate(GdFateKind.APERIODIC, circled, l, e, map.eta() * eig[eig.length - 1],
                lyap == null ? Double.NaN : lyap.exponent(), step, certified, reason, BranchOrdinates.of(map.loss(), samples),
                evidence, lyap == null ? Double.NaN : lyap.error(), bursts);
    }

    /**
     * The budget is spent without a certificate: {@code unresolved}, with what GD was seen doing — circling a
     * cycle (its bursts), approaching one (its last window), moving on no cycle (its Lyapunov exponent) — as the
     * evidence, and the cycle it circles or approaches in {@code cycle}.
     */
    private GdFate undecided(double[] theta, List<Cycle> known, RelaxationBursts relaxation, BurstEnvelope bursts,
                             Lyapunov.Estimate exponent, LinearRegime.Window lastWindow, long step0, long step,
                             boolean unstableSeen) {
        String spent = (step - step0) + " GD steps from step " + step0 + " (" + String.format("%.2g", work) + " sample·unit·steps)";
        List<String> seen = new ArrayList<>();
        Cycle near = relaxation.cycle() != null ? relaxation.cycle() : known.isEmpty() ? null : nearest(known, theta);
        if (near != null && near.distanceTo(theta) > SEEN_NEAR * (1 + near.scale())) near = null;   // not near any
        if (near != null) {
            seen.add(String.format("%.3g from the stable %d-cycle it %s (settling time %.3g steps)", near.distanceTo(theta),
                    near.period(), relaxation.count() > 0 ? "circles" : "approaches", near.settlingSteps()));
        }
        if (bursts != null) seen.add(bursts.describe());
        if (lastWindow != null && !lastWindow.inside()) {
            seen.add(String.format("last linear-regime window: deviation %.3g → %.3g, prediction off by %.2g %%",
                    lastWindow.before(), lastWindow.after(), 100 * lastWindow.mismatch()));
        }
        if (exponent != null && exponent.windows() == 0) exponent = null;
        if (exponent != null) seen.add("largest Lyapunov exponent " + exponent.describe());
        if (!unstableSeen && near == null) seen.add("GD never seen unstable");
        String evidence = seen.isEmpty() ? "GD bounded on no cycle up to period " + MAX_PERIOD : String.join("; ", seen);
        String reason = "not decided after " + spent + ": " + evidence;
        if (near == null && exponent == null) return new GdFate(GdFateKind.UNRESOLVED, null, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, step, false, reason, null, evidence, Double.NaN, bursts);
        double l = 0;
        double e = 0;
        if (near != null) {
            for (double[] p : near.points()) {
                l += map.loss().value(p) / near.period();
                e += genExcess.applyAsDouble(p) / near.period();
            }
        } else {
            l = Double.NaN;
            e = Double.NaN;
        }
        return new GdFate(GdFateKind.UNRESOLVED, near, l, e, Double.NaN, exponent == null ? Double.NaN : exponent.exponent(),
                step, false, reason, near == null ? null : BranchOrdinates.of(map.loss(), near.points()), evidence,
                exponent == null ? Double.NaN : exponent.error(), bursts);
    }

    /**
     * GD within {@value #NEAR_CYCLE} amplitudes of a known stable cycle: its motion there is a transient or a
     * relaxation around the cycle (whose slow growth phases would read as a positive exponent), not chaos.
     */
    private static boolean nearCycle(List<Cycle> known, double[] theta) {
        for (Cycle c : known) if (c.distanceTo(theta) <= NEAR_CYCLE * Math.max(c.amplitude(), 1e-12 * (1 + c.scale()))) return true;
        return false;
    }

    private static Cycle nearest(List<Cycle> known, double[] theta) {
        Cycle best = known.get(0);
        for (Cycle c : known) if (c.distanceTo(theta) < best.distanceTo(theta)) best = c;
        return best;
    }
}
