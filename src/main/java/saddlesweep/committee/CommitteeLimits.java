package saddlesweep.committee;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import saddlesweep.committee.CommitteeClosure.Term;
import saddlesweep.committee.CommitteeTrends.Role;
import saddlesweep.flowfate.AttractorKind;
import saddlesweep.flowfate.ClosureMinimiser;
import saddlesweep.flowfate.Fate;
import saddlesweep.flowfate.FateFinder;
import saddlesweep.flowfate.LastDecade;
import saddlesweep.flowfate.LimitCheck;
import saddlesweep.model.Vectors;
import saddlesweep.train.TrainingRecord;

/**
 * The limit at infinity of a committee machine's run whose flow reached no minimum: the scalar model's certificate
 * ({@code flowfate.FateFinder}) with the closure functions of d inputs ({@link CommitteeClosure}).
 * <ol>
 *   <li>Candidates from the last decade's {@link CommitteeTrends}: derivative pairs become deriv terms (or, read the
 *       other way, one merged tanh unit), saturating units sign terms along their current direction u = w/|w|, units
 *       turning linear one linear term c = Σ v_i w_i (or, each in turn, an ordinary unit that stops at a small
 *       w), fading units are dropped.</li>
 *   <li>Each is minimised over its own parameters (damped Newton, a strict Newton polish; the Hessian isolated
 *       beyond eigen_rel_tol, or, for nearly collinear terms, by its soft curvature, also from a start whose
 *       coefficients are fitted by least squares).</li>
 *   <li>Each minimum is checked against the records ({@link LimitCheck}: L_N(limit) ≤ L_N(θ_t) at every record,
 *       the gap and the population distance ({@link ClosureMoments}) falling, the gap reached or extrapolated onto
 *       it), and a sign term's cell settled ({@link #cellSettled}): every data point but the pinned ones saturated
 *       and on its side of the unit's hyperplane over the whole last decade, so L_N of the limit is the same for
 *       every direction the unit may still take; the pinned ones staying in the transition layer.</li>
 * </ol>
 * Of the certified limits the one with the largest L_N is taken (the run falls onto it from above).
 */
final class CommitteeLimits {

    /**
     * The fate (kind at_infinity, or unresolved with the reasons), its limit function (null if none) and, for a limit
     * with sign terms, a note on how far their directions still turned over the last decade (else null).
     */
    record Outcome(Fate fate, CommitteeClosure limit, String note) {

        Outcome(Fate fate, CommitteeClosure limit) {
            this(fate, limit, null);
        }
    }

    /**
     * A candidate: its closure (a start), mechanisms, the units whose cell must hold (sign terms) and, for each, the
     * data points pinned to its hyperplane (which may cross it).
     */
    private record Candidate(CommitteeClosure shape, String mechanisms, int[] signUnits, int[][] pins) {
    }

    /** |w·x_n| below which a saturating unit's data point counts as pinned to its hyperplane (tanh(4) = 1 − 6.7e-4). */
    static final double PIN_W = CommitteeTrends.SAT_W;
    /** |w·x_n| a saturating unit's data point not pinned must have reached (1 − tanh(3) = 4.9e-3). */
    static final double SAT_Z = 3.0;
    /** |w·x_n| beyond which tanh(w·x_n) is ±1 in double precision. */
    static final double SATURATED_Z = 19.1;

    private final CommitteeLoss loss;
    private final double[] teacher;
    private final double inputStd;
    private final double eigenRelTol;

    CommitteeLimits(CommitteeLoss loss, double[] teacher, double inputStd, double eigenRelTol) {
        this.loss = loss;
        this.teacher = teacher;
        this.inputStd = inputStd;
        this.eigenRelTol = eigenRelTol;
    }

    Outcome of(List<TrainingRecord> records) {
        int d = loss.data().dim();
        TrainingRecord last = records.get(records.size() - 1);
        CommitteeTrends t = CommitteeTrends.of(records, d, inputStd);
        if (!t.special()) return new Outcome(Fate.unresolved(last.theta(), "no unit turning into a limit at infinity"), null);
        Activation g = loss.activation();
        Fate best = null;
        CommitteeClosure bestLimit = null;
        int[] bestSignUnits = null;
        StringJoiner rejected = new StringJoiner("; ");
        for (Candidate cand : candidates(t, g, loss.data())) {
            CommitteeClosure limit = minimise(cand.shape());
            if (limit == null) {
                rejected.add(cand.shape().label() + ": no isolated minimum of the model nearby");
                continue;
            }
            String range = pinnedInRange(limit);
            if (range != null) {
                rejected.add(limit.label() + ": " + range);
                continue;
            }
            String cell = cellSettled(records, cand, d);
            if (cell != null) {
                rejected.add(limit.label() + ": " + cell);
                continue;
            }
            double lInf = new CommitteeClosureLoss(limit, loss.data(), g).value(limit.params());
            double eInf = ClosureMoments.excess(limit, teacher, inputStd, g);
            LimitCheck.Result c = LimitCheck.check(lInf, eInf, th -> ClosureMoments.distance(th, limit, inputStd, g), records,
                    false, FateFinder.GAP_TOL);
            if (!c.certified()) {
                rejected.add(limit.label() + ": " + c.why());
                continue;
            }
            if (best == null || c.limitLoss() > best.limitTrainLoss() + 64 * Math.ulp(c.limitLoss())) {
                best = new Fate(AttractorKind.AT_INFINITY, cand.mechanisms(), true, last.theta(), null, c.limitLoss(),
                        c.limitExcess(), c.approachKind(), c.approachRate(), Double.NaN, null);
                bestLimit = limit;
                bestSignUnits = cand.signUnits();
            }
        }
        if (best != null) return new Outcome(best, bestLimit, turning(records, bestSignUnits, d));
        return new Outcome(Fate.unresolved(last.theta(), "no certified limit at step " + last.step()
                + (rejected.length() == 0 ? "" : " (" + rejected + ")")), null);
    }

    /**
     * For saturating units: "E(limit) is E along the last record's direction; unit i turned φ rad over the last
     * decade" — the direction u enters L_N only through the cell, but E through u itself, and u converges slowly.
     */
    private static String turning(List<TrainingRecord> records, int[] signUnits, int d) {
        if (signUnits.length == 0) return null;
        double[] ta = records.get(LastDecade.start(records)).theta();
        double[] tb = records.get(records.size() - 1).theta();
        StringJoiner j = new StringJoiner(", ", "E(limit) is E along the last record's direction of each saturating unit, which still turns: ", " over the last decade");
        for (int i : signUnits) {
            double cos = CommitteeTrends.dot(ta, i, d, tb, i) / (CommitteeTrends.norm(ta, i, d) * CommitteeTrends.norm(tb, i, d));
            j.add(String.format(java.util.Locale.ROOT, "unit %d by %.2g rad", i, Math.acos(Math.max(-1, Math.min(1, cos)))));
        }
        return j.toString();
    }

    /** The readings of the trends: as read, each pair read the other way, each linear unit kept ordinary. */
    private static List<Candidate> candidates(CommitteeTrends t, Activation g, CommitteeData data) {
        List<Candidate> out = new ArrayList<>();
        boolean[] deriv = new boolean[t.pairs().size()];
        java.util.Arrays.fill(deriv, true);
        Role[] roles = t.roles();
        add(out, t, roles, deriv, g, data);
        for (int k = 0; k < deriv.length; k++) {
            boolean[] alt = deriv.clone();
            alt[k] = false;
            add(out, t, roles, alt, g, data);
        }
        for (int i = 0; i < roles.length; i++) {
            if (roles[i] != Role.LINEAR) continue;
            Role[] alt = roles.clone();
            alt[i] = Role.TANH;
            add(out, t, alt, deriv, g, data);
        }
        return out;
    }

    /**
     * The candidate of this reading, and the same with k = 1 … d − 1 pinned points per saturating unit (a hyperplane
     * through the origin passes through at most d − 1 data points in general position), while it has that many.
     */
    private static void add(List<Candidate> out, CommitteeTrends t, Role[] roles, boolean[] deriv, Activation g, CommitteeData data) {
        Candidate plain = candidate(t, roles, deriv, g, data, 0);
        if (plain.mechanisms() == null) return;              // a limit at infinity has a term that is not tanh
        out.add(plain);
        String previous = plain.shape().label();
        for (int k = 1; k < t.dim(); k++) {
            Candidate pinned = candidate(t, roles, deriv, g, data, k);
            if (pinned.shape().label().equals(previous)) break;
            out.add(pinned);
            previous = pinned.shape().label();
        }
    }

    /**
     * The closure of this reading; each saturating unit keeps its own value v·tanh(w·x_n) at up to {@code pinned} data
     * points, those of smallest |w·x_n| below {@value #PIN_W} (pinned to its hyperplane).
     */
    private static Candidate candidate(CommitteeTrends t, Role[] roles, boolean[] deriv, Activation g, CommitteeData data,
                                       int pinned) {
        int d = t.dim();
        double[] tb = t.tb();
        int h = roles.length;
        List<Term> terms = new ArrayList<>();
        List<double[]> dirs = new ArrayList<>();
        List<int[]> pinLists = new ArrayList<>();
        List<Double> p = new ArrayList<>();
        Set<String> mech = new LinkedHashSet<>();
        List<Integer> signUnits = new ArrayList<>();
        List<int[]> pins = new ArrayList<>();
        boolean[] inPair = new boolean[h];
        for (int k = 0; k < t.pairs().size(); k++) {
            int i = t.pairs().get(k)[0];
            int j = t.pairs().get(k)[1];
            double s = t.flip()[k];
            inPair[i] = inPair[j] = true;
            double vi = tb[h * d + i];
            double vj = s * tb[h * d + j];
            for (int m = 0; m < d; m++) p.add(0.5 * (tb[i * d + m] + s * tb[j * d + m]));
            p.add(vi + vj);
            if (deriv[k]) {
                // v_i g(w_i·x) + v_j g(w_j·x) ≈ (v_i + v_j) g(w·x) + (δ·x) g'(w·x), δ = ½(v_j − v_i)(w_j − w_i)
                for (int m = 0; m < d; m++) p.add(0.5 * (vj - vi) * (s * tb[j * d + m] - tb[i * d + m]));
                terms.add(Term.DERIV);
                mech.add("derivative_pair");
            } else {
                terms.add(Term.TANH);
            }
            dirs.add(null);
            pinLists.add(null);
        }
        double[] c = new double[d];
        boolean linear = false;
        double[] g0 = new double[5];
        g.derivatives(0, g0);
        for (int i = 0; i < h; i++) {
            if (inPair[i]) continue;
            double v = tb[h * d + i];
            switch (roles[i]) {
                case TANH -> {
                    for (int m = 0; m < d; m++) p.add(tb[i * d + m]);
                    p.add(v);
                    terms.add(Term.TANH);
                    dirs.add(null);
                    pinLists.add(null);
                }
                case SIGN -> {
                    double n = CommitteeTrends.norm(tb, i, d);
                    double[] u = new double[d];
                    for (int m = 0; m < d; m++) u[m] = tb[i * d + m] / n;
                    p.add(v);                                      // v g(w·x) → v sign(u·x)
                    double[] z = new double[data.size()];
                    for (int m = 0; m < z.length; m++) z[m] = CommitteeNetwork.preactivation(tb, i, d, data.x(), m * d);
                    int[] pin = java.util.stream.IntStream.range(0, z.length).boxed().filter(m -> Math.abs(z[m]) < PIN_W)
                            .sorted(java.util.Comparator.comparingDouble(m -> Math.abs(z[m]))).limit(pinned)
                            .mapToInt(Integer::intValue).sorted().toArray();
                    for (int m : pin) p.add(v * g.value(z[m]));     // the term's value there, for now
                    terms.add(Term.SIGN);
                    dirs.add(u);
                    pinLists.add(pin);
                    signUnits.add(i);
                    pins.add(pin);
                    mech.add("saturating");
                    if (pin.length > 0) mech.add("pinned");
                }
                case LINEAR -> {
                    for (int m = 0; m < d; m++) c[m] += g0[1] * v * tb[i * d + m];    // v g(w·x) → v g'(0) w·x
                    linear = true;
                    mech.add("linear");
                }
                case REMOVED -> {
                }
            }
        }
        if (linear) {
            for (double ci : c) p.add(ci);
            terms.add(Term.LINEAR);
            dirs.add(null);
            pinLists.add(null);
        }
        double[] params = new double[p.size()];
        for (int k = 0; k < params.length; k++) params[k] = p.get(k);
        CommitteeClosure shape = new CommitteeClosure(d, terms.toArray(new Term[0]), dirs.toArray(new double[0][]),
                pinLists.toArray(new int[0][]), params);
        return new Candidate(shape, mech.isEmpty() ? null : String.join(",", mech),
                signUnits.stream().mapToInt(Integer::intValue).toArray(), pins.toArray(new int[0][]));
    }

    /**
     * Null when every pinned value s_j of the limit lies strictly inside its term's range (−|v|, |v|), where
     * v·tanh(w·x_n) can reach it; else which does not.
     */
    private static String pinnedInRange(CommitteeClosure limit) {
        for (int t = 0; t < limit.terms().length; t++) {
            if (limit.terms()[t] != Term.SIGN) continue;
            int o = limit.offset(t);
            double v = Math.abs(limit.params()[o]);
            for (int j = 0; j < limit.pinned()[t].length; j++) {
                double sj = limit.params()[o + 1 + j];
                if (!(Math.abs(sj) < v)) {
                    return String.format("value %.6g at pinned point %d outside the unit's range ±%.6g", sj, limit.pinned()[t][j], v);
                }
            }
        }
        return null;
    }

    /**
     * Null when each saturating unit's data points have settled over the last decade (a = its first record, b the
     * last, z_n = w·x_n), else what has not:
     * <ul>
     *   <li>every point not pinned keeps its side of the hyperplane at every record of the decade, is saturated at b
     *       (|z_b| ≥ {@value #SAT_Z}: tanh within 5e-3 of ±1) and still moving out (|z_b| &gt; |z_a|, unless |z_b| ≥
     *       {@value #SATURATED_Z}, where tanh is ±1 to rounding) — a point inside the transition layer may yet stay
     *       there, and the limit is then another;</li>
     *   <li>every pinned point stays in the layer: |z_b| ≤ |z_a|·√(|w_b|/|w_a|), while a saturating point's |z| grows
     *       like |w|.</li>
     * </ul>
     */
    private String cellSettled(List<TrainingRecord> records, Candidate cand, int d) {
        int[] units = cand.signUnits();
        if (units.length == 0) return null;
        CommitteeData data = loss.data();
        int first = LastDecade.start(records);
        double[] ta = records.get(first).theta();
        double[] tb = records.get(records.size() - 1).theta();
        long stepA = records.get(first).step();
        for (int k = 0; k < units.length; k++) {
            int i = units[k];
            int[] pinned = cand.pins()[k];
            double growth = Math.sqrt(CommitteeTrends.norm(tb, i, d) / CommitteeTrends.norm(ta, i, d));
            for (int n = 0; n < data.size(); n++) {
                final int m = n;
                double za = CommitteeNetwork.preactivation(ta, i, d, data.x(), n * d);
                double zb = CommitteeNetwork.preactivation(tb, i, d, data.x(), n * d);
                if (java.util.Arrays.stream(pinned).anyMatch(q -> q == m)) {
                    if (Math.abs(zb) > Math.abs(za) * growth) {
                        return String.format("pinned point %d of unit %d moves out of its layer (|w·x| %.3g → %.3g from step %d)",
                                n, i, Math.abs(za), Math.abs(zb), stepA);
                    }
                    continue;
                }
                if (Math.abs(zb) < SAT_Z || (Math.abs(zb) < SATURATED_Z && !(Math.abs(zb) > Math.abs(za)))) {
                    return String.format("data point %d inside unit %d's transition layer (|w·x| %.3g → %.3g from step %d)",
                            n, i, Math.abs(za), Math.abs(zb), stepA);
                }
                for (int r = first; r < records.size(); r++) {
                    double z = CommitteeNetwork.preactivation(records.get(r).theta(), i, d, data.x(), n * d);
                    if (Math.signum(z) != Math.signum(zb)) {
                        return String.format("data point %d crosses unit %d's hyperplane at step %d (the unit's cell is not settled)",
                                n, i, records.get(r).step());
                    }
                }
            }
        }
        return null;
    }

    /** The isolated minimum of start's model next to its parameters, or null. */
    private CommitteeClosure minimise(CommitteeClosure start) {
        CommitteeClosure m = minimum(start, false);
        if (m == null) m = minimum(start, true);
        if (m == null) m = minimum(projected(start), true);
        return m;
    }

    private CommitteeClosure minimum(CommitteeClosure start, boolean illConditioned) {
        CommitteeClosureLoss cl = new CommitteeClosureLoss(start, loss.data(), loss.activation());
        double[] p = ClosureMinimiser.isolatedMinimum(cl, start.params(), illConditioned, eigenRelTol);
        return p == null ? null : start.withParams(p);
    }

    /**
     * The start with its coefficients fitted (variable projection): f is linear in every parameter but the w's of
     * its tanh and deriv terms (tanh v; sign v; linear c; deriv a, δ), so with the w's held, the least-squares fit of
     * y on the columns ∂f/∂coefficient gives them.
     */
    private CommitteeClosure projected(CommitteeClosure start) {
        int d = start.dim();
        double[] p = start.params();
        List<Integer> idx = new ArrayList<>();
        for (int t = 0; t < start.terms().length; t++) {
            int o = start.offset(t);
            int from = start.terms()[t] == Term.TANH || start.terms()[t] == Term.DERIV ? d : 0;
            for (int k = from; k < start.size(t); k++) idx.add(o + k);
        }
        CommitteeData data = loss.data();
        int n = data.size();
        int m = idx.size();
        DMatrixRMaj a = new DMatrixRMaj(n, m);
        DMatrixRMaj y = new DMatrixRMaj(n, 1);
        double[] jac = new double[p.length];
        for (int r = 0; r < n; r++) {
            start.evaluate(p, data.x(), r * d, r, loss.activation(), jac, null, 0);
            for (int k = 0; k < m; k++) a.set(r, k, jac[idx.get(k)]);
            y.set(r, 0, data.y()[r]);
        }
        DMatrixRMaj coef = new DMatrixRMaj(m, 1);
        if (!CommonOps_DDRM.solve(a, y, coef) || !Vectors.allFinite(coef.data)) return start;
        double[] q = p.clone();
        for (int k = 0; k < m; k++) q[idx.get(k)] = coef.get(k, 0);
        return start.withParams(q);
    }
}
