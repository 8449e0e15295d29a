package saddlesweep.run;

import java.util.function.UnaryOperator;

import saddlesweep.gdfate.Cycle;
import saddlesweep.gdfate.Multipliers;
import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Symmetry;
import saddlesweep.train.GdMap;

/**
 * The {@code runs} columns of GD's cycle: its points in canonical form (one symmetry, the lexicographically
 * first phase) flattened point after point, and its multipliers with the neutral directions taken at the
 * canonical first point (the canonical orbit is an orbit too: its monodromy is recomputed there), and the largest
 * |v_i| over its points.
 */
record GdColumns(double[] orbit, double amplitude, double multiplier, double[] multipliers, int neutral,
                 double[] neutralDirections, double maxAbsV) {

    static GdColumns of(GdFateOfRun.Outcome gd, SquaredLoss lossN, double eta) {
        return of(gd, new GdMap(lossN, eta), Symmetry::canonicalOrbit, 2);
    }

    /**
     * The columns for any model: its GD map, its canonical form of orbits, and {@code perUnit}, θ's entries per
     * unit (2 for a scalar input, d + 1 for a committee machine; v is θ's last H entries).
     */
    static GdColumns of(GdFateOfRun.Outcome gd, GdMap map, UnaryOperator<double[][]> canonicalOrbit, int perUnit) {
        Cycle c = gd.fate().cycle();
        if (c == null) return new GdColumns(null, Double.NaN, Double.NaN, null, 0, null, Double.NaN);
        double[][] canon = canonicalOrbit.apply(c.points());
        int k = canon.length;
        Multipliers mu = Multipliers.of(map.jacobianOfPower(map.iterates(canon[0], k), k));
        double maxV = 0;
        for (double[] p : canon) for (int i = p.length - p.length / perUnit; i < p.length; i++) maxV = Math.max(maxV, Math.abs(p[i]));
        return new GdColumns(flatten(canon), c.amplitude(), mu.largest(), mu.moduli(), mu.neutralCount(),
                flatten(mu.neutral()), maxV);
    }

    private static double[] flatten(double[][] rows) {
        int n = 0;
        for (double[] r : rows) n += r.length;
        double[] out = new double[n];
        int at = 0;
        for (double[] r : rows) {
            System.arraycopy(r, 0, out, at, r.length);
            at += r.length;
        }
        return out;
    }
}
