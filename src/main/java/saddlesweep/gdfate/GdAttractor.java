package saddlesweep.gdfate;

import java.util.ArrayList;
import java.util.List;

import saddlesweep.analysis.FunctionDistance;
import saddlesweep.model.ClosureNetwork;
import saddlesweep.model.PopulationExcess;

/**
 * GD's attractor in function space: the functions of its points, in orbit order (one for a fixed point or for the
 * flow's limit when GD shares the flow's fate, k for a k-cycle). Two attractors are one when they have as many
 * points and, in some phase, every point's function is within the tolerance of the other's (population L²
 * distance, {@link FunctionDistance}): invariant under the network's symmetries, and under the choice of the
 * cycle's first point.
 */
public record GdAttractor(List<ClosureNetwork> points) {

    /** The attractor of a run's GD columns, or null when its GD fate has none (aperiodic, diverged, unresolved, uncertified). */
    public static GdAttractor of(String gdFate, boolean certified, int period, double[] orbit, int hidden,
                                 ClosureNetwork flowLimit) {
        GdFateKind kind = GdFateKind.ofLabel(gdFate);
        if (!certified || kind == null) return null;
        if (kind == GdFateKind.FLOW) return flowLimit == null ? null : new GdAttractor(List.of(flowLimit));
        boolean cycle = kind == GdFateKind.FIXED_POINT || kind == GdFateKind.PERIODIC;
        if (!cycle || orbit == null || period < 1 || orbit.length != period * 2 * hidden) return null;
        List<ClosureNetwork> pts = new ArrayList<>();
        for (int j = 0; j < period; j++) {
            double[] p = new double[2 * hidden];
            System.arraycopy(orbit, j * 2 * hidden, p, 0, 2 * hidden);
            pts.add(ClosureNetwork.ofMlp(p));
        }
        return new GdAttractor(pts);
    }

    /** Whether the two attractors are one within {@code tol}. */
    public boolean same(GdAttractor other, PopulationExcess pop, double tol) {
        int k = points.size();
        if (other.points.size() != k) return false;
        for (int s = 0; s < k; s++) {
            boolean all = true;
            for (int j = 0; j < k && all; j++) all = FunctionDistance.between(pop, points.get(j), other.points.get((j + s) % k)) <= tol;
            if (all) return true;
        }
        return false;
    }
}
