package saddlesweep.job;

/** Writes numbers as YAML scalars that read back as the same number and type. */
final class YamlNumbers {

    private YamlNumbers() {
    }

    /**
     * A finite double as a YAML float: Java's shortest round-trip digits, always with a decimal point, and
     * an exponent written {@code e+10}/{@code e-12} (YAML 1.1 floats need the sign).
     */
    static String format(double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("not finite: " + v);
        String s = Double.toString(v == 0.0 ? 0.0 : v);
        int e = s.indexOf('E');
        if (e < 0) return s;
        String exponent = s.substring(e + 1);
        return s.substring(0, e) + "e" + (exponent.startsWith("-") ? exponent : "+" + exponent);
    }
}
