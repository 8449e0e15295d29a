package saddlesweep.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

import org.ejml.data.DMatrixRMaj;

import saddlesweep.model.ClosureForm;
import saddlesweep.model.ClosureLoss;
import saddlesweep.model.ClosureNetwork;
import saddlesweep.model.Mlp;
import saddlesweep.model.PopulationExcess;
import saddlesweep.model.Singularity;
import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Vectors;
import saddlesweep.train.TrainingRecord;

/**
 * Certifies where a run goes, from its records (GD and flow tail) and, when the run was polished onto an
 * isolated minimum, that minimum.
 *
 * <p>Order of the checks at the last record θ_T:
 * <ol>
 *   <li>{@code finite}: a strict Newton polish from θ_T (as during GD, {@link AttractorFinder}).</li>
 *   <li>{@code saddle}: the Hessian has negative eigenvalues and Levenberg–Marquardt on ½‖∇L_N‖² finds a
 *       critical point within {@value #SADDLE_RADIUS}·(1 + ‖θ_T‖) of θ_T.</li>
 *   <li>Closure candidates: the trends of each unit over the last recorded decade (T/10 → T) propose a
 *       limit model (a unit saturating: |w| ≥ {@value #SAT_W}/s_x and growing → v·sign(x); turning linear:
 *       |w| falling, |v| growing → c·x; fading (its size |v|·min(1, |w| s_x) falling and small) → removed;
 *       two units with ||w_i| − |w_j|| falling → merged (bounded v) or a derivative pair (|v| growing,
 *       opposite signs) → u tanh(wx) + c x sech²(wx)), plus the alternative of each pair and a degenerate
 *       Newton polish of the full network. Each is minimised over its own parameters (Levenberg-damped
 *       Newton, then a strict polish: the limit must be an isolated minimum of its model).</li>
 * </ol>
 * A candidate is certified when L_N(limit) ≤ L_N(θ_t) at every record (within rounding), the run approaches
 * it over the last decade (the gap L_N(θ_t) − L_N(limit) and the function distance d(f_t, f_limit) both
 * fall), and the gap at θ_T is at most {@code gapTol} relative (to L_N(limit), or to 1e-9·L_N(θ_0) for a limit
 * that fits the data exactly). Of the certified candidates the one with
 * the largest L_N(limit) is taken: the run's L_N falls to its limit from above, so a smaller candidate
 * value is a limit the run does not reach. No certified candidate: {@code unresolved}, with the reason.
 */
public final class FateFinder {

    /** Default largest relative gap at which a limit approached algebraically counts as reached. */
    public static final double GAP_TOL = 1e-3;
    /** |w|·s_x beyond which a growing unit is taken to saturate (tanh(4) = 1 − 6.7e-4). */
    public static final double SAT_W = 4.0;
    /** Relative change over the last decade that counts as a trend. */
    static final double TREND = 0.01;
    /** A unit of size below this share of the network's total size may be fading out. */
    static final double FADING_SHARE = 0.1;
    /** Pairs closer than this fraction of their mean |w| may be merging. */
    static final double PAIR_SHARE = 0.25;
    static final double SADDLE_RADIUS = 1e-3;
    /** Gradient norm (in the model's own parameters) a candidate limit must reach. */
    static final double LIMIT_GRAD_TOL = 1e-10;
    /** A run whose gradient is this small has settled: its limit is within ‖∇L_N‖/λ_min of it. */
    static final double SETTLED_GRAD = 1e-11;
    /** Zero eigenvalues at rounding level: ~10^4 ulps of λ_max. */
    static final double ROUNDING_REL_TOL = 1e-12;

    private final SquaredLoss loss;
    private final PopulationExcess pop;
    private final AttractorFinder finder;
    private final AnalysisSettings settings;
    private final double inputStd;
    private final double gapTol;

    /**
     * @param gapTol  largest relative gap (L_N(θ_T) − L_N(limit)) / L_N(limit) at which a limit reached
     *                algebraically counts as reached
     */
    public FateFinder(SquaredLoss loss, PopulationExcess pop, double eta, AnalysisSettings settings,
                      double inputStd, double gapTol) {
        this.loss = loss;
        this.pop = pop;
        this.finder = new AttractorFinder(loss, eta, settings);
        this.settings = settings;
        this.inputStd = inputStd;
        this.gapTol = gapTol;
    }

    /**
     * The fate of a run.
     *
     * @param records   every record of the run, in step order
     * @param polished  the minimum the run was polished onto during training, or null
     */
    public Fate of(List<TrainingRecord> records, Attractor polished) {
        TrainingRecord last = records.get(records.size() - 1);
        double[] thetaT = last.theta();
        if (polished == null) polished = finder.polish(thetaT, 0.0, false);
        if (polished == null && last.gradNorm() <= SETTLED_GRAD) polished = nearlyDegenerate(thetaT);
        if (polished != null && polished.kind() == AttractorKind.FINITE) {
            ClosureNetwork limit = ClosureNetwork.ofMlp(polished.theta());
            Check c = check(limit, records, true);
            return fate(AttractorKind.FINITE, null, polished.theta(), limit, c, Double.NaN);
        }
        Fate saddle = saddle(thetaT, records);
        if (saddle != null) return saddle;

        List<Candidate> candidates = candidates(records);
        Attractor degenerate = finder.polish(thetaT, 0.0, true);
        Fate best = null;
        StringJoiner rejected = new StringJoiner("; ");
        // a degenerate minimum lies on a singular set; a flat direction elsewhere (a saturated unit) is a drift
        if (degenerate != null && degenerate.kind() == AttractorKind.DEGENERATE
                && Singularity.of(degenerate.theta(), settings.singularTol()) != Singularity.NONE) {
            ClosureNetwork limit = reduced(degenerate.theta());
            Check c = check(limit, records, false);
            if (c.certified()) best = fate(AttractorKind.DEGENERATE, null, degenerate.theta(), limit, c, Double.NaN);
            else rejected.add("degenerate polish: " + c.why());
        }
        for (Candidate cand : candidates) {
            ClosureNetwork limit = minimise(cand.shape());
            if (limit == null) {
                rejected.add(cand.shape().label() + ": no isolated minimum of the model nearby");
                continue;
            }
            Check c = check(limit, records, false);
            if (!c.certified()) {
                rejected.add(limit.label() + ": " + c.why());
                continue;
            }
            // the larger limit wins; a tie (within rounding) goes to the closure limit, which also explains the drift
            double tie = 64 * Math.ulp(c.limitLoss());
            boolean better = best == null || c.limitLoss() > best.limitTrainLoss() + tie
                    || (c.limitLoss() >= best.limitTrainLoss() - tie && cand.kind() == AttractorKind.AT_INFINITY
                    && best.kind() != AttractorKind.AT_INFINITY);
            if (better) {
                double[] point = cand.kind() == AttractorKind.AT_INFINITY ? thetaT : cand.embed(limit);
                best = fate(cand.kind(), cand.mechanisms(), point, limit, c, Double.NaN);
            }
        }
        if (best != null) return best;
        return Fate.unresolved(thetaT, "no certified limit at step " + last.step() + (rejected.length() == 0 ? "" : " (" + rejected + ")"));
    }

    /**
     * The reduced network of a point on the singular sets: units with v_i = 0 or w_i = 0 (within singular_tol)
     * removed, units with |w_i| = |w_j| merged into (|w_i|, v_i' + v_j') (v' with the unit's sign flip), and
     * its strict minimum; the full network when nothing reduces or the reduced one has no isolated minimum.
     */
    ClosureNetwork reduced(double[] theta) {
        int h = Mlp.units(theta);
        double tol = settings.singularTol();
        List<double[]> units = new ArrayList<>();
        for (int i = 0; i < h; i++) {
            if (Math.abs(theta[i]) <= tol || Math.abs(theta[h + i]) <= tol) continue;
            double w = Math.abs(theta[i]);
            double v = Math.signum(theta[i]) * theta[h + i];
            double[] same = null;
            for (double[] u : units) if (Math.abs(u[0] - w) <= tol) same = u;
            if (same != null) same[1] += v;
            else units.add(new double[] {w, v});
        }
        if (units.size() == h) return ClosureNetwork.ofMlp(theta);
        double[] th = new double[2 * units.size()];
        for (int i = 0; i < units.size(); i++) {
            th[i] = units.get(i)[0];
            th[units.size() + i] = units.get(i)[1];
        }
        ClosureNetwork limit = units.isEmpty() ? null : minimise(ClosureNetwork.ofMlp(th));
        return limit != null ? limit : ClosureNetwork.ofMlp(theta);
    }

    /**
     * A run that has settled (‖∇L_N‖ ≤ {@value #SETTLED_GRAD}) off the singular sets at a minimum whose smallest
     * eigenvalue is positive but below eigen_rel_tol·λ_max (an ill-conditioned isolated minimum: a near-realizable
     * fit with little noise): the strict polish with a zero tolerance at rounding level ({@value #ROUNDING_REL_TOL})
     * and the usual radius; null unless it converges there.
     */
    private Attractor nearlyDegenerate(double[] thetaT) {
        if (Singularity.of(thetaT, settings.singularTol()) != Singularity.NONE) return null;
        NewtonPolish.Result r = new NewtonPolish(loss, ROUNDING_REL_TOL, AttractorFinder.POLISH_RADIUS * (1 + Vectors.norm(thetaT)))
                .polish(thetaT, NewtonPolish.Mode.STRICT);
        if (!r.ok() || !(r.gradNorm() <= AttractorFinder.POLISH_GRAD_TOL)) return null;
        Spectrum sp = Spectrum.of(loss.hessian(r.theta()));
        return sp.positiveDefinite(ROUNDING_REL_TOL) ? new Attractor(AttractorKind.FINITE, r.theta(), true, 0.0) : null;
    }

    /** A saddle the run is still on: a critical point of index ≥ 1 next to θ_T. */
    private Fate saddle(double[] thetaT, List<TrainingRecord> records) {
        double tol = settings.eigenRelTol();
        Spectrum at = Spectrum.of(loss.hessian(thetaT));
        if (at.morseIndex(tol) == 0) return null;
        CriticalPointSolver.Result cp = new CriticalPointSolver(loss, 1e-12, 300).solve(thetaT);
        if (!cp.converged() || Vectors.distance(cp.theta(), thetaT) > SADDLE_RADIUS * (1 + Vectors.norm(thetaT))) return null;
        Spectrum sp = Spectrum.of(loss.hessian(cp.theta()));
        if (sp.morseIndex(tol) == 0) return null;
        ClosureNetwork limit = ClosureNetwork.ofMlp(cp.theta());
        Check c = check(limit, records, true);
        return new Fate(AttractorKind.SADDLE, null, true, cp.theta(), limit.canonical(), c.limitLoss(), c.limitExcess(),
                c.approach(), c.rate(), sp.min(), null);
    }

    private Fate fate(AttractorKind kind, String mechanisms, double[] theta, ClosureNetwork limit, Check c, double escape) {
        return new Fate(kind, mechanisms, c.certified(), theta, limit.canonical(), c.limitLoss(), c.limitExcess(),
                c.approach(), c.rate(), escape, c.certified() ? null : c.why());
    }

    /**
     * The isolated minimum of a candidate model next to its start, or null. Isolated: the Hessian, Jacobi-scaled
     * (closure parameters have disparate scales: a pair's c next to its w), is positive definite beyond
     * eigen_rel_tol.
     */
    private ClosureNetwork minimise(ClosureNetwork start) {
        ClosureLoss cl = new ClosureLoss(start, loss);
        double[] p = new DampedNewton(cl, 300).minimise(start.params());
        if (!Vectors.allFinite(p)) return null;
        if (!(cl.gradientNorm(p) <= LIMIT_GRAD_TOL)) {
            NewtonPolish.Result r = new NewtonPolish(cl, settings.eigenRelTol(), 1e-3 * (1 + Vectors.norm(p)))
                    .polish(p, NewtonPolish.Mode.STRICT);
            if (!r.ok() || !(r.gradNorm() <= LIMIT_GRAD_TOL)) return null;
            p = r.theta();
        }
        DMatrixRMaj h = cl.hessian(p);
        if (!Spectrum.of(h).isolatedMinimum(h, settings.eigenRelTol())) return null;
        return start.withParams(p);
    }

    /** Index of the first record of the last recorded decade (step ≥ last step / 10). */
    static int decadeStart(List<TrainingRecord> records) {
        int a = records.size() - 1;
        long last = records.get(a).step();
        while (a > 0 && records.get(a - 1).step() >= last / 10) a--;
        return a;
    }

    /** The checks of a limit against the records. */
    record Check(boolean certified, String why, double limitLoss, double limitExcess, String approach, double rate) {
    }

    private Check check(ClosureNetwork limit, List<TrainingRecord> records, boolean isolated) {
        double lInf = new ClosureLoss(limit, loss).value(limit.params());
        double eInf = new ClosureLoss(limit, pop.ruleFor(limit.maxAbsW())).value(limit.params());
        double slack = 64 * Math.ulp(lInf);
        for (TrainingRecord r : records) {
            if (r.trainLoss() < lInf - slack) {
                return new Check(false, String.format("L_N(limit) %.12g above L_N %.12g at step %d", lInf, r.trainLoss(), r.step()),
                        lInf, eInf, null, Double.NaN);
            }
        }
        int b = records.size() - 1;
        int a = decadeStart(records);
        double gapA = records.get(a).trainLoss() - lInf;
        double gapB = records.get(b).trainLoss() - lInf;
        double reached = 1e-12 * Math.max(lInf, Double.MIN_NORMAL) + slack;
        String[] approach = approach(records, a, b, lInf, reached);
        double rate = approach == null ? Double.NaN : Double.parseDouble(approach[1]);
        String kind = approach == null ? null : approach[0];
        if (isolated || gapB <= reached) return new Check(true, null, lInf, eInf, kind, rate);
        if (a == b || !(gapB <= 0.9 * gapA)) {
            return new Check(false, String.format("gap to the limit not falling (%.3g → %.3g over the last decade)", gapA, gapB),
                    lInf, eInf, kind, rate);
        }
        double dA = FunctionDistance.between(pop, ClosureNetwork.ofMlp(records.get(a).theta()), limit);
        double dB = FunctionDistance.between(pop, ClosureNetwork.ofMlp(records.get(b).theta()), limit);
        if (!(dB <= 0.95 * dA)) {
            return new Check(false, String.format("function distance not falling (%.3g → %.3g)", dA, dB), lInf, eInf, kind, rate);
        }
        // relative to L_N(limit), or to 1e-9·L_N(θ_0) when the limit fits the data exactly (noiseless data)
        double scale = Math.max(Math.abs(lInf), 1e-9 * records.get(0).trainLoss());
        if (gapB > gapTol * scale) {
            return new Check(false, String.format("not yet at the limit: relative gap %.3g", gapB / scale), lInf, eInf, kind, rate);
        }
        return new Check(true, null, lInf, eInf, kind, rate);
    }

    /**
     * How the gap falls over the records a..b: least squares of ln(gap) against the step (geometric) and
     * against ln(step) (algebraic); the better fit names the approach, its slope the rate. Records whose gap
     * is at rounding level are left out. Null when fewer than three records remain.
     */
    static String[] approach(List<TrainingRecord> records, int a, int b, double lInf, double reached) {
        List<double[]> pts = new ArrayList<>();
        int from = a;
        // the decade before a reached limit says more than its rounding-level tail
        if (records.get(b).trainLoss() - lInf <= reached) {
            int k = b;
            while (k > 0 && records.get(k).trainLoss() - lInf <= reached) k--;
            long s = records.get(k).step();
            from = k;
            while (from > 0 && records.get(from - 1).step() >= s / 10) from--;
        }
        for (int i = from; i <= b; i++) {
            TrainingRecord r = records.get(i);
            double gap = r.trainLoss() - lInf;
            if (gap > reached && r.step() > 0) pts.add(new double[] {r.step(), Math.log(r.step()), Math.log(gap)});
        }
        if (pts.size() < 3) return null;
        double[] geo = fit(pts, 0);
        double[] alg = fit(pts, 1);
        return geo[1] <= alg[1] ? new String[] {"geometric", Double.toString(-geo[0])}
                : new String[] {"algebraic", Double.toString(-alg[0])};
    }

    /** Slope and residual sum of squares of column 2 against column col. */
    private static double[] fit(List<double[]> pts, int col) {
        double n = pts.size();
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (double[] p : pts) {
            sx += p[col];
            sy += p[2];
            sxx += p[col] * p[col];
            sxy += p[col] * p[2];
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        double icpt = (sy - slope * sx) / n;
        double rss = 0;
        for (double[] p : pts) {
            double e = p[2] - icpt - slope * p[col];
            rss += e * e;
        }
        return new double[] {slope, rss};
    }

    /** What a unit is turning into. */
    private enum Role { TANH, SIGN, LINEAR, REMOVED }

    /** A candidate limit model and how to embed its limit back into the full network. */
    record Candidate(ClosureNetwork shape, AttractorKind kind, String mechanisms, double[] thetaT, Role[] roles,
                     int[][] pairs, boolean[] deriv, int[][] groups, double[] full) {

        /**
         * The full-network point of a degenerate limit: merged units (pairs and overlap groups) split in the
         * run's proportion of v, removed units with v = 0.
         */
        double[] embed(ClosureNetwork limit) {
            double[] reduced = embedReduced(limit);
            int m = groups.length;
            int h = Mlp.units(full);
            double[] th = new double[2 * h];
            for (int g = 0; g < m; g++) {
                double total = 0;
                for (int i : groups[g]) total += (full[i] < 0 ? -1 : 1) * full[h + i];
                for (int i : groups[g]) {
                    double vi = (full[i] < 0 ? -1 : 1) * full[h + i];
                    th[i] = reduced[g];
                    th[h + i] = (total == 0 ? 1.0 / groups[g].length : vi / total) * reduced[m + g];
                }
            }
            return th;
        }

        private double[] embedReduced(ClosureNetwork limit) {
            int h = roles.length;
            double[] th = new double[2 * h];
            double[] p = limit.params();
            int k = 0;
            boolean[] inPair = new boolean[h];
            for (int[] pr : pairs) {                    // pairs come first in the limit's parameters
                int i = pr[0];
                int j = pr[1];
                double vi = canonV(i);
                double vj = canonV(j);
                double share = vi + vj == 0 ? 0.5 : vi / (vi + vj);
                th[i] = p[k];
                th[j] = p[k];
                th[h + i] = share * p[k + 1];
                th[h + j] = (1 - share) * p[k + 1];
                k += 2;
                inPair[i] = inPair[j] = true;
            }
            for (int i = 0; i < h; i++) {
                if (inPair[i]) continue;
                if (roles[i] == Role.REMOVED) {
                    th[i] = Math.abs(thetaT[i]);
                    th[h + i] = 0;
                } else {
                    th[i] = p[k];
                    th[h + i] = p[k + 1];
                    k += 2;
                }
            }
            return th;
        }

        private double canonV(int i) {
            int h = roles.length;
            return thetaT[i] < 0 ? -thetaT[h + i] : thetaT[h + i];
        }
    }

    /** Candidate limit models from the trends of the last recorded decade. */
    List<Candidate> candidates(List<TrainingRecord> records) {
        int b = records.size() - 1;
        int a = decadeStart(records);
        // units that already act as one (|w| equal to 1e-6, same sign after the flip) are merged first
        int[][] groups = overlapGroups(records.get(b).theta());
        double[] ta = mergeGroups(records.get(a).theta(), groups);
        double[] tb = mergeGroups(records.get(b).theta(), groups);
        int h = Mlp.units(tb);
        Role[] roles = new Role[h];
        double[] sizeA = new double[h];
        double[] sizeB = new double[h];
        double total = 0;
        for (int i = 0; i < h; i++) {
            sizeA[i] = Math.abs(ta[h + i]) * Math.min(1, Math.abs(ta[i]) * inputStd);
            sizeB[i] = Math.abs(tb[h + i]) * Math.min(1, Math.abs(tb[i]) * inputStd);
            total += sizeB[i];
        }
        // derivative pairs first: ||w_i| − |w_j|| falling, both |v| growing, opposite signs (after the flip)
        List<int[]> pairs = new ArrayList<>();
        List<Boolean> deriv = new ArrayList<>();
        boolean[] used = new boolean[h];
        pairUp(ta, tb, roles, used, pairs, deriv, true);
        for (int i = 0; i < h; i++) {
            if (used[i]) {
                roles[i] = Role.TANH;
                continue;
            }
            double wa = Math.abs(ta[i]);
            double wb = Math.abs(tb[i]);
            double va = Math.abs(ta[h + i]);
            double vb = Math.abs(tb[h + i]);
            boolean fading = sizeB[i] < sizeA[i] * (1 - TREND) && sizeB[i] <= FADING_SHARE * total;
            if (wb * inputStd >= SAT_W && wb > wa * (1 + TREND)) roles[i] = Role.SIGN;
            else if (wb < wa * (1 - TREND) && vb > va * (1 + TREND) && !fading) roles[i] = Role.LINEAR;  // however small c
            else if (fading) roles[i] = Role.REMOVED;
            else roles[i] = Role.TANH;
        }
        // then ordinary units merging (bounded v) or forming a pair
        pairUp(ta, tb, roles, used, pairs, deriv, false);
        List<Candidate> out = new ArrayList<>();
        boolean[] d = new boolean[pairs.size()];
        for (int k = 0; k < d.length; k++) d[k] = deriv.get(k);
        double[] full = records.get(b).theta();
        out.add(candidate(tb, roles, pairs, d, groups, full, false));
        for (int k = 0; k < d.length; k++) {
            boolean[] alt = d.clone();
            alt[k] = !alt[k];
            out.add(candidate(tb, roles, pairs, alt, groups, full, false));
        }
        // every unit whose |w| falls while its |v| grows, pair members included (a derivative pair whose w → 0 is
        // itself a linear + cubic term), turning linear together: c x + d x³
        Role[] poly = roles.clone();
        int linear = 0;
        for (int i = 0; i < h; i++) {
            boolean turning = Math.abs(tb[i]) < Math.abs(ta[i]) * (1 - TREND) && Math.abs(tb[h + i]) > Math.abs(ta[h + i]) * (1 + TREND);
            if (turning || roles[i] == Role.LINEAR) poly[i] = Role.LINEAR;
            if (poly[i] == Role.LINEAR) linear++;
        }
        if (linear >= 2) {
            List<int[]> rest = new ArrayList<>();
            List<Boolean> restDeriv = new ArrayList<>();
            for (int k = 0; k < pairs.size(); k++) {
                int[] pr = pairs.get(k);
                if (poly[pr[0]] == Role.LINEAR || poly[pr[1]] == Role.LINEAR) {
                    poly[pr[0]] = poly[pr[1]] = Role.LINEAR;       // a pair goes whole, or not at all
                    continue;
                }
                rest.add(pr);
                restDeriv.add(d[k]);
            }
            boolean[] rd = new boolean[rest.size()];
            for (int k = 0; k < rd.length; k++) rd[k] = restDeriv.get(k);
            out.add(candidate(tb, poly, rest, rd, groups, full, true));
        }
        // three units meeting with growing v: the second-order term (DERIV2)
        List<int[]> triples = triples(ta, tb);
        for (int[] t : triples) out.add(triple(tb, t, roles, groups, full));
        boolean special = !pairs.isEmpty() || !triples.isEmpty() || groups.length < Mlp.units(full);
        for (Role r : roles) special |= r != Role.TANH;
        if (!special) out.clear();          // the full network itself: the polishes above have answered
        return out;
    }

    /**
     * Pairs of unused units whose ||w_i| − |w_j|| falls over the decade and is within PAIR_SHARE of their mean |w|,
     * closest first; with onlyDerivative, only pairs whose |v| both grow with opposite signs.
     */
    private static void pairUp(double[] ta, double[] tb, Role[] roles, boolean[] used, List<int[]> pairs,
                               List<Boolean> deriv, boolean onlyDerivative) {
        int h = roles.length;
        while (true) {
            int bi = -1;
            int bj = -1;
            boolean bd = false;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < h; i++) {
                for (int j = i + 1; j < h; j++) {
                    if (used[i] || used[j] || (!onlyDerivative && (roles[i] != Role.TANH || roles[j] != Role.TANH))) continue;
                    double db = Math.abs(Math.abs(tb[i]) - Math.abs(tb[j]));
                    double da = Math.abs(Math.abs(ta[i]) - Math.abs(ta[j]));
                    double mean = 0.5 * (Math.abs(tb[i]) + Math.abs(tb[j]));
                    if (!(db < da * (1 - TREND) && db <= PAIR_SHARE * mean && db < best)) continue;
                    double vi = Math.signum(tb[i]) * tb[h + i];
                    double vj = Math.signum(tb[j]) * tb[h + j];
                    boolean growing = Math.abs(tb[h + i]) > Math.abs(ta[h + i]) * (1 + TREND)
                            && Math.abs(tb[h + j]) > Math.abs(ta[h + j]) * (1 + TREND);
                    boolean d = growing && vi * vj < 0;
                    if (onlyDerivative && !d) continue;
                    best = db;
                    bi = i;
                    bj = j;
                    bd = d;
                }
            }
            if (bi < 0) return;
            used[bi] = used[bj] = true;
            pairs.add(new int[] {bi, bj});
            deriv.add(bd);
        }
    }

    /**
     * Triples of units whose |v| all grow over the decade and whose spread of |w| falls and is within PAIR_SHARE of
     * their mean |w|: three units meeting.
     */
    static List<int[]> triples(double[] ta, double[] tb) {
        int h = Mlp.units(tb);
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < h; i++) {
            for (int j = i + 1; j < h; j++) {
                for (int k = j + 1; k < h; k++) {
                    int[] t = {i, j, k};
                    boolean growing = true;
                    for (int m : t) growing &= Math.abs(tb[h + m]) > Math.abs(ta[h + m]) * (1 + TREND);
                    double spreadA = spread(ta, t);
                    double spreadB = spread(tb, t);
                    double mean = (Math.abs(tb[i]) + Math.abs(tb[j]) + Math.abs(tb[k])) / 3;
                    if (growing && spreadB < spreadA * (1 - TREND) && spreadB <= PAIR_SHARE * mean) out.add(t);
                }
            }
        }
        return out;
    }

    private static double spread(double[] theta, int[] units) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int m : units) {
            lo = Math.min(lo, Math.abs(theta[m]));
            hi = Math.max(hi, Math.abs(theta[m]));
        }
        return hi - lo;
    }

    /**
     * The candidate of three units meeting: Σ v_i tanh(w_i x) ≈ u T + c T' + e T''/… around the mean w (flipped so
     * w_i ≥ 0), u = Σ v_i, c = Σ v_i δ_i, e = Σ v_i δ_i²/2, δ_i = w_i − w; the other units as their roles say.
     */
    private Candidate triple(double[] tb, int[] t, Role[] roles, int[][] groups, double[] full) {
        int h = Mlp.units(tb);
        double w = 0;
        for (int m : t) w += Math.abs(tb[m]) / t.length;
        double u = 0;
        double c = 0;
        double e = 0;
        for (int m : t) {
            double v = Math.signum(tb[m]) * tb[h + m];
            double delta = Math.abs(tb[m]) - w;
            u += v;
            c += v * delta;
            e += v * delta * delta / 2;
        }
        List<ClosureForm> forms = new ArrayList<>(List.of(ClosureForm.DERIV2));
        List<Double> params = new ArrayList<>(List.of(w, u, c, e));
        Set<String> mech = new LinkedHashSet<>();
        for (int i = 0; i < h; i++) {
            if (i == t[0] || i == t[1] || i == t[2]) continue;
            switch (roles[i]) {
                case SIGN -> {
                    forms.add(ClosureForm.SIGN);
                    params.add(Math.signum(tb[i]) * tb[h + i]);
                    mech.add("saturating");
                }
                case LINEAR -> {
                    forms.add(ClosureForm.LINEAR);
                    params.add(tb[i] * tb[h + i]);
                    mech.add("linear");
                }
                case REMOVED -> {
                }
                case TANH -> {
                    forms.add(ClosureForm.TANH);
                    params.add(tb[i]);
                    params.add(tb[h + i]);
                }
            }
        }
        mech.add("derivative_triple");
        double[] p = new double[params.size()];
        for (int k = 0; k < p.length; k++) p[k] = params.get(k);
        return new Candidate(new ClosureNetwork(forms.toArray(new ClosureForm[0]), p), AttractorKind.AT_INFINITY,
                String.join(",", mech), tb, roles, new int[0][], new boolean[0], groups, full);
    }

    /** Groups of units of θ whose |w| agree to 1e-6 relative and whose v (after the flip) have one sign. */
    static int[][] overlapGroups(double[] theta) {
        int h = Mlp.units(theta);
        List<List<Integer>> groups = new ArrayList<>();
        for (int i = 0; i < h; i++) {
            double wi = Math.abs(theta[i]);
            double vi = Math.signum(theta[i]) * theta[h + i];
            List<Integer> home = null;
            for (List<Integer> g : groups) {
                int j = g.get(0);
                double wj = Math.abs(theta[j]);
                double vj = Math.signum(theta[j]) * theta[h + j];
                if (Math.abs(wi - wj) <= 1e-6 * Math.max(wi, wj) && vi * vj > 0) home = g;
            }
            if (home == null) groups.add(home = new ArrayList<>());
            home.add(i);
        }
        int[][] out = new int[groups.size()][];
        for (int g = 0; g < out.length; g++) out[g] = groups.get(g).stream().mapToInt(Integer::intValue).toArray();
        return out;
    }

    /** θ with each group replaced by one unit: mean |w|, sum of the flipped v. */
    static double[] mergeGroups(double[] theta, int[][] groups) {
        int h = Mlp.units(theta);
        int m = groups.length;
        double[] out = new double[2 * m];
        for (int g = 0; g < m; g++) {
            double w = 0;
            double v = 0;
            for (int i : groups[g]) {
                w += Math.abs(theta[i]);
                v += (theta[i] < 0 ? -1 : 1) * theta[h + i];
            }
            out[g] = w / groups[g].length;
            out[m + g] = v;
        }
        return out;
    }

    /** The candidate of these roles and pairs; with cubic, the linear units' limit is c x + d x³ (CUBIC). */
    private Candidate candidate(double[] tb, Role[] roles, List<int[]> pairs, boolean[] deriv, int[][] groups,
                                double[] full, boolean cubic) {
        int h = roles.length;
        boolean merged = groups.length < Mlp.units(full);
        List<ClosureForm> forms = new ArrayList<>();
        List<Double> params = new ArrayList<>();
        Set<String> mech = new LinkedHashSet<>();
        boolean reduced = false;
        boolean[] inPair = new boolean[h];
        double sign = 0;
        double linear = 0;
        double cube = 0;
        for (int k = 0; k < pairs.size(); k++) {
            int i = pairs.get(k)[0];
            int j = pairs.get(k)[1];
            inPair[i] = inPair[j] = true;
            double wi = Math.abs(tb[i]);
            double wj = Math.abs(tb[j]);
            double vi = Math.signum(tb[i]) * tb[h + i];
            double vj = Math.signum(tb[j]) * tb[h + j];
            if (wi > wj) {
                double s = wi; wi = wj; wj = s;
                s = vi; vi = vj; vj = s;
            }
            double w = 0.5 * (wi + wj);
            if (deriv[k]) {
                // v_i tanh(w_i x) + v_j tanh(w_j x) ≈ (v_i + v_j) tanh(w x) + (v_j − v_i)(w_j − w_i)/2 · x sech²(w x)
                forms.add(ClosureForm.DERIV);
                params.add(w);
                params.add(vi + vj);
                params.add(0.5 * (vj - vi) * (wj - wi));
                mech.add("derivative_pair");
            } else {
                forms.add(ClosureForm.TANH);
                params.add(w);
                params.add(vi + vj);
                reduced = true;
            }
        }
        for (int i = 0; i < h; i++) {
            if (inPair[i]) continue;
            switch (roles[i]) {
                case TANH -> {
                    forms.add(ClosureForm.TANH);
                    params.add(tb[i]);
                    params.add(tb[h + i]);
                }
                case SIGN -> {
                    sign += Math.signum(tb[i]) * tb[h + i];      // v tanh(w x) → v sign(w) sign(x)
                    mech.add("saturating");
                }
                case LINEAR -> {
                    linear += tb[i] * tb[h + i];                   // v tanh(w x) → v w x
                    cube -= tb[i] * tb[i] * tb[i] * tb[h + i] / 3;   // − v w³ x³/3, the next term
                    mech.add("linear");
                }
                case REMOVED -> reduced = true;
            }
        }
        // several saturating (linear) units act as one sign (linear) term: Σ v_i sign(w_i) sign(x), (Σ v_i w_i) x
        if (mech.contains("saturating")) {
            forms.add(ClosureForm.SIGN);
            params.add(sign);
        }
        if (mech.contains("linear")) {
            forms.add(ClosureForm.LINEAR);
            params.add(linear);
            if (cubic) {
                forms.add(ClosureForm.CUBIC);
                params.add(cube);
            }
        }
        double[] p = new double[params.size()];
        for (int k = 0; k < p.length; k++) p[k] = params.get(k);
        ClosureNetwork shape = new ClosureNetwork(forms.toArray(new ClosureForm[0]), p);
        AttractorKind kind = !mech.isEmpty() ? AttractorKind.AT_INFINITY
                : reduced || merged ? AttractorKind.DEGENERATE : AttractorKind.FINITE;
        List<String> ordered = new ArrayList<>();           // one order whatever the units' order
        for (String m : new String[] {"saturating", "linear", "derivative_pair"}) if (mech.contains(m)) ordered.add(m);
        return new Candidate(shape, kind, mech.isEmpty() ? null : String.join(",", ordered), tb, roles,
                pairs.toArray(new int[0][]), deriv, groups, full);
    }
}
