package saddlesweep.flowfate;

import java.util.ArrayList;
import java.util.List;

import saddlesweep.model.Mlp;

/**
 * Units that already act as one: |w| equal to 1e-6 relative and v of one sign after the flip (w_i ≥ 0). Such a
 * group is one unit of the limit, v_i tanh(w x) + v_j tanh(w x) = (v_i + v_j) tanh(w x).
 */
final class OverlapGroups {

    private OverlapGroups() {
    }

    /** The groups of θ's units, each a list of unit indices, in order of their first unit. */
    static int[][] of(double[] theta) {
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
    static double[] merge(double[] theta, int[][] groups) {
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
}
