package saddlesweep.run;

/**
 * Trains and analyses one run: data, initial point, gradient descent with log-spaced records, Newton polish,
 * slow passages and their critical points, the attractor and the theory checks. Never throws: a run that
 * fails becomes a {@code failed} row with the error text.
 */
public final class RunPipeline {

    private RunPipeline() {
    }

    public static RunResult run(RunConfig config) {
        throw new UnsupportedOperationException("being built");
    }
}
