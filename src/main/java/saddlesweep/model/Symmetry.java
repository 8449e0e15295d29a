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

    /**
     * The canonical form of an orbit p_0..p_{k−1} of the GD map (a cycle): one symmetry applied to every point (the
     * one that makes the first point canonical), in the phase (which point comes first) whose sequence of points
     * is lexicographically smallest. Two orbits equal modulo symmetry and phase have the same canonical form.
     */
    public static double[][] canonicalOrbit(double[][] points) {
        int k = points.length;
        double[][] best = null;
        for (int s = 0; s < k; s++) {
            int[] perm = canonicalPermutation(points[s]);
            double[][] seq = new double[k][];
            for (int j = 0; j < k; j++) seq[j] = applyCanonical(points[(s + j) % k], points[s], perm);
            if (best == null || compare(seq, best) < 0) best = seq;
        }
        return best;
    }

    /** Units of θ in canonical order: by (|w_i|, v_i flipped with w_i), as in {@link #canonical}. */
    private static int[] canonicalPermutation(double[] theta) {
        int h = Mlp.units(theta);
        Integer[] order = new Integer[h];
        double[][] units = new double[h][];
        for (int i = 0; i < h; i++) {
            order[i] = i;
            units[i] = flipped(theta[i], theta[h + i]);
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> units[i][0]).thenComparingDouble(i -> units[i][1]));
        int[] perm = new int[h];
        for (int i = 0; i < h; i++) perm[i] = order[i];
        return perm;
    }

    /** The unit (w, v) flipped to w ≥ 0 (and v ≥ 0 when w = 0), without −0.0. */
    private static double[] flipped(double w, double v) {
        boolean flip = w < 0 || (w == 0 && v < 0);
        return new double[] {flip ? 0.0 - w : w + 0.0, flip ? 0.0 - v : v + 0.0};
    }

    /** θ transformed by the symmetry that makes {@code reference} canonical (its permutation and its units' flips). */
    private static double[] applyCanonical(double[] theta, double[] reference, int[] perm) {
        int h = Mlp.units(theta);
        double[] r = new double[2 * h];
        for (int i = 0; i < h; i++) {
            int u = perm[i];
            boolean flip = reference[u] < 0 || (reference[u] == 0 && reference[h + u] < 0);
            r[i] = flip ? 0.0 - theta[u] : theta[u] + 0.0;
            r[h + i] = flip ? 0.0 - theta[h + u] : theta[h + u] + 0.0;
        }
        return r;
    }

    private static int compare(double[][] a, double[][] b) {
        for (int j = 0; j < a.length; j++) {
            for (int i = 0; i < a[j].length; i++) {
                int c = Double.compare(a[j][i], b[j][i]);
                if (c != 0) return c;
            }
        }
        return 0;
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
