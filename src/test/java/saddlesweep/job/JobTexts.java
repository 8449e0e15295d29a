package saddlesweep.job;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Job texts shared by the tests. */
final class JobTexts {

    private JobTexts() {
    }

    /** A small valid job: 2 n × 1 sigma2 × 2 hidden × 2 data_seed × 3 init_seed = 24 tasks. */
    static final String BASE = """
            name: t1
            teacher:
              w: [1.0]
              v: [1.0]
            n: [50, 200]
            sigma2: [0.01]
            hidden: [1, 2]
            data_seed: {from: 1, count: 2}
            init_seed: {from: 1, count: 3}
            """;

    /** BASE with the top-level line {@code key: …} replaced by {@code line} (or removed if line is empty). */
    static String with(String key, String line) {
        Pattern p = Pattern.compile("(?m)^" + Pattern.quote(key) + ":.*\\n");
        Matcher m = p.matcher(BASE);
        if (!m.find()) throw new IllegalArgumentException("no top-level key " + key + " in BASE");
        return m.replaceFirst(Matcher.quoteReplacement(line.isEmpty() ? "" : line + "\n"));
    }

    /** BASE with extra lines appended. */
    static String plus(String lines) {
        return BASE + lines + (lines.endsWith("\n") ? "" : "\n");
    }
}
