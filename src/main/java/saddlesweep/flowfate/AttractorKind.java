package saddlesweep.flowfate;

/** Where a run ends (the {@code runs.attractor_kind} column). */
public enum AttractorKind {
    /** An isolated minimum: every Hessian eigenvalue positive; the point is Newton-polished. */
    FINITE("finite"),
    /** A minimum on a critical manifold: zero eigenvalues along it, none negative. */
    DEGENERATE("degenerate"),
    /** No finite limit: units leave every bounded set while the function converges to a closure limit. */
    AT_INFINITY("at_infinity"),
    /** Still on a saddle (Morse index ≥ 1) at the horizon: a critical point the run has not left. */
    SADDLE("saddle"),
    /** No fate certified: the reason is in {@code runs.error} (a divergence, a failure, a run not yet at its limit). */
    UNRESOLVED("unresolved");

    private final String label;

    AttractorKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
