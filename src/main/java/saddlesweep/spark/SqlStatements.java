package saddlesweep.spark;

import java.util.ArrayList;
import java.util.List;

/** Splits an SQL script into statements at {@code ;}, ignoring those inside quotes and comments. */
public final class SqlStatements {

    private SqlStatements() {
    }

    /** The non-empty statements of the script, trimmed, in order. */
    public static List<String> split(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int j = i + 1;
                while (j < n && script.charAt(j) != c) j += script.charAt(j) == '\\' ? 2 : 1;
                j = Math.min(j + 1, n);
                cur.append(script, i, j);
                i = j;
            } else if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int j = script.indexOf('\n', i);
                j = j < 0 ? n : j;
                cur.append(script, i, j);
                i = j;
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int j = script.indexOf("*/", i + 2);
                j = j < 0 ? n : j + 2;
                cur.append(script, i, j);
                i = j;
            } else if (c == ';') {
                add(out, cur);
                cur.setLength(0);
                i++;
            } else {
                cur.append(c);
                i++;
            }
        }
        add(out, cur);
        return out;
    }

    private static void add(List<String> out, StringBuilder stmt) {
        String s = stmt.toString().trim();
        if (!onlyComments(s)) out.add(s);
    }

    private static boolean onlyComments(String s) {
        String rest = s.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("--[^\n]*", "").trim();
        return rest.isEmpty();
    }
}
