package saddlesweep.report;

import java.util.Locale;

/** Number formatting for captions and labels: 3 significant digits, shares as percentages. */
final class Numbers {

    private Numbers() {
    }

    /** {@code 0.000123} → {@code 1.23e-04}, {@code 12.5} → {@code 12.5}; NaN → {@code n/a}. */
    static String g3(double v) {
        if (Double.isNaN(v)) return "n/a";
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) return String.format(Locale.ROOT, "%.3g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
        return String.format(Locale.ROOT, "%.2e", v);
    }

    /** A share in [0, 1] as a percentage with one decimal. */
    static String percent(double share) {
        if (Double.isNaN(share)) return "n/a";
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    /** {@code k of n (p %)}. */
    static String countShare(long k, long n) {
        return k + " of " + n + (n > 0 ? " (" + percent((double) k / n) + ")" : "");
    }

    /** Escapes text for HTML. */
    static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
