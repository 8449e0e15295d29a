package saddlesweep.job;

import java.util.List;
import java.util.Map;

/**
 * A parsed YAML value with the line it was written on, so that every error about a job file can point at
 * the offending line and show the value exactly as the user wrote it.
 */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

    /** 1-based line of the value in the source text. */
    int line();

    /** A short description of the node's type for messages: "a mapping", "a list", "a string", … */
    String typeName();

    /**
     * A mapping; keys in file order.
     *
     * @param entries   values by key
     * @param keyLines  the line of each key
     */
    record Mapping(Map<String, YamlNode> entries, Map<String, Integer> keyLines, int line) implements YamlNode {
        @Override
        public String typeName() {
            return "a mapping";
        }
    }

    /** A list. */
    record Sequence(List<YamlNode> items, int line) implements YamlNode {
        @Override
        public String typeName() {
            return "a list";
        }
    }

    /** What a scalar was read as. */
    enum ScalarKind { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

    /**
     * A scalar.
     *
     * @param text   the scalar as written (without quotes)
     * @param value  String, Long or BigInteger, Double (also ±∞, NaN), Boolean, or null
     */
    record Scalar(ScalarKind kind, String text, Object value, int line) implements YamlNode {
        @Override
        public String typeName() {
            return switch (kind) {
                case STRING -> "a string";
                case INTEGER -> "an integer";
                case FLOAT -> "a number";
                case BOOLEAN -> "a boolean";
                case NULL -> "an empty value";
            };
        }
    }
}
