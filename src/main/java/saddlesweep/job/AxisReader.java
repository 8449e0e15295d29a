package saddlesweep.job;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The grid axes of a job file: integer axes (a list, a value, or a range {from, count, step}) and real axes (a
 * list, a value, or a geometric range {from, factor, count}); no value twice.
 */
final class AxisReader {

    private final String source;
    private final ScalarReader scalars;
    private final KeyChecker keys;

    AxisReader(String source, ScalarReader scalars, KeyChecker keys) {
        this.source = source;
        this.scalars = scalars;
        this.keys = keys;
    }

    LongAxis longAxis(YamlNode node, String path, long min, long max, String constraint) {
        if (node instanceof YamlNode.Mapping range) return range(range, path, min, max, constraint);
        List<YamlNode> items = items(node, path);
        if (items.isEmpty()) throw ErrorLine.of(source, node.line(), path, node, "empty axis; give at least one value");
        long[] values = new long[items.size()];
        Map<Long, Integer> seen = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            String itemPath = node instanceof YamlNode.Sequence ? path + "[" + i + "]" : path;
            values[i] = scalars.integer(items.get(i), itemPath, min, max, constraint);
            Integer first = seen.putIfAbsent(values[i], i);
            if (first != null) {
                throw ErrorLine.of(source, items.get(i).line(), itemPath, items.get(i), "duplicate of " + path + "[" + first + "]");
            }
        }
        return LongAxis.of(values);
    }

    private LongAxis range(YamlNode.Mapping m, String path, long min, long max, String constraint) {
        keys.check(m, path, JobKeys.RANGE_KEYS);
        for (String key : List.of("from", "count")) {
            if (!m.entries().containsKey(key)) {
                throw ErrorLine.of(source, m.line(), path + "." + key,
                        "missing; a range is written {from: A, count: K} (optional step, default 1)");
            }
        }
        long from = scalars.integer(m.entries().get("from"), path + ".from", Long.MIN_VALUE, Long.MAX_VALUE, "");
        long count = scalars.integer(m.entries().get("count"), path + ".count", 1, Long.MAX_VALUE, "must be >= 1");
        long step = 1;
        if (m.entries().containsKey("step")) {
            YamlNode s = m.entries().get("step");
            step = scalars.integer(s, path + ".step", Long.MIN_VALUE, Long.MAX_VALUE, "");
            if (step == 0) throw ErrorLine.of(source, s.line(), path + ".step", s, "must not be 0 (the values would repeat)");
        }
        LongAxis axis;
        try {
            axis = LongAxis.range(from, count, step);
        } catch (ArithmeticException e) {
            throw ErrorLine.of(source, m.line(), path, m, "the range runs past the 64-bit integer limit");
        }
        if (from < min || from > max) {
            throw ErrorLine.of(source, m.entries().get("from").line(), path + ".from", m.entries().get("from"), constraint);
        }
        long last = axis.get(count - 1);
        if (last < min || last > max) {
            throw ErrorLine.of(source, m.line(), path, m, "its last value " + last + " " + constraint);
        }
        return axis;
    }

    /** A real axis: a list, a single value, or (when {@code geometric}) a range {from, factor, count}. */
    DoubleAxis doubleAxis(YamlNode node, String path, Bound bound, boolean geometric) {
        String forms = geometric ? "a number, a list of numbers or a range {from: A, factor: F, count: K}"
                : "a number or a list of numbers";
        if (node instanceof YamlNode.Mapping m) {
            if (!geometric) throw ErrorLine.of(source, node.line(), path, node, "must be " + forms + ", got " + node.typeName());
            return geometricRange(m, path);
        }
        if (!(node instanceof YamlNode.Sequence) && !(node instanceof YamlNode.Scalar s && s.kind() != YamlNode.ScalarKind.NULL)) {
            throw ErrorLine.of(source, node.line(), path, node, "must be " + forms + ", got " + node.typeName());
        }
        List<YamlNode> items = items(node, path);
        if (items.isEmpty()) throw ErrorLine.of(source, node.line(), path, node, "empty axis; give at least one value");
        double[] values = new double[items.size()];
        Map<Double, Integer> seen = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            String itemPath = node instanceof YamlNode.Sequence ? path + "[" + i + "]" : path;
            double x = scalars.real(items.get(i), itemPath, bound);
            values[i] = x == 0.0 ? 0.0 : x; // -0.0 and 0.0 are the same noise level
            Integer first = seen.putIfAbsent(values[i], i);
            if (first != null) {
                throw ErrorLine.of(source, items.get(i).line(), itemPath, items.get(i), "duplicate of " + path + "[" + first + "]");
            }
        }
        return DoubleAxis.of(values);
    }

    /**
     * The geometric range from, from·factor, …, from·factor^(count−1) of a real axis (see
     * {@link DoubleAxis#geometric}); from > 0, so every value satisfies the axis' own bound (> 0 or >= 0).
     */
    private DoubleAxis geometricRange(YamlNode.Mapping m, String path) {
        if (!m.entries().containsKey("factor") && JobKeys.RANGE_KEYS.containsAll(m.entries().keySet())) {
            throw ErrorLine.of(source, m.line(), path, m, "a {from, count} range only works for integer axes; "
                    + "a real axis takes a list or a geometric range {from: A, factor: F, count: K}");
        }
        keys.check(m, path, JobKeys.GEOMETRIC_KEYS);
        for (String key : JobKeys.GEOMETRIC_KEYS) {
            if (!m.entries().containsKey(key)) {
                throw ErrorLine.of(source, m.line(), path + "." + key,
                        "missing; a geometric range is written {from: A, factor: F, count: K}");
            }
        }
        double from = scalars.real(m.entries().get("from"), path + ".from", Bound.above(0));
        YamlNode factorNode = m.entries().get("factor");
        double factor = scalars.real(factorNode, path + ".factor", Bound.above(0));
        if (factor == 1) throw ErrorLine.of(source, factorNode.line(), path + ".factor", factorNode, "must not be 1 (the values would repeat)");
        YamlNode countNode = m.entries().get("count");
        long count = scalars.integer(countNode, path + ".count", 1, Long.MAX_VALUE, "must be >= 1");
        if (count > JobKeys.MAX_GEOMETRIC_COUNT) {
            throw ErrorLine.of(source, countNode.line(), path + ".count", countNode, "must be <= " + JobKeys.MAX_GEOMETRIC_COUNT);
        }
        try {
            return DoubleAxis.geometric(from, factor, (int) count);
        } catch (IllegalArgumentException e) {
            throw ErrorLine.of(source, m.line(), path, m, e.getMessage());
        }
    }

    /** The items of a list, or a single scalar as a list of one. */
    List<YamlNode> items(YamlNode node, String path) {
        if (node instanceof YamlNode.Sequence s) return s.items();
        if (node instanceof YamlNode.Scalar s && s.kind() != YamlNode.ScalarKind.NULL) return List.of(node);
        throw ErrorLine.of(source, node.line(), path, node, "must be a list of values, a range {from: A, count: K} or a single value, got "
                + node.typeName());
    }
}
