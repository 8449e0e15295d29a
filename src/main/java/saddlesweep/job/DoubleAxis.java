package saddlesweep.job;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.StringJoiner;

/**
 * One real-valued grid axis ({@code sigma2}, {@code input_std}, {@code training.eta}, {@code training.init_scale}):
 * distinct finite values in the order given, written either as a list or as a geometric range
 * {@code {from, factor, count}} (then remembered in that form for {@link #toYaml()}).
 */
public final class DoubleAxis implements Serializable {

    private static final long serialVersionUID = 2L;

    private final double[] values;
    /** The {@code {from, factor, count}} this axis was written as, or null for a list. */
    private final String rangeYaml;

    private DoubleAxis(double[] values, String rangeYaml) {
        this.values = values;
        this.rangeYaml = rangeYaml;
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
        return new DoubleAxis(v, null);
    }

    /**
     * The geometric range from, from·factor, …, from·factor^(count−1). Each value is computed in decimal
     * (34 digits) from the shortest decimal forms of {@code from} and {@code factor}, then rounded once to a
     * double, so that {@code {from: 0.1, factor: 0.1, count: 3}} is exactly 0.1, 0.01, 0.001 and the values
     * are the same bits on every machine.
     *
     * @throws IllegalArgumentException if from ≤ 0, factor ≤ 0 or = 1, count < 1, or a value leaves the
     *                                  range of positive finite doubles or repeats (factor too close to 1)
     */
    public static DoubleAxis geometric(double from, double factor, int count) {
        if (!(from > 0) || !Double.isFinite(from)) throw new IllegalArgumentException("from must be > 0, got " + from);
        if (!(factor > 0) || !Double.isFinite(factor) || factor == 1) {
            throw new IllegalArgumentException("factor must be > 0 and not 1, got " + factor);
        }
        if (count < 1) throw new IllegalArgumentException("count must be >= 1, got " + count);
        BigDecimal a = new BigDecimal(Double.toString(from));
        BigDecimal f = new BigDecimal(Double.toString(factor));
        double[] v = new double[count];
        for (int k = 0; k < count; k++) {
            v[k] = a.multiply(f.pow(k, MathContext.DECIMAL128), MathContext.DECIMAL128).doubleValue();
            if (!(v[k] > 0) || !Double.isFinite(v[k])) {
                throw new IllegalArgumentException("value " + (k + 1) + " of " + count + " leaves the range of doubles");
            }
            if (k > 0 && v[k] == v[k - 1]) {
                throw new IllegalArgumentException("values repeat as doubles; the factor is too close to 1");
            }
        }
        String yaml = "{from: " + YamlNumbers.format(from) + ", factor: " + YamlNumbers.format(factor) + ", count: " + count + "}";
        return new DoubleAxis(v, yaml);
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

    /** True for a {@code {from, factor, count}} range. */
    public boolean isRange() {
        return rangeYaml != null;
    }

    /**
     * The axis as written: a YAML flow list {@code [0.0, 0.01]} (values that read back exactly) or the
     * range {@code {from: 0.1, factor: 0.5, count: 4}}.
     */
    public String toYaml() {
        return rangeYaml != null ? rangeYaml : list(values);
    }

    /** The single value as a YAML number when the axis is a list of one, else {@link #toYaml()}. */
    public String toYamlValue() {
        return values.length == 1 && rangeYaml == null ? YamlNumbers.format(values[0]) : toYaml();
    }

    /** {@link #canonical()}, with a single value written as a number rather than a list of one. */
    public String canonicalValue() {
        return values.length == 1 ? YamlNumbers.format(values[0]) : canonical();
    }

    /** The set of values, sorted: the same for any order of the list, and for a range and its values as a list. */
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
        return o instanceof DoubleAxis a && Arrays.equals(values, a.values) && toYaml().equals(a.toYaml());
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
