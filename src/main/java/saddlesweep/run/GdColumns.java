package saddlesweep.run;

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
        Cycle c = gd.fate().cycle();
        if (c == null) return new GdColumns(null, Double.NaN, Double.NaN, null, 0, null, Double.NaN);
        double[][] canon = Symmetry.canonicalOrbit(c.points());
        GdMap map = new GdMap(lossN, eta);
        int k = canon.length;
        Multipliers mu = Multipliers.of(map.jacobianOfPower(map.iterates(canon[0], k), k));
        double maxV = 0;
        for (double[] p : canon) for (int i = p.length / 2; i < p.length; i++) maxV = Math.max(maxV, Math.abs(p[i]));
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
