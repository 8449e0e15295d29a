package saddlesweep.train;

import java.io.Serializable;

/**
 * How one run is trained.
 *
 * @param eta               learning rate η of full-batch gradient descent θ ← θ − η∇L_N(θ)
 * @param initScale         θ_0 ~ N(0, initScale²) entry-wise
 * @param maxSteps          step budget of plain GD; with {@code tail: gd} the run stops with status {@code budget}
 *                          when it is spent
 * @param gradTol           plain GD stops as converged when ‖∇L_N‖ ≤ gradTol
 * @param recordsPerDecade  points per decade of the log-spaced record grid (at least 50)
 * @param polish            finish with a damped Newton polish once the iterate is in the basin of a strict minimum
 * @param tail              {@code flow}: once GD has equilibrated its fast directions (or max_steps is spent), follow
 *                          the flow GD follows with a stiff integrator ({@link FlowTail}) up to horizonSteps;
 *                          {@code gd}: plain GD up to max_steps
 * @param horizonSteps      how far the flow tail follows a run, in GD-equivalent steps
 */
public record TrainingSettings(double eta, double initScale, long maxSteps, double gradTol,
                               int recordsPerDecade, boolean polish, String tail, long horizonSteps)
        implements Serializable {

    public static final String TAIL_FLOW = "flow";
    public static final String TAIL_GD = "gd";

    // The defaults: the one source of the job parser's, train's options' and the docs' defaults (a test
    // compares them). max_steps is the same 10^6 for train and a sweep: with the flow tail GD hands over at
    // the first slow record (by step ~5000 in quickstart and paper), so it only caps plain GD (tail gd).
    public static final double DEFAULT_ETA = 0.05;
    public static final double DEFAULT_INIT_SCALE = 0.1;
    public static final long DEFAULT_MAX_STEPS = 1_000_000L;
    public static final double DEFAULT_GRAD_TOL = 1e-12;
    public static final int DEFAULT_RECORDS_PER_DECADE = 50;
    public static final boolean DEFAULT_POLISH = true;
    public static final String DEFAULT_TAIL = TAIL_FLOW;
    public static final long DEFAULT_HORIZON_STEPS = 1_000_000_000_000L;

    public TrainingSettings {
        if (!(eta > 0) || !Double.isFinite(eta)) throw new IllegalArgumentException("eta must be > 0, got " + eta);
        if (!(initScale >= 0) || !Double.isFinite(initScale)) throw new IllegalArgumentException("init_scale must be >= 0, got " + initScale);
        if (maxSteps <= 0) throw new IllegalArgumentException("max_steps must be > 0, got " + maxSteps);
        if (!(gradTol >= 0)) throw new IllegalArgumentException("grad_tol must be >= 0, got " + gradTol);
        if (recordsPerDecade < 50) throw new IllegalArgumentException("records_per_decade must be >= 50, got " + recordsPerDecade);
        if (!TAIL_FLOW.equals(tail) && !TAIL_GD.equals(tail)) throw new IllegalArgumentException("tail must be flow or gd, got " + tail);
        if (horizonSteps <= 0) throw new IllegalArgumentException("horizon_steps must be > 0, got " + horizonSteps);
    }

    /** Settings with the default tail and horizon. */
    public TrainingSettings(double eta, double initScale, long maxSteps, double gradTol, int recordsPerDecade, boolean polish) {
        this(eta, initScale, maxSteps, gradTol, recordsPerDecade, polish, DEFAULT_TAIL, DEFAULT_HORIZON_STEPS);
    }

    /** True when the flow tail follows GD. */
    public boolean flowTail() {
        return TAIL_FLOW.equals(tail);
    }

    /**
     * The text that enters the task id: the settings as before the tail existed, plus the tail and horizon
     * when they differ from the defaults, so that the ids of existing jobs stay the same.
     */
    @Override
    public String toString() {
        String legacy = "TrainingSettings[eta=" + eta + ", initScale=" + initScale + ", maxSteps=" + maxSteps
                + ", gradTol=" + gradTol + ", recordsPerDecade=" + recordsPerDecade + ", polish=" + polish + "]";
        if (TAIL_FLOW.equals(tail) && horizonSteps == DEFAULT_HORIZON_STEPS) return legacy;
        return legacy + "[tail=" + tail + ", horizonSteps=" + horizonSteps + "]";
    }

    public static TrainingSettings defaults() {
        return new TrainingSettings(DEFAULT_ETA, DEFAULT_INIT_SCALE, DEFAULT_MAX_STEPS, DEFAULT_GRAD_TOL,
                DEFAULT_RECORDS_PER_DECADE, DEFAULT_POLISH, DEFAULT_TAIL, DEFAULT_HORIZON_STEPS);
    }

    public TrainingSettings withEta(double e) {
        return new TrainingSettings(e, initScale, maxSteps, gradTol, recordsPerDecade, polish, tail, horizonSteps);
    }

    public TrainingSettings withInitScale(double s) {
        return new TrainingSettings(eta, s, maxSteps, gradTol, recordsPerDecade, polish, tail, horizonSteps);
    }

    public TrainingSettings withMaxSteps(long m) {
        return new TrainingSettings(eta, initScale, m, gradTol, recordsPerDecade, polish, tail, horizonSteps);
    }

    public TrainingSettings withGradTol(double g) {
        return new TrainingSettings(eta, initScale, maxSteps, g, recordsPerDecade, polish, tail, horizonSteps);
    }

    public TrainingSettings withPolish(boolean p) {
        return new TrainingSettings(eta, initScale, maxSteps, gradTol, recordsPerDecade, p, tail, horizonSteps);
    }

    public TrainingSettings withTail(String t) {
        return new TrainingSettings(eta, initScale, maxSteps, gradTol, recordsPerDecade, polish, t, horizonSteps);
    }

    public TrainingSettings withHorizonSteps(long h) {
        return new TrainingSettings(eta, initScale, maxSteps, gradTol, recordsPerDecade, polish, tail, h);
    }
}
