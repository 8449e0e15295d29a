package saddlesweep.job;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import saddlesweep.error.UserError;

/**
 * Reads YAML text into a {@link YamlNode} tree using Jackson's YAML parser (token stream), keeping each
 * value's line and its text as written. Done by hand rather than with {@code ObjectMapper.readTree}
 * because that cannot read {@code .nan}/{@code .inf}, silently turns aliases into strings, keeps only the
 * first of several documents and forgets where values were.
 */
final class YamlTreeReader {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final String source;
    private final YAMLParser parser;

    private YamlTreeReader(String source, YAMLParser parser) {
        this.source = source;
        this.parser = parser;
    }

    /**
     * Parses one YAML document.
     *
     * @param source  name used in messages (usually the file name)
     * @return the root node, or null when the text holds no document (empty or only comments)
     * @throws UserError on malformed YAML, with line and column
     */
    static YamlNode read(String text, String source) {
        try (YAMLParser p = (YAMLParser) FACTORY.createParser(text)) {
            YamlTreeReader reader = new YamlTreeReader(source, p);
            JsonToken first = p.nextToken();
            if (first == null) return null;
            YamlNode root = reader.readValue(first);
            if (p.nextToken() != null) {
                throw ErrorLine.of(source, line(p.currentTokenLocation()), "second document",
                        "a job file holds one YAML document; remove the `---` separator and what follows");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw malformed(source, e);
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new UserError(ErrorLine.oneLine(source + ": malformed YAML: " + e.getMessage()), e);
        } catch (IOException e) {
            throw new UserError(ErrorLine.oneLine(source + ": cannot read YAML: " + e.getMessage()), e);
        }
    }

    private YamlNode readValue(JsonToken token) throws IOException {
        int line = line(parser.currentTokenLocation());
        if (parser.isCurrentAlias()) {
            throw ErrorLine.of(source, line, "*" + parser.getText(),
                    "YAML aliases are not supported in job files; write the value out");
        }
        switch (token) {
            case START_OBJECT: {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                JsonToken t;
                while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = line(parser.currentTokenLocation());
                    if (entries.containsKey(key)) {
                        throw ErrorLine.of(source, keyLine, key, "duplicate key (first given on line "
                                + keyLines.get(key) + ")");
                    }
                    keyLines.put(key, keyLine);
                    entries.put(key, readValue(parser.nextToken()));
                }
                expect(t, JsonToken.END_OBJECT);
                return new YamlNode.Mapping(entries, keyLines, line);
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                JsonToken t;
                while ((t = parser.nextToken()) != JsonToken.END_ARRAY && t != null) {
                    items.add(readValue(t));
                }
                expect(t, JsonToken.END_ARRAY);
                return new YamlNode.Sequence(items, line);
            }
            case VALUE_STRING:
                return new YamlNode.Scalar(YamlNode.ScalarKind.STRING, parser.getText(), parser.getText(), line);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new YamlNode.Scalar(YamlNode.ScalarKind.BOOLEAN, parser.getText(), token == JsonToken.VALUE_TRUE, line);
            case VALUE_NULL:
                return new YamlNode.Scalar(YamlNode.ScalarKind.NULL, parser.getText(), null, line);
            case VALUE_NUMBER_INT:
                return integer(parser.getText(), line);
            case VALUE_NUMBER_FLOAT:
                return floating(parser.getText(), line);
            default:
                throw ErrorLine.of(source, line, "YAML", "unexpected " + token);
        }
    }

    private YamlNode integer(String text, int line) throws IOException {
        Object value;
        try {
            Number n = parser.getNumberValue();
            value = n instanceof BigInteger b ? b : (Object) n.longValue();
        } catch (JsonProcessingException | NumberFormatException e) {
            throw ErrorLine.of(source, line, "YAML", ErrorLine.quote(text), "not a readable integer");
        }
        return new YamlNode.Scalar(YamlNode.ScalarKind.INTEGER, text, value, line);
    }

    private YamlNode floating(String text, int line) throws IOException {
        String t = text.toLowerCase(Locale.ROOT);
        double value;
        switch (t) {
            case ".nan" -> value = Double.NaN;
            case ".inf", "+.inf" -> value = Double.POSITIVE_INFINITY;
            case "-.inf" -> value = Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    value = parser.getDoubleValue();
                } catch (JsonProcessingException | NumberFormatException e) {
                    throw ErrorLine.of(source, line, "YAML", ErrorLine.quote(text), "not a readable number");
                }
            }
        }
        return new YamlNode.Scalar(YamlNode.ScalarKind.FLOAT, text, value, line);
    }

    private void expect(JsonToken got, JsonToken wanted) {
        if (got != wanted) {
            throw ErrorLine.of(source, line(parser.currentTokenLocation()), "YAML",
                    "malformed: expected " + wanted + " but got " + got);
        }
    }

    private static int line(JsonLocation loc) {
        return loc == null ? 0 : Math.max(0, loc.getLineNr());
    }

    /** "job.yaml: malformed YAML at line 3, column 7: expected ',' or ']', but got ':' (while parsing a flow sequence)". */
    private static UserError malformed(String source, JsonProcessingException e) {
        String problem = e.getOriginalMessage();
        JsonLocation loc = e.getLocation();
        String at = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m) {
            problem = m.getProblem() + (m.getContext() != null ? " (" + m.getContext() + ")" : "");
            if (m.getProblemMark() != null) {
                // SnakeYAML's marks are 0-based and point at the problem itself, not at the last token read.
                at = " at line " + (m.getProblemMark().getLine() + 1) + ", column " + (m.getProblemMark().getColumn() + 1);
            }
        }
        // SnakeYAML messages can carry a source excerpt after the first line; keep the first line only.
        if (problem == null) problem = "unreadable";
        int nl = problem.indexOf('\n');
        if (nl >= 0 && !problem.substring(0, nl).isBlank()) problem = problem.substring(0, nl);
        return new UserError(ErrorLine.oneLine(source + ": malformed YAML" + at + ": " + problem), e);
    }
}
