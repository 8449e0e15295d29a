package saddlesweep.flowfate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import saddlesweep.model.ClosureForm;
import saddlesweep.model.ClosureNetwork;
import saddlesweep.model.Mlp;
import saddlesweep.train.TrainingRecord;

/**
 * The candidate limit models a run's {@link DecadeTrends} propose, each a {@link ClosureNetwork} started from
 * the last record:
 * <ol>
 *   <li>the roles and pairs as read: ordinary units stay tanh, saturating units become one sign term
 *       Σ v_i sign(w_i) sign(x), linear units one linear term (Σ v_i w_i) x, fading units are removed, merging pairs
 *       one tanh unit, derivative pairs one deriv term;</li>
 *   <li>the same with each pair's reading flipped (merging ↔ derivative);</li>
 *   <li>with two or more units turning linear (pair members included: a derivative pair whose w → 0 is itself a
 *       linear + cubic term), all of them as one c x + d x³ (linear, cubic);</li>
 *   <li>with two or more linear units, each of them in turn kept as an ordinary tanh unit (it may stop at a small
 *       finite w with a large v while the others go on);</li>
 *   <li>each triple meeting as one deriv2 term, the other units as their roles say.</li>
 * </ol>
 * None when nothing is turning into anything (the full network itself, which the polishes answer).
 */
final class LimitCandidates {

    private LimitCandidates() {
    }

    /** The candidates of the last recorded decade of these records; inputStd is s_x. */
    static List<LimitCandidate> of(List<TrainingRecord> records, double inputStd) {
        return of(DecadeTrends.of(records, inputStd));
    }

    static List<LimitCandidate> of(DecadeTrends t) {
        List<LimitCandidate> out = new ArrayList<>();
        UnitRole[] roles = t.roles();
        List<int[]> pairs = t.pairs();
        boolean[] d = t.deriv();
        out.add(candidate(t, roles, pairs, d, false));
        for (int k = 0; k < d.length; k++) {
            boolean[] alt = d.clone();
            alt[k] = !alt[k];
            out.add(candidate(t, roles, pairs, alt, false));
        }
        UnitRole[] poly = roles.clone();
        int linear = 0;
        for (int i = 0; i < t.units(); i++) {
            if (t.turningLinear(i) || roles[i] == UnitRole.LINEAR) poly[i] = UnitRole.LINEAR;
            if (poly[i] == UnitRole.LINEAR) linear++;
        }
        if (linear >= 2) {
            List<int[]> rest = new ArrayList<>();
            List<Boolean> restDeriv = new ArrayList<>();
            for (int k = 0; k < pairs.size(); k++) {
                int[] pr = pairs.get(k);
                if (poly[pr[0]] == UnitRole.LINEAR || poly[pr[1]] == UnitRole.LINEAR) {
                    poly[pr[0]] = poly[pr[1]] = UnitRole.LINEAR;       // a pair goes whole, or not at all
                    continue;
                }
                rest.add(pr);
                restDeriv.add(d[k]);
            }
            boolean[] rd = new boolean[rest.size()];
            for (int k = 0; k < rd.length; k++) rd[k] = restDeriv.get(k);
            out.add(candidate(t, poly, rest, rd, true));
        }
        // of several units turning linear, one may stop at a finite w (a tanh unit of small w and large v)
        if (count(roles, UnitRole.LINEAR) >= 2) {
            for (int i = 0; i < roles.length; i++) {
                if (roles[i] != UnitRole.LINEAR) continue;
                UnitRole[] alt = roles.clone();
                alt[i] = UnitRole.TANH;
                out.add(candidate(t, alt, pairs, d, false));
            }
        }
        for (int[] triple : t.triples()) out.add(triple(t, triple));
        boolean special = !pairs.isEmpty() || !t.triples().isEmpty() || t.groups().length < Mlp.units(t.full());
        for (UnitRole r : roles) special |= r != UnitRole.TANH;
        if (!special) out.clear();
        return out;
    }

    /** The candidate of these roles and pairs; with cubic, the linear units' limit is c x + d x³ (CUBIC). */
    private static LimitCandidate candidate(DecadeTrends t, UnitRole[] roles, List<int[]> pairs, boolean[] deriv,
                                            boolean cubic) {
        double[] tb = t.tb();
        int h = roles.length;
        boolean merged = t.groups().length < Mlp.units(t.full());
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
        ClosureNetwork shape = network(forms, params);
        AttractorKind kind = !mech.isEmpty() ? AttractorKind.AT_INFINITY
                : reduced || merged ? AttractorKind.DEGENERATE : AttractorKind.FINITE;
        List<String> ordered = new ArrayList<>();           // one order whatever the units' order
        for (String m : new String[] {"saturating", "linear", "derivative_pair"}) if (mech.contains(m)) ordered.add(m);
        return new LimitCandidate(shape, kind, mech.isEmpty() ? null : String.join(",", ordered), roles,
                pairs.toArray(new int[0][]), t);
    }

    /**
     * The candidate of three units meeting: Σ v_i tanh(w_i x) ≈ u T + c T' + e T'' around the mean w (flipped so
     * w_i ≥ 0), u = Σ v_i, c = Σ v_i δ_i, e = Σ v_i δ_i²/2, δ_i = w_i − w; each other unit as its role says.
     */
    private static LimitCandidate triple(DecadeTrends t, int[] triple) {
        double[] tb = t.tb();
        UnitRole[] roles = t.roles();
        int h = Mlp.units(tb);
        double w = 0;
        for (int m : triple) w += Math.abs(tb[m]) / triple.length;
        double u = 0;
        double c = 0;
        double e = 0;
        for (int m : triple) {
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
            if (i == triple[0] || i == triple[1] || i == triple[2]) continue;
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
        return new LimitCandidate(network(forms, params), AttractorKind.AT_INFINITY, String.join(",", mech), roles,
                new int[0][], t);
    }

    private static int count(UnitRole[] roles, UnitRole role) {
        int n = 0;
        for (UnitRole r : roles) if (r == role) n++;
        return n;
    }

    private static ClosureNetwork network(List<ClosureForm> forms, List<Double> params) {
        double[] p = new double[params.size()];
        for (int k = 0; k < p.length; k++) p[k] = params.get(k);
        return new ClosureNetwork(forms.toArray(new ClosureForm[0]), p);
    }
}
