package saddlesweep.model;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The symmetry group of the network: permutations of units and sign flips {@code (w_i, v_i) → (−w_i, −v_i)}.
 * The canonical representative flips every unit to {@code w_i ≥ 0} (and {@code v_i ≥ 0} when {@code w_i = 0}),
 * then sorts units by {@code (w_i, v_i)}. Distances between points are distances between canonical forms.
 */
public final class Symmetry {

    private Symmetry() {
    }

    /** Canonical form of θ = (w_1..w_H, v_1..v_H). */
    public static double[] canonical(double[] theta) {
        int h = Mlp.units(theta);
        double[][] units = new double[h][2];
        for (int i = 0; i < h; i++) {
            double w = theta[i];
            double v = theta[h + i];
            boolean flip = w < 0 || (w == 0 && v < 0);
            // 0.0 - x keeps −0.0 out of the canonical form
            units[i][0] = flip ? 0.0 - w : w + 0.0;
            units[i][1] = flip ? 0.0 - v : v + 0.0;
        }
        Arrays.sort(units, Comparator.<double[]>comparingDouble(u -> u[0]).thenComparingDouble(u -> u[1]));
        double[] c = new double[2 * h];
        for (int i = 0; i < h; i++) {
            c[i] = units[i][0];
            c[h + i] = units[i][1];
        }
        return c;
    }

    /** Euclidean distance between the canonical forms of two points of the same width. */
    public static double distance(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("widths differ: " + a.length + " vs " + b.length);
        double[] ca = canonical(a);
        double[] cb = canonical(b);
        double s = 0;
        for (int i = 0; i < ca.length; i++) {
            double d = ca[i] - cb[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** Applies a unit permutation and sign flips: unit i of the result is unit perm[i] of θ times sign[i]. */
    public static double[] transform(double[] theta, int[] perm, int[] sign) {
        int h = Mlp.units(theta);
        double[] r = new double[2 * h];
        for (int i = 0; i < h; i++) {
            r[i] = sign[i] * theta[perm[i]];
            r[h + i] = sign[i] * theta[h + perm[i]];
        }
        return r;
    }
}
