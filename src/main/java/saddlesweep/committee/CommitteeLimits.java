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
 *       it), and a sign term's cell held: every data point keeps its side of the unit's hyperplane over the whole
 *       last decade, so L_N of the limit is the same for every direction the unit may still take.</li>
 * </ol>
 * Of the certified limits the one with the largest L_N is taken (the run falls onto it from above).
 */
final class CommitteeLimits {

    /** The fate (kind at_infinity, or unresolved with the reasons) and its limit function (null if none). */
    record Outcome(Fate fate, CommitteeClosure limit) {
    }

    /** A candidate: its closure (a start), mechanisms, and the units whose cell must hold (sign terms). */
    private record Candidate(CommitteeClosure shape, String mechanisms, int[] signUnits) {
    }

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
        StringJoiner rejected = new StringJoiner("; ");
        for (Candidate cand : candidates(t, g)) {
            CommitteeClosure limit = minimise(cand.shape());
            if (limit == null) {
                rejected.add(cand.shape().label() + ": no isolated minimum of the model nearby");
                continue;
            }
            String cell = cellHeld(records, cand.signUnits(), d);
            if (cell != null) {
                rejected.add(limit.label() + ": " + cell);
                continue;
            }
            double lInf = new CommitteeClosureLoss(limit, loss.data(), g).value(limit.params());
            double eInf = 0.5 * new ClosureMoments(inputStd, g).addClosure(limit, 1).addNetwork(teacher, d, -1).meanSquare();
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
            }
        }
        if (best != null) return new Outcome(best, bestLimit);
        return new Outcome(Fate.unresolved(last.theta(), "no certified limit at step " + last.step()
                + (rejected.length() == 0 ? "" : " (" + rejected + ")")), null);
    }

    /** The readings of the trends: as read, each pair read the other way, each linear unit kept ordinary. */
    private static List<Candidate> candidates(CommitteeTrends t, Activation g) {
        List<Candidate> out = new ArrayList<>();
        boolean[] deriv = new boolean[t.pairs().size()];
        java.util.Arrays.fill(deriv, true);
        Role[] roles = t.roles();
        add(out, candidate(t, roles, deriv, g));
        for (int k = 0; k < deriv.length; k++) {
            boolean[] alt = deriv.clone();
            alt[k] = false;
            add(out, candidate(t, roles, alt, g));
        }
        for (int i = 0; i < roles.length; i++) {
            if (roles[i] != Role.LINEAR) continue;
            Role[] alt = roles.clone();
            alt[i] = Role.TANH;
            add(out, candidate(t, alt, deriv, g));
        }
        return out;
    }

    private static void add(List<Candidate> out, Candidate c) {
        if (c.mechanisms() != null) out.add(c);            // a limit at infinity has a term that is not tanh
    }

    private static Candidate candidate(CommitteeTrends t, Role[] roles, boolean[] deriv, Activation g) {
        int d = t.dim();
        double[] tb = t.tb();
        int h = roles.length;
        List<Term> terms = new ArrayList<>();
        List<double[]> dirs = new ArrayList<>();
        List<Double> p = new ArrayList<>();
        Set<String> mech = new LinkedHashSet<>();
        List<Integer> signUnits = new ArrayList<>();
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
                }
                case SIGN -> {
                    double n = CommitteeTrends.norm(tb, i, d);
                    double[] u = new double[d];
                    for (int m = 0; m < d; m++) u[m] = tb[i * d + m] / n;
                    p.add(v);                                      // v g(w·x) → v sign(u·x)
                    terms.add(Term.SIGN);
                    dirs.add(u);
                    signUnits.add(i);
                    mech.add("saturating");
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
        }
        double[] params = new double[p.size()];
        for (int k = 0; k < params.length; k++) params[k] = p.get(k);
        CommitteeClosure shape = new CommitteeClosure(d, terms.toArray(new Term[0]), dirs.toArray(new double[0][]), params);
        return new Candidate(shape, mech.isEmpty() ? null : String.join(",", mech),
                signUnits.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Null when every data point keeps, over the last decade's records, the side of each saturating unit's hyperplane
     * w_i·x = 0 that it has at the last record; else which point crossed.
     */
    private String cellHeld(List<TrainingRecord> records, int[] units, int d) {
        if (units.length == 0) return null;
        CommitteeData data = loss.data();
        double[] tb = records.get(records.size() - 1).theta();
        for (int r = LastDecade.start(records); r < records.size(); r++) {
            double[] th = records.get(r).theta();
            for (int i : units) {
                for (int n = 0; n < data.size(); n++) {
                    double a = CommitteeNetwork.preactivation(th, i, d, data.x(), n * d);
                    double b = CommitteeNetwork.preactivation(tb, i, d, data.x(), n * d);
                    if (Math.signum(a) != Math.signum(b)) {
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
            for (int k = from; k < start.terms()[t].size(d); k++) idx.add(o + k);
        }
        CommitteeData data = loss.data();
        int n = data.size();
        int m = idx.size();
        DMatrixRMaj a = new DMatrixRMaj(n, m);
        DMatrixRMaj y = new DMatrixRMaj(n, 1);
        double[] jac = new double[p.length];
        for (int r = 0; r < n; r++) {
            start.evaluate(p, data.x(), r * d, loss.activation(), jac, null, 0);
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
