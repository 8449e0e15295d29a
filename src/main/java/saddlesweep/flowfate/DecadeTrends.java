package saddlesweep.flowfate;

import java.util.ArrayList;
import java.util.List;

import saddlesweep.model.Mlp;
import saddlesweep.train.TrainingRecord;

/**
 * What the units of a run are doing over its last recorded decade (θ_a at T/10 → θ_b at T), read from the two
 * records at its ends, after units that already act as one are merged ({@link OverlapGroups}):
 * <ul>
 *   <li>derivative pairs first: ||w_i| − |w_j|| falling and within {@value #PAIR_SHARE} of their mean |w|, both
 *       |v| growing, opposite signs after the flip;</li>
 *   <li>then each other unit's {@link UnitRole}: saturating (|w| s_x ≥ {@value #SAT_W} and growing), fading
 *       (size |v|·min(1, |w| s_x) falling and below {@value #FADING_SHARE} of the network's total: removed),
 *       turning linear (|w| falling, |v| growing, not fading — however small its c), else an ordinary unit;</li>
 *   <li>then ordinary units merging in pairs (||w_i| − |w_j|| falling, bounded v);</li>
 *   <li>and triples meeting: all three |v| growing, the spread of their |w| falling and within
 *       {@value #PAIR_SHARE} of their mean |w|.</li>
 * </ul>
 * A trend is a relative change of at least {@value #TREND} over the decade.
 *
 * @param groups   the overlap groups of θ_T's units (indices into θ_T)
 * @param ta       θ at the decade's first record, groups merged
 * @param tb       θ at the last record, groups merged
 * @param full     θ at the last record, as trained
 * @param roles    what each unit of tb turns into (TANH for members of a pair)
 * @param pairs    pairs of units of tb, derivative pairs first, then merging pairs, closest first in each
 * @param deriv    for each pair, whether it is a derivative pair
 * @param triples  triples of units of tb meeting with growing v
 */
record DecadeTrends(int[][] groups, double[] ta, double[] tb, double[] full, UnitRole[] roles, List<int[]> pairs,
                    boolean[] deriv, List<int[]> triples) {

    /** |w|·s_x beyond which a growing unit is taken to saturate (tanh(4) = 1 − 6.7e-4). */
    static final double SAT_W = 4.0;
    /** Relative change over the last decade that counts as a trend. */
    static final double TREND = 0.01;
    /** A unit of size below this share of the network's total size may be fading out. */
    static final double FADING_SHARE = 0.1;
    /** Pairs closer than this fraction of their mean |w| may be merging. */
    static final double PAIR_SHARE = 0.25;

    /** The trends of the last recorded decade of these records; inputStd is s_x. */
    static DecadeTrends of(List<TrainingRecord> records, double inputStd) {
        int b = records.size() - 1;
        int a = LastDecade.start(records);
        int[][] groups = OverlapGroups.of(records.get(b).theta());
        double[] ta = OverlapGroups.merge(records.get(a).theta(), groups);
        double[] tb = OverlapGroups.merge(records.get(b).theta(), groups);
        int h = Mlp.units(tb);
        UnitRole[] roles = new UnitRole[h];
        double[] sizeA = new double[h];
        double[] sizeB = new double[h];
        double total = 0;
        for (int i = 0; i < h; i++) {
            sizeA[i] = Math.abs(ta[h + i]) * Math.min(1, Math.abs(ta[i]) * inputStd);
            sizeB[i] = Math.abs(tb[h + i]) * Math.min(1, Math.abs(tb[i]) * inputStd);
            total += sizeB[i];
        }
        List<int[]> pairs = new ArrayList<>();
        List<Boolean> deriv = new ArrayList<>();
        boolean[] used = new boolean[h];
        pairUp(ta, tb, roles, used, pairs, deriv, true);
        for (int i = 0; i < h; i++) {
            if (used[i]) {
                roles[i] = UnitRole.TANH;
                continue;
            }
            double wa = Math.abs(ta[i]);
            double wb = Math.abs(tb[i]);
            boolean fading = sizeB[i] < sizeA[i] * (1 - TREND) && sizeB[i] <= FADING_SHARE * total;
            if (wb * inputStd >= SAT_W && wb > wa * (1 + TREND)) roles[i] = UnitRole.SIGN;
            else if (turningLinear(ta, tb, i) && !fading) roles[i] = UnitRole.LINEAR;
            else if (fading) roles[i] = UnitRole.REMOVED;
            else roles[i] = UnitRole.TANH;
        }
        pairUp(ta, tb, roles, used, pairs, deriv, false);
        boolean[] d = new boolean[pairs.size()];
        for (int k = 0; k < d.length; k++) d[k] = deriv.get(k);
        return new DecadeTrends(groups, ta, tb, records.get(b).theta(), roles, List.copyOf(pairs), d, triples(ta, tb));
    }

    /** Number of units after the overlap groups are merged. */
    int units() {
        return roles.length;
    }

    /** Whether unit i's |w| falls while its |v| grows (a unit turning linear, whatever its role). */
    boolean turningLinear(int i) {
        return turningLinear(ta, tb, i);
    }

    private static boolean turningLinear(double[] ta, double[] tb, int i) {
        int h = Mlp.units(tb);
        return Math.abs(tb[i]) < Math.abs(ta[i]) * (1 - TREND) && Math.abs(tb[h + i]) > Math.abs(ta[h + i]) * (1 + TREND);
    }

    /**
     * Pairs of unused units whose ||w_i| − |w_j|| falls over the decade and is within PAIR_SHARE of their mean |w|,
     * closest first; with onlyDerivative, only pairs whose |v| both grow with opposite signs (roles not yet read),
     * else only pairs of ordinary units.
     */
    private static void pairUp(double[] ta, double[] tb, UnitRole[] roles, boolean[] used, List<int[]> pairs,
                               List<Boolean> deriv, boolean onlyDerivative) {
        int h = roles.length;
        while (true) {
            int bi = -1;
            int bj = -1;
            boolean bd = false;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < h; i++) {
                for (int j = i + 1; j < h; j++) {
                    if (used[i] || used[j] || (!onlyDerivative && (roles[i] != UnitRole.TANH || roles[j] != UnitRole.TANH))) continue;
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

    /** Triples of units whose |v| all grow and whose spread of |w| falls to within PAIR_SHARE of their mean |w|. */
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

    /** max |w| − min |w| over the units. */
    private static double spread(double[] theta, int[] units) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int m : units) {
            lo = Math.min(lo, Math.abs(theta[m]));
            hi = Math.max(hi, Math.abs(theta[m]));
        }
        return hi - lo;
    }
}
