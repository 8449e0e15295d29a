package saddlesweep.job;

import java.io.Serializable;
import java.util.Arrays;
import java.util.StringJoiner;

/**
 * One integer grid axis ({@code n}, {@code hidden}, {@code data_seed}, {@code init_seed}): either an explicit
 * list of distinct values or an arithmetic range {@code {from, count, step}}. A range is never expanded, so an
 * axis of a million seeds costs three longs.
 */
public final class LongAxis implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Explicit values in the order given, or null for a range. */
    private final long[] values;
    private final long from;
    private final long count;
    private final long step;

    private LongAxis(long[] values, long from, long count, long step) {
        this.values = values;
        this.from = from;
        this.count = count;
        this.step = step;
    }

    /** An axis of explicit values (at least one, all distinct), kept in the given order. */
    public static LongAxis of(long... values) {
        if (values.length == 0) throw new IllegalArgumentException("an axis needs at least one value");
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) throw new IllegalArgumentException("duplicate axis value " + sorted[i]);
        }
        return new LongAxis(values.clone(), 0, values.length, 0);
    }

    /**
     * The range from, from+step, …, from+(count−1)·step.
     *
     * @throws IllegalArgumentException if count < 1, step = 0, or the last value overflows a long
     */
    public static LongAxis range(long from, long count, long step) {
        if (count < 1) throw new IllegalArgumentException("range count must be >= 1, got " + count);
        if (step == 0) throw new IllegalArgumentException("range step must not be 0");
        Math.addExact(from, Math.multiplyExact(step, count - 1)); // throws ArithmeticException on overflow
        return new LongAxis(null, from, count, step);
    }

    /** Number of values. */
    public long size() {
        return values != null ? values.length : count;
    }

    /** The value at {@code index} (0-based, in axis order). */
    public long get(long index) {
        if (index < 0 || index >= size()) throw new IndexOutOfBoundsException("axis index " + index + " of " + size());
        return values != null ? values[(int) index] : from + step * index;
    }

    /** True for a {@code {from, count, step}} range. */
    public boolean isRange() {
        return values == null;
    }

    /** Smallest value. */
    public long min() {
        if (values != null) return Arrays.stream(values).min().getAsLong();
        return step > 0 ? from : get(count - 1);
    }

    /** Largest value. */
    public long max() {
        if (values != null) return Arrays.stream(values).max().getAsLong();
        return step > 0 ? get(count - 1) : from;
    }

    /** The axis as YAML in the form it was given: {@code [50, 200]} or {@code {from: 1, count: 3}}. */
    public String toYaml() {
        if (values == null) return rangeYaml(from, count, step);
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (long v : values) j.add(Long.toString(v));
        return j.toString();
    }

    /**
     * The set of values in a form independent of order and spelling: sorted, and written as an increasing
     * range when the values are evenly spaced ({@code [3, 1, 2]}, {@code {from: 1, count: 3}} and
     * {@code {from: 3, count: 3, step: -1}} all give {@code {from: 1, count: 3}}).
     */
    public String canonical() {
        if (values == null) {
            return step > 0 ? rangeYaml(from, count, step) : rangeYaml(min(), count, -step);
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        if (sorted.length == 1) return rangeYaml(sorted[0], 1, 1);
        long d = sorted[1] - sorted[0];
        boolean even = d > 0;
        for (int i = 2; i < sorted.length && even; i++) even = sorted[i] - sorted[i - 1] == d;
        if (even) return rangeYaml(sorted[0], sorted.length, d);
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (long v : sorted) j.add(Long.toString(v));
        return j.toString();
    }

    private static String rangeYaml(long from, long count, long step) {
        return "{from: " + from + ", count: " + count + (step == 1 ? "" : ", step: " + step) + "}";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LongAxis a && toYaml().equals(a.toYaml());
    }

    @Override
    public int hashCode() {
        return toYaml().hashCode();
    }

    @Override
    public String toString() {
        return toYaml();
    }
}
