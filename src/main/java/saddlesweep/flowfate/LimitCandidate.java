package saddlesweep.flowfate;

import saddlesweep.model.ClosureNetwork;
import saddlesweep.model.Mlp;

/**
 * A candidate limit model of a run and how to embed its limit back into the full network.
 *
 * @param shape       the closure network, its parameters a starting point read off the last record
 * @param kind        what the run's fate is if this limit is certified: at_infinity (a closure form other than
 *                    tanh), degenerate (units merged or removed) or finite
 * @param mechanisms  for at_infinity, the mechanisms joined by commas; else null
 * @param roles       the role of each (merged) unit in this candidate
 * @param pairs       the pairs of (merged) units that are one term of the limit, in the order of their terms
 * @param trends      the trends the candidate was read from
 */
record LimitCandidate(ClosureNetwork shape, AttractorKind kind, String mechanisms, UnitRole[] roles, int[][] pairs,
                      DecadeTrends trends) {

    /**
     * The full-network point of a degenerate limit: merged units (pairs and overlap groups) split in the
     * run's proportion of v, removed units with v = 0.
     */
    double[] embed(ClosureNetwork limit) {
        double[] reduced = embedReduced(limit);
        int[][] groups = trends.groups();
        double[] full = trends.full();
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

    /** The point in the merged units' network: pairs share their term's w and split its v as the run does. */
    private double[] embedReduced(ClosureNetwork limit) {
        double[] thetaT = trends.tb();
        int h = roles.length;
        double[] th = new double[2 * h];
        double[] p = limit.params();
        int k = 0;
        boolean[] inPair = new boolean[h];
        for (int[] pr : pairs) {                    // pairs come first in the limit's parameters
            int i = pr[0];
            int j = pr[1];
            double vi = canonV(thetaT, i);
            double vj = canonV(thetaT, j);
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
            if (roles[i] == UnitRole.REMOVED) {
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

    /** v of unit i after the flip to w ≥ 0. */
    private static double canonV(double[] theta, int i) {
        int h = Mlp.units(theta);
        return theta[i] < 0 ? -theta[h + i] : theta[h + i];
    }
}
