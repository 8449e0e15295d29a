package saddlesweep.job;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Checks the keys of a mapping against those its section allows ({@link JobKeys}): an unknown key is an error
 * that suggests the key probably meant or the section it belongs to; a retired key is a warning.
 */
final class KeyChecker {

    private final String source;
    private final Consumer<String> warnings;

    KeyChecker(String source, Consumer<String> warnings) {
        this.source = source;
        this.warnings = warnings;
    }

    /** Refuses keys not in {@code allowed}, suggesting the key probably meant; warns of retired keys ({@link JobKeys#RETIRED}). */
    void check(YamlNode.Mapping m, String prefix, List<String> allowed) {
        for (String key : m.entries().keySet()) {
            if (allowed.contains(key)) continue;
            String retired = JobKeys.RETIRED.getOrDefault(prefix, Map.of()).get(key);
            if (retired != null) {
                warnings.accept("warning: " + ErrorLine.text(source, m.keyLines().get(key), prefix + "." + key, retired));
                continue;
            }
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            String qualifier = prefix.isEmpty() ? "" : prefix + ".";
            String hint;
            String close = KeySuggester.suggest(key, allowed);
            String home = homeOf(key, prefix);
            if (close != null) {
                hint = "did you mean `" + qualifier + close + "`?";
            } else if (home != null) {
                hint = "`" + key + "` belongs " + (home.isEmpty() ? "at the top level" : "under `" + home + "`");
            } else {
                hint = "known keys" + (prefix.isEmpty() ? "" : " of " + prefix) + ": " + String.join(", ", allowed);
            }
            throw ErrorLine.of(source, m.keyLines().get(key), path, "unknown key; " + hint);
        }
    }

    /** The section (or "" for the top level) where {@code key} is a known key, other than {@code prefix}; null if none. */
    private static String homeOf(String key, String prefix) {
        if (!prefix.isEmpty() && JobKeys.TOP.contains(key)) return "";
        for (Map.Entry<String, List<String>> s : JobKeys.SECTIONS.entrySet()) {
            if (!s.getKey().equals(prefix) && s.getValue().contains(key)) return s.getKey();
        }
        return null;
    }
}
