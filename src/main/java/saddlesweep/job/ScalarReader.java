package saddlesweep.job;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * The scalars of a job file, each checked where it is read: a name, a finite real within a {@link Bound}, an
 * integer in a range, a boolean. Messages are one line naming the source, line, key path and value.
 */
final class ScalarReader {

    private static final Pattern LEADING_ZERO = Pattern.compile("[-+]?0[0-9_]+");

    private final String source;

    ScalarReader(String source) {
        this.source = source;
    }

    /** A sweep or teacher name: 1 to 100 characters from [A-Za-z0-9_.-]. */
    String name(YamlNode node, String path, String example) {
        if (!(node instanceof YamlNode.Scalar s) || s.kind() == YamlNode.ScalarKind.NULL) {
            throw ErrorLine.of(source, node.line(), path, node, "must be a name such as " + example + ", got " + node.typeName());
        }
        if (!SweepJob.NAME_PATTERN.matcher(s.text()).matches()) {
            throw ErrorLine.of(source, node.line(), path, node,
                    "must be 1 to 100 characters from A-Z a-z 0-9 _ . -");
        }
        return s.text();
    }

    /** A finite real number within {@code bound}. */
    double real(YamlNode node, String path, Bound bound) {
        double x;
        if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.FLOAT) {
            x = (Double) s.value();
        } else if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.INTEGER) {
            checkNoLeadingZero(s, path);
            x = s.value() instanceof BigInteger b ? b.doubleValue() : (double) (Long) s.value();
        } else {
            throw ErrorLine.of(source, node.line(), path, node, "must be a number, got " + node.typeName());
        }
        if (!Double.isFinite(x)) throw ErrorLine.of(source, node.line(), path, node, "must be a finite number");
        if (!bound.test(x)) throw ErrorLine.of(source, node.line(), path, node, bound.describe());
        return x;
    }

    /** An integer in [min, max]; {@code constraint} describes that range for messages. */
    long integer(YamlNode node, String path, long min, long max, String constraint) {
        long v;
        if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.INTEGER) {
            checkNoLeadingZero(s, path);
            if (s.value() instanceof BigInteger) {
                throw ErrorLine.of(source, node.line(), path, node, "out of range (beyond 64-bit integers)");
            }
            v = (Long) s.value();
        } else if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.FLOAT) {
            double x = (Double) s.value();
            if (!Double.isFinite(x)) throw ErrorLine.of(source, node.line(), path, node, "must be a finite integer");
            if (x != Math.rint(x)) throw ErrorLine.of(source, node.line(), path, node, "must be an integer, got a fractional number");
            if (Math.abs(x) >= 0x1p63) throw ErrorLine.of(source, node.line(), path, node, "out of range (beyond 64-bit integers)");
            v = (long) x; // e.g. 1e6 written for max_steps
        } else {
            throw ErrorLine.of(source, node.line(), path, node, "must be an integer, got " + node.typeName());
        }
        if (v < min || v > max) {
            throw ErrorLine.of(source, node.line(), path, node,
                    constraint.isEmpty() ? "must be in " + min + ".." + max : constraint);
        }
        return v;
    }

    /** {@code true} or {@code false}. */
    boolean bool(YamlNode node, String path) {
        if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.BOOLEAN) return (Boolean) s.value();
        throw ErrorLine.of(source, node.line(), path, node, "must be true or false, got " + node.typeName());
    }

    /** YAML 1.1 reads 010 as octal 8: refuse it rather than surprise the user. */
    private void checkNoLeadingZero(YamlNode.Scalar s, String path) {
        if (LEADING_ZERO.matcher(s.text()).matches()) {
            throw ErrorLine.of(source, s.line(), path, s, "has a leading zero, which YAML reads as octal ("
                    + s.value() + "); write it without the zero");
        }
    }
}
