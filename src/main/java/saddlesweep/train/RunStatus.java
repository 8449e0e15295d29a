package saddlesweep.train;

/**
 * Why the training of a run stopped; {@link #label()} is the text of the {@code runs.status} column.
 *
 * <p>Results written before these labels existed have {@value #OLD_MAX_STEPS} for both {@link #HORIZON} and
 * {@link #BUDGET}; {@link #ofOldMaxSteps} says which one such a run was.
 */
public enum RunStatus {

    /** ‖∇L_N‖ ≤ grad_tol, or the Newton finish onto a minimum, or a certified limit reached to its gap tolerance. */
    CONVERGED("converged"),
    /** The flow tail followed the run to {@code horizon_steps} without reaching the tolerance: its fate is read there. */
    HORIZON("horizon"),
    /** Plain GD spent {@code max_steps} without reaching the tolerance (and no flow tail went further). */
    BUDGET("budget"),
    /** Non-finite loss or gradient (or the flow tail's step size underflowed): the run has no limit to report. */
    DIVERGED("diverged"),
    /** The run threw; the message is in {@code runs.error} and no number of the row is meaningful. */
    FAILED("failed");

    /** The one label that stood for {@link #HORIZON} and {@link #BUDGET} in results written before them. */
    public static final String OLD_MAX_STEPS = "max_steps";

    private final String label;

    RunStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The status of a label (an old {@value #OLD_MAX_STEPS} is not one: see {@link #ofOldMaxSteps}). */
    public static RunStatus of(String label) {
        for (RunStatus s : values()) {
            if (s.label.equals(label)) return s;
        }
        throw new IllegalArgumentException("unknown run status " + label);
    }

    /**
     * What a run written with the old label {@value #OLD_MAX_STEPS} did: the flow tail, when it ran
     * ({@code tail = 'flow'} and {@code gd_steps < steps}), ends at the budget only at the horizon; otherwise
     * plain GD spent max_steps.
     */
    public static RunStatus ofOldMaxSteps(boolean flowTailRan) {
        return flowTailRan ? HORIZON : BUDGET;
    }

    @Override
    public String toString() {
        return label;
    }
}
