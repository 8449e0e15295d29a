package saddlesweep.job;

import java.util.Collection;
import java.util.Locale;

/** Finds the known key a misspelt one was probably meant to be (edit distance ≤ 2, or a prefix). */
final class KeySuggester {

    /** Largest edit distance at which a known key is still suggested. */
    static final int MAX_DISTANCE = 2;

    private KeySuggester() {
    }

    /** The closest known key to {@code unknown}, or null when none is close. */
    static String suggest(String unknown, Collection<String> known) {
        String u = unknown.toLowerCase(Locale.ROOT).strip();
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(u, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        if (best != null && bestDistance <= MAX_DISTANCE && bestDistance < Math.max(u.length(), 1)) return best;
        // A prefix either way ("records" for "records_per_decade", "init_seeds" for "init_seed").
        for (String k : known) {
            if (u.length() >= 3 && (k.startsWith(u) || u.startsWith(k))) return k;
        }
        return null;
    }

    /** Levenshtein distance (insertions, deletions, substitutions). */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
