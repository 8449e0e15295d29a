package saddlesweep.committee;

import java.util.Arrays;
import java.util.Comparator;

import saddlesweep.gdfate.OrbitSymmetry;

/**
 * The symmetry group of the committee machine — permutations of units and sign flips (w_i, v_i) → (−w_i, −v_i) —
 * and its Fukumizu–Amari singular sets. The canonical representative flips every unit so that p_i = u · w_i ≥ 0
 * (v_i ≥ 0 when p_i = 0), u = (1, π⁻¹, π⁻², …), then sorts the units by p_i, ties by (w_i, v_i) lexicographically.
 * (u has no integer relation among its entries, so p_i = 0 only on a hyperplane no integer-valued row lies in: a
 * rule by the first nonzero entry would let rounding noise of 1e-17 in that entry decide the flip.) At d = 1 this
 * is {@link saddlesweep.model.Symmetry#canonical}, and the singular sets are {@link saddlesweep.model.Singularity}'s.
 */
public final class CommitteeSymmetry {

    private CommitteeSymmetry() {
    }

    /** The canonical form of θ = (W row by row, v). */
    public static double[] canonical(double[] theta, int dim) {
        return apply(theta, dim, canonicalTransform(theta, dim));
    }

    /**
     * The canonical form of an orbit p_0..p_{k−1} of the GD map (a cycle): one symmetry applied to every point (the
     * one that makes the first point canonical), in the phase whose sequence of points is lexicographically
     * smallest, as {@link saddlesweep.model.Symmetry#canonicalOrbit} for a scalar input.
     */
    public static double[][] canonicalOrbit(double[][] points, int dim) {
        int k = points.length;
        double[][] best = null;
        for (int s = 0; s < k; s++) {
            Transform t = canonicalTransform(points[s], dim);
            double[][] seq = new double[k][];
            for (int j = 0; j < k; j++) seq[j] = apply(points[(s + j) % k], dim, t);
            if (best == null || compare(seq, best) < 0) best = seq;
        }
        return best;
    }

    /** The committee machine's canonical forms in d dimensions, for comparing GD's iterates with a reported orbit. */
    public static OrbitSymmetry orbitSymmetry(int dim) {
        return new OrbitSymmetry() {
            @Override
            public double[] canonical(double[] theta) {
                return CommitteeSymmetry.canonical(theta, dim);
            }

            @Override
            public double[][] canonicalOrbit(double[][] points) {
                return CommitteeSymmetry.canonicalOrbit(points, dim);
            }
        };
    }

    /** A symmetry: unit i of the image is unit perm[i], flipped (w, v) → (−w, −v) when flip[perm[i]]. */
    private record Transform(int[] perm, boolean[] flip) {
    }

    /** The symmetry that makes θ canonical: flips by the sign of p_i = u·w_i, order by (p_i, w_i, v_i) flipped. */
    private static Transform canonicalTransform(double[] theta, int dim) {
        int h = CommitteeNetwork.units(theta, dim);
        double[][] units = new double[h][dim + 2];     // p_i, then w_i, then v_i, all flipped
        boolean[] flip = new boolean[h];
        Integer[] order = new Integer[h];
        for (int i = 0; i < h; i++) {
            double p = 0;
            double scale = 1;
            for (int k = 0; k < dim; k++) {
                p += scale * theta[i * dim + k];
                scale /= Math.PI;
            }
            double v = theta[h * dim + i];
            flip[i] = p < 0 || (p == 0 && v < 0);
            units[i][0] = flip[i] ? 0.0 - p : p + 0.0;
            for (int k = 0; k < dim; k++) units[i][1 + k] = flip[i] ? 0.0 - theta[i * dim + k] : theta[i * dim + k] + 0.0;
            units[i][dim + 1] = flip[i] ? 0.0 - v : v + 0.0;
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> LEXICOGRAPHIC.compare(units[a], units[b]));
        int[] perm = new int[h];
        for (int i = 0; i < h; i++) perm[i] = order[i];
        return new Transform(perm, flip);
    }

    /** θ's image under t; 0.0 − x keeps −0.0 out of it. */
    private static double[] apply(double[] theta, int dim, Transform t) {
        int h = t.perm().length;
        double[] c = new double[theta.length];
        for (int i = 0; i < h; i++) {
            int u = t.perm()[i];
            boolean f = t.flip()[u];
            for (int k = 0; k < dim; k++) c[i * dim + k] = f ? 0.0 - theta[u * dim + k] : theta[u * dim + k] + 0.0;
            c[h * dim + i] = f ? 0.0 - theta[h * dim + u] : theta[h * dim + u] + 0.0;
        }
        return c;
    }

    private static int compare(double[][] a, double[][] b) {
        for (int j = 0; j < a.length; j++) {
            int c = LEXICOGRAPHIC.compare(a[j], b[j]);
            if (c != 0) return c;
        }
        return 0;
    }

    private static final Comparator<double[]> LEXICOGRAPHIC = (a, b) -> {
        for (int k = 0; k < a.length; k++) {
            int c = Double.compare(a[k], b[k]);
            if (c != 0) return c;
        }
        return 0;
    };

    /** The distance of a and b modulo the symmetries: between their canonical forms. */
    public static double distance(double[] a, double[] b, int dim) {
        double[] ca = canonical(a, dim);
        double[] cb = canonical(b, dim);
        double s = 0;
        for (int i = 0; i < ca.length; i++) s += (ca[i] - cb[i]) * (ca[i] - cb[i]);
        return Math.sqrt(s);
    }

    /**
     * The singular set θ lies on within tol: {@code elimination} (a unit does nothing: v_i = 0 or w_i = 0), else
     * {@code overlap} (two units act as one: w_i = ±w_j, min ‖w_i ∓ w_j‖ ≤ tol), else {@code none}.
     */
    public static String singularity(double[] theta, int dim, double tol) {
        int h = CommitteeNetwork.units(theta, dim);
        for (int i = 0; i < h; i++) {
            if (rowNorm(theta, i, -1, 0, dim) <= tol || Math.abs(theta[h * dim + i]) <= tol) return "elimination";
        }
        for (int i = 0; i < h; i++) {
            for (int j = i + 1; j < h; j++) {
                if (overlapGap(theta, i, j, dim) <= tol) return "overlap";
            }
        }
        return "none";
    }

    /** min(‖w_i − w_j‖, ‖w_i + w_j‖): 0 on the overlap set of units i and j. */
    public static double overlapGap(double[] theta, int i, int j, int dim) {
        return Math.min(rowNorm(theta, i, j, -1, dim), rowNorm(theta, i, j, 1, dim));
    }

    /** ‖w_i + sign·w_j‖ (j < 0: ‖w_i‖). */
    private static double rowNorm(double[] theta, int i, int j, int sign, int dim) {
        double s = 0;
        for (int k = 0; k < dim; k++) {
            double x = theta[i * dim + k] + (j < 0 ? 0 : sign * theta[j * dim + k]);
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
