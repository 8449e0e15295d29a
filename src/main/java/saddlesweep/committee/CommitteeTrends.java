package saddlesweep.committee;

import java.util.ArrayList;
import java.util.List;

import saddlesweep.flowfate.LastDecade;
import saddlesweep.train.TrainingRecord;

/**
 * What the units of a committee machine are doing over its run's last recorded decade (θ_a at T/10 → θ_b at T), as
 * the scalar model's trends read it ({@code flowfate.DecadeTrends}) with |w| the row's norm |w_i|:
 * <ul>
 *   <li>derivative pairs first: after the flip that makes w_i·w_j ≥ 0, |w_i − w_j| falling and within
 *       {@value #PAIR_SHARE} of their mean |w|, both |v| growing, opposite signs;</li>
 *   <li>then each other unit: saturating (|w| s ≥ {@value #SAT_W} and growing), fading (size |v|·min(1, |w| s)
 *       falling and below {@value #FADING_SHARE} of the network's total: removed), turning linear (|w| falling, |v|
 *       growing, not fading), else an ordinary unit.</li>
 * </ul>
 * A trend is a relative change of at least {@value #TREND} over the decade. Merging pairs and triples, which the
 * scalar model also reads, are left to the degenerate polish and are not read here.
 *
 * @param dim    the input dimension d
 * @param ta     θ at the decade's first record
 * @param tb     θ at the last record
 * @param roles  for each unit: what it turns into (TANH for members of a pair)
 * @param pairs  the derivative pairs, closest first; in each, the second unit's sign flip ({@code flip[k]})
 * @param flip   for each pair, −1 when its second unit is flipped to meet the first, else 1
 */
record CommitteeTrends(int dim, double[] ta, double[] tb, Role[] roles, List<int[]> pairs, double[] flip) {

    /** What a unit turns into. */
    enum Role { TANH, SIGN, LINEAR, REMOVED }

    static final double SAT_W = 4.0;
    static final double TREND = 0.01;
    static final double FADING_SHARE = 0.1;
    static final double PAIR_SHARE = 0.25;

    /** The trends of the last recorded decade of these records (x ~ N(0, s² I_d)). */
    static CommitteeTrends of(List<TrainingRecord> records, int d, double inputStd) {
        double[] ta = records.get(LastDecade.start(records)).theta();
        double[] tb = records.get(records.size() - 1).theta();
        int h = CommitteeNetwork.units(tb, d);
        Role[] roles = new Role[h];
        double[] sizeA = new double[h];
        double[] sizeB = new double[h];
        double total = 0;
        for (int i = 0; i < h; i++) {
            sizeA[i] = Math.abs(ta[h * d + i]) * Math.min(1, norm(ta, i, d) * inputStd);
            sizeB[i] = Math.abs(tb[h * d + i]) * Math.min(1, norm(tb, i, d) * inputStd);
            total += sizeB[i];
        }
        boolean[] used = new boolean[h];
        List<int[]> pairs = new ArrayList<>();
        List<Double> flips = new ArrayList<>();
        while (true) {
            int bi = -1;
            int bj = -1;
            double bs = 1;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < h; i++) {
                for (int j = i + 1; j < h; j++) {
                    if (used[i] || used[j]) continue;
                    double s = dot(tb, i, j, d) < 0 ? -1 : 1;
                    double db = gap(tb, i, j, s, d);
                    double da = gap(ta, i, j, s, d);
                    double mean = 0.5 * (norm(tb, i, d) + norm(tb, j, d));
                    boolean growing = growing(ta, tb, h * d + i) && growing(ta, tb, h * d + j);
                    boolean opposite = tb[h * d + i] * s * tb[h * d + j] < 0;
                    if (db < da * (1 - TREND) && db <= PAIR_SHARE * mean && growing && opposite && db < best) {
                        best = db;
                        bi = i;
                        bj = j;
                        bs = s;
                    }
                }
            }
            if (bi < 0) break;
            used[bi] = used[bj] = true;
            pairs.add(new int[] {bi, bj});
            flips.add(bs);
        }
        for (int i = 0; i < h; i++) {
            if (used[i]) {
                roles[i] = Role.TANH;
                continue;
            }
            double wa = norm(ta, i, d);
            double wb = norm(tb, i, d);
            boolean fading = sizeB[i] < sizeA[i] * (1 - TREND) && sizeB[i] <= FADING_SHARE * total;
            if (wb * inputStd >= SAT_W && wb > wa * (1 + TREND)) roles[i] = Role.SIGN;
            else if (wb < wa * (1 - TREND) && growing(ta, tb, h * d + i) && !fading) roles[i] = Role.LINEAR;
            else if (fading) roles[i] = Role.REMOVED;
            else roles[i] = Role.TANH;
        }
        double[] flip = new double[flips.size()];
        for (int k = 0; k < flip.length; k++) flip[k] = flips.get(k);
        return new CommitteeTrends(d, ta, tb, roles, List.copyOf(pairs), flip);
    }

    /** Whether anything turns into anything: a pair, or a unit that is not ordinary. */
    boolean special() {
        if (!pairs.isEmpty()) return true;
        for (Role r : roles) if (r != Role.TANH) return true;
        return false;
    }

    static double norm(double[] theta, int i, int d) {
        return Math.sqrt(dot(theta, i, i, d));
    }

    static double dot(double[] theta, int i, int j, int d) {
        return dot(theta, i, d, theta, j);
    }

    /** w_i of θ times w_j of θ'. */
    static double dot(double[] theta, int i, int d, double[] other, int j) {
        double s = 0;
        for (int k = 0; k < d; k++) s += theta[i * d + k] * other[j * d + k];
        return s;
    }

    /** |w_i − s w_j|. */
    private static double gap(double[] theta, int i, int j, double s, int d) {
        double q = 0;
        for (int k = 0; k < d; k++) {
            double e = theta[i * d + k] - s * theta[j * d + k];
            q += e * e;
        }
        return Math.sqrt(q);
    }

    private static boolean growing(double[] ta, double[] tb, int k) {
        return Math.abs(tb[k]) > Math.abs(ta[k]) * (1 + TREND);
    }
}
