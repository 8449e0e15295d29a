package saddlesweep.analysis;

/** Where a run ends (the {@code runs.attractor_kind} column). */
public enum AttractorKind {
    /** An isolated minimum: every Hessian eigenvalue positive; the point is Newton-polished. */
    FINITE("finite"),
    /** A minimum on a critical manifold: zero eigenvalues along it, none negative. */
    DEGENERATE("degenerate"),
    /** No finite limit: the parameters drift (‖θ‖ grows) while the function converges. */
    AT_INFINITY("at_infinity"),
    /** The run stopped away from any limit (a plateau or saddle at max_steps, a divergence, a failure). */
    UNRESOLVED("unresolved");

    private final String label;

    AttractorKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
