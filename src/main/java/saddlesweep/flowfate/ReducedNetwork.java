package saddlesweep.flowfate;

import java.util.ArrayList;
import java.util.List;

import saddlesweep.model.ClosureNetwork;
import saddlesweep.model.Mlp;

/**
 * The reduced network of a point on the singular sets, the model of a degenerate limit: units with v_i = 0 or
 * w_i = 0 (within singular_tol) removed, units with |w_i| = |w_j| merged into one unit (|w_i|, v_i' + v_j'), v'
 * with the unit's sign flip (v tanh(w x) = (−v) tanh(−w x)).
 */
final class ReducedNetwork {

    private ReducedNetwork() {
    }

    /** θ of the reduced network (first merged unit's |w|, sum of v'), or null when nothing reduces. */
    static double[] of(double[] theta, double singularTol) {
        int h = Mlp.units(theta);
        List<double[]> units = new ArrayList<>();
        for (int i = 0; i < h; i++) {
            if (Math.abs(theta[i]) <= singularTol || Math.abs(theta[h + i]) <= singularTol) continue;
            double w = Math.abs(theta[i]);
            double v = Math.signum(theta[i]) * theta[h + i];
            double[] same = null;
            for (double[] u : units) if (Math.abs(u[0] - w) <= singularTol) same = u;
            if (same != null) same[1] += v;
            else units.add(new double[] {w, v});
        }
        if (units.size() == h) return null;
        double[] th = new double[2 * units.size()];
        for (int i = 0; i < units.size(); i++) {
            th[i] = units.get(i)[0];
            th[units.size() + i] = units.get(i)[1];
        }
        return th;
    }

    /**
     * The limit of a degenerate point: the strict minimum of its reduced network next to the reduced point; the
     * full network at θ when nothing reduces, everything is removed, or the reduced one has no isolated minimum.
     */
    static ClosureNetwork limit(double[] theta, double singularTol, ClosureMinimiser minimiser) {
        double[] th = of(theta, singularTol);
        ClosureNetwork limit = th == null || th.length == 0 ? null : minimiser.minimise(ClosureNetwork.ofMlp(th));
        return limit != null ? limit : ClosureNetwork.ofMlp(theta);
    }
}
