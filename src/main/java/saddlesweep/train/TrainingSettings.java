package saddlesweep.train;

import java.io.Serializable;

/**
 * How one run is trained.
 *
 * @param eta               learning rate η of full-batch gradient descent θ ← θ − η∇L_N(θ)
 * @param initScale         θ_0 ~ N(0, initScale²) entry-wise
 * @param maxSteps          step budget; the run stops with status {@code max_steps} when it is spent
 * @param gradTol           plain GD stops as converged when ‖∇L_N‖ ≤ gradTol
 * @param recordsPerDecade  points per decade of the log-spaced record grid (at least 50)
 * @param polish            finish with a damped Newton polish once the iterate is in the basin of a strict minimum
 */
public record TrainingSettings(double eta, double initScale, long maxSteps, double gradTol,
                               int recordsPerDecade, boolean polish) implements Serializable {

    public static final double DEFAULT_ETA = 0.05;
    public static final double DEFAULT_INIT_SCALE = 0.1;
    public static final long DEFAULT_MAX_STEPS = 1_000_000L;
    public static final double DEFAULT_GRAD_TOL = 1e-12;
    public static final int DEFAULT_RECORDS_PER_DECADE = 50;

    public TrainingSettings {
        if (!(eta > 0) || !Double.isFinite(eta)) throw new IllegalArgumentException("eta must be > 0, got " + eta);
        if (!(initScale >= 0) || !Double.isFinite(initScale)) throw new IllegalArgumentException("init_scale must be >= 0, got " + initScale);
        if (maxSteps <= 0) throw new IllegalArgumentException("max_steps must be > 0, got " + maxSteps);
        if (!(gradTol >= 0)) throw new IllegalArgumentException("grad_tol must be >= 0, got " + gradTol);
        if (recordsPerDecade < 50) throw new IllegalArgumentException("records_per_decade must be >= 50, got " + recordsPerDecade);
    }

    public static TrainingSettings defaults() {
        return new TrainingSettings(DEFAULT_ETA, DEFAULT_INIT_SCALE, DEFAULT_MAX_STEPS, DEFAULT_GRAD_TOL,
                DEFAULT_RECORDS_PER_DECADE, true);
    }

    public TrainingSettings withEta(double e) {
        return new TrainingSettings(e, initScale, maxSteps, gradTol, recordsPerDecade, polish);
    }

    public TrainingSettings withInitScale(double s) {
        return new TrainingSettings(eta, s, maxSteps, gradTol, recordsPerDecade, polish);
    }

    public TrainingSettings withMaxSteps(long m) {
        return new TrainingSettings(eta, initScale, m, gradTol, recordsPerDecade, polish);
    }

    public TrainingSettings withGradTol(double g) {
        return new TrainingSettings(eta, initScale, maxSteps, g, recordsPerDecade, polish);
    }

    public TrainingSettings withPolish(boolean p) {
        return new TrainingSettings(eta, initScale, maxSteps, gradTol, recordsPerDecade, p);
    }
}
