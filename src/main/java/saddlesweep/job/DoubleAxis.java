package saddlesweep.job;

import java.io.Serializable;
import java.util.Arrays;
import java.util.StringJoiner;

/** One real-valued grid axis ({@code sigma2}): an explicit list of distinct finite values, in the order given. */
public final class DoubleAxis implements Serializable {

    private static final long serialVersionUID = 1L;

    private final double[] values;

    private DoubleAxis(double[] values) {
        this.values = values;
    }

    /** An axis of explicit values (at least one, finite, distinct); −0.0 is stored as 0.0. */
    public static DoubleAxis of(double... values) {
        if (values.length == 0) throw new IllegalArgumentException("an axis needs at least one value");
        double[] v = values.clone();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) throw new IllegalArgumentException("axis value " + v[i] + " is not finite");
            if (v[i] == 0.0) v[i] = 0.0;
        }
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) throw new IllegalArgumentException("duplicate axis value " + sorted[i]);
        }
        return new DoubleAxis(v);
    }

    /** Number of values. */
    public long size() {
        return values.length;
    }

    /** The value at {@code index} (0-based, in axis order). */
    public double get(long index) {
        if (index < 0 || index >= values.length) throw new IndexOutOfBoundsException("axis index " + index + " of " + values.length);
        return values[(int) index];
    }

    /** The values in axis order (a copy). */
    public double[] values() {
        return values.clone();
    }

    /** The axis as a YAML flow list, {@code [0.0, 0.01]}; values written so that they read back exactly. */
    public String toYaml() {
        return list(values);
    }

    /** The set of values, sorted: the same for any order of the list. */
    public String canonical() {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return list(sorted);
    }

    private static String list(double[] vs) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (double v : vs) j.add(YamlNumbers.format(v));
        return j.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DoubleAxis a && Arrays.equals(values, a.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return toYaml();
    }
}
