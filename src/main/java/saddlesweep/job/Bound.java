package saddlesweep.job;

/** Allowed interval of a real setting, with its description for messages. */
record Bound(double low, boolean lowInclusive, double high, boolean highInclusive) {
    static final Bound ANY = new Bound(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true);
    static final Bound OPEN_UNIT = new Bound(0, false, 1, false);

    static Bound above(double low) {
        return new Bound(low, false, Double.POSITIVE_INFINITY, true);
    }

    static Bound atLeast(double low) {
        return new Bound(low, true, Double.POSITIVE_INFINITY, true);
    }

    boolean test(double x) {
        return (lowInclusive ? x >= low : x > low) && (highInclusive ? x <= high : x < high);
    }

    String describe() {
        boolean bounded = high != Double.POSITIVE_INFINITY;
        if (!bounded) return "must be " + (lowInclusive ? ">= " : "> ") + fmt(low);
        return "must be in " + (lowInclusive ? "[" : "(") + fmt(low) + ", " + fmt(high) + (highInclusive ? "]" : ")");
    }

    private static String fmt(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
