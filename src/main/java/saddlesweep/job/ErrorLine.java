package saddlesweep.job;

import java.util.Map;

import saddlesweep.error.UserError;

/**
 * Builds the one-line messages a bad job file ends with: {@code job.yaml:7: sigma2[2] = -0.5: must be >= 0}
 * (source, line, key path, the value as written, the problem).
 */
final class ErrorLine {

    /** Longest rendering of a value inside a message; longer values are cut with "..." (messages stay ASCII so that any console shows them). */
    static final int MAX_VALUE_CHARS = 60;

    private ErrorLine() {
    }

    /** An error about the value at {@code path}. */
    static UserError of(String source, int line, String path, YamlNode value, String problem) {
        return new UserError(oneLine(where(source, line) + path + " = " + render(value) + ": " + problem));
    }

    /** An error about the value at {@code path}, with the value given as text. */
    static UserError of(String source, int line, String path, String renderedValue, String problem) {
        return new UserError(oneLine(where(source, line) + path + " = " + renderedValue + ": " + problem));
    }

    /** An error about a key (or the file) without a value to show. */
    static UserError of(String source, int line, String subject, String problem) {
        return new UserError(text(source, line, subject, problem));
    }

    /** The line {@code source:line: subject: problem}, e.g. for a warning. */
    static String text(String source, int line, String subject, String problem) {
        return oneLine(where(source, line) + subject + ": " + problem);
    }

    private static String where(String source, int line) {
        return line > 0 ? source + ":" + line + ": " : source + ": ";
    }

    /** The node as the user wrote it, compact and single-line. */
    static String render(YamlNode node) {
        String s = renderFull(node);
        return s.length() <= MAX_VALUE_CHARS ? s : s.substring(0, MAX_VALUE_CHARS - 1) + "...";
    }

    private static String renderFull(YamlNode node) {
        if (node instanceof YamlNode.Scalar s) {
            return switch (s.kind()) {
                case STRING -> quote(s.text());
                case NULL -> "(empty)";
                default -> s.text();
            };
        }
        StringBuilder b = new StringBuilder();
        if (node instanceof YamlNode.Sequence seq) {
            b.append('[');
            for (int i = 0; i < seq.items().size() && b.length() <= MAX_VALUE_CHARS; i++) {
                if (i > 0) b.append(", ");
                b.append(renderFull(seq.items().get(i)));
            }
            return b.append(']').toString();
        }
        YamlNode.Mapping map = (YamlNode.Mapping) node;
        b.append('{');
        boolean first = true;
        for (Map.Entry<String, YamlNode> e : map.entries().entrySet()) {
            if (b.length() > MAX_VALUE_CHARS) break;
            if (!first) b.append(", ");
            first = false;
            b.append(e.getKey()).append(": ").append(renderFull(e.getValue()));
        }
        return b.append('}').toString();
    }

    /** A string in double quotes with control characters escaped, so that it stays on one line. */
    static String quote(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }

    /** Replaces any line breaks left (e.g. in a parser's message) by spaces. */
    static String oneLine(String message) {
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
