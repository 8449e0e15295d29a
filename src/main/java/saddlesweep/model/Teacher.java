package saddlesweep.model;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The teacher network {@code f*(x) = Σ_j v*_j · tanh(w*_j · x)}: the function the data come from; with d &gt; 1
 * inputs, the committee machine {@code Σ_j v*_j tanh(w*_j · x)}, its rows w*_j of d entries each.
 *
 * @param name  what the {@code teacher} column of the tables calls it ({@link #DEFAULT_NAME} unless a job names it);
 *              a label only: it does not enter the data, the results or the task id
 * @param w     the input weights, row after row (H* · d entries)
 * @param dim   the input dimension d
 */
public record Teacher(String name, double[] w, double[] v, int dim) implements Serializable {

    /** The name of a teacher that a job does not name. */
    public static final String DEFAULT_NAME = "teacher";

    /** A teacher with the {@link #DEFAULT_NAME}, of a scalar input. */
    public Teacher(double[] w, double[] v) {
        this(DEFAULT_NAME, w, v);
    }

    /** A teacher of a scalar input. */
    public Teacher(String name, double[] w, double[] v) {
        this(name, w, v, 1);
    }

    public Teacher {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("teacher needs a name");
        if (dim < 1) throw new IllegalArgumentException("teacher input dimension must be >= 1, got " + dim);
        if (w.length != v.length * dim) {
            throw new IllegalArgumentException(dim == 1 ? "teacher w has " + w.length + " entries but v has " + v.length
                    : "teacher w has " + w.length + " entries, not " + v.length + " rows of " + dim);
        }
        if (w.length == 0) {
            throw new IllegalArgumentException("teacher needs at least one unit");
        }
        w = w.clone();
        v = v.clone();
    }

    /**
     * The same function of the first {@code d0 = dim} coordinates of an input in R^d (d ≥ d0): every row zero-padded
     * to d entries; the teacher itself when d = dim.
     */
    public Teacher embedded(int d) {
        if (d == dim) return this;
        if (d < dim) throw new IllegalArgumentException("teacher " + name + " has rows of " + dim + " entries; it cannot be"
                + " embedded in input_dim " + d);
        double[] padded = new double[v.length * d];
        for (int j = 0; j < v.length; j++) System.arraycopy(w, j * dim, padded, j * d, dim);
        return new Teacher(name, padded, v, d);
    }

    /** Number of teacher units H*. */
    public int units() {
        return v.length;
    }

    /** Teacher parameters packed as θ* = (w*_1..w*_H*, v*_1..v*_H*) (rows w*_j of d entries each). */
    public double[] theta() {
        double[] t = new double[w.length + v.length];
        System.arraycopy(w, 0, t, 0, w.length);
        System.arraycopy(v, 0, t, w.length, v.length);
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Teacher t && name.equals(t.name) && dim == t.dim && Arrays.equals(w, t.w) && Arrays.equals(v, t.v);
    }

    @Override
    public int hashCode() {
        int h = 31 * (31 * name.hashCode() + Arrays.hashCode(w)) + Arrays.hashCode(v);
        return dim == 1 ? h : 31 * h + dim;
    }

    @Override
    public String toString() {
        return "Teacher(" + name + ": w=" + Arrays.toString(w) + ", v=" + Arrays.toString(v) + (dim > 1 ? ", d=" + dim : "") + ")";
    }
}
