package saddlesweep.gdfate;

/**
 * What gradient descent at the run's own η ends on (the {@code runs.gd_fate} column), beside the flow's fate
 * ({@code attractor_kind}, the limit η → 0).
 */
public enum GdFateKind {
    /** GD never turns unstable (η·λ_max &lt; 2 all along, up to the horizon): it shares the flow's path, and its fate is the flow's. */
    FLOW("flow"),
    /** GD converges to a fixed point of its map (a critical point of L_N with 0 ≤ ηλ_i ≤ 2), isolated or on a manifold. */
    FIXED_POINT("fixed_point"),
    /** GD converges to a cycle of period k ≥ 2: {@code period_2}, {@code period_4}, … (k ≤ 16). */
    PERIODIC("period"),
    /** GD stays bounded on no cycle up to period 16; its largest Lyapunov exponent says how chaotic. */
    APERIODIC("aperiodic"),
    /** GD's iterates become non-finite. */
    DIVERGED("diverged"),
    /** None of these certified; the reason is in {@code runs.error}. */
    UNRESOLVED("unresolved");

    private final String label;

    GdFateKind(String label) {
        this.label = label;
    }

    /** The kind of a {@code gd_fate} label ({@code period_k}: PERIODIC), or null for none. */
    public static GdFateKind ofLabel(String label) {
        if (label == null) return null;
        for (GdFateKind k : values()) {
            if (k == PERIODIC ? label.startsWith(k.label + "_") : label.equals(k.label)) return k;
        }
        return null;
    }

    /** The column's label: {@code period_k} for a cycle of period k, the kind's name otherwise. */
    public String label(int period) {
        return this == PERIODIC ? label + "_" + period : label;
    }
}
