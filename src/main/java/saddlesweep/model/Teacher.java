package saddlesweep.model;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The teacher network {@code f*(x) = Σ_j v*_j · tanh(w*_j · x)}: the function the data come from.
 *
 * @param name  what the {@code teacher} column of the tables calls it ({@link #DEFAULT_NAME} unless a job names it);
 *              a label only: it does not enter the data, the results or the task id
 */
public record Teacher(String name, double[] w, double[] v) implements Serializable {

    /** The name of a teacher that a job does not name. */
    public static final String DEFAULT_NAME = "teacher";

    /** A teacher with the {@link #DEFAULT_NAME}. */
    public Teacher(double[] w, double[] v) {
        this(DEFAULT_NAME, w, v);
    }

    public Teacher {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("teacher needs a name");
        if (w.length != v.length) {
            throw new IllegalArgumentException("teacher w has " + w.length + " entries but v has " + v.length);
        }
        if (w.length == 0) {
            throw new IllegalArgumentException("teacher needs at least one unit");
        }
        w = w.clone();
        v = v.clone();
    }

    /** Number of teacher units H*. */
    public int units() {
        return w.length;
    }

    /** Teacher parameters packed as θ* = (w*_1..w*_H*, v*_1..v*_H*). */
    public double[] theta() {
        double[] t = new double[2 * w.length];
        System.arraycopy(w, 0, t, 0, w.length);
        System.arraycopy(v, 0, t, w.length, v.length);
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Teacher t && name.equals(t.name) && Arrays.equals(w, t.w) && Arrays.equals(v, t.v);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(w)) + Arrays.hashCode(v);
    }

    @Override
    public String toString() {
        return "Teacher(" + name + ": w=" + Arrays.toString(w) + ", v=" + Arrays.toString(v) + ")";
    }
}
