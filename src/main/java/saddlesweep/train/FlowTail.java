package saddlesweep.train;

import java.util.List;
import java.util.function.ToDoubleFunction;

import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Vectors;

/**
 * The tail of a run after plain GD has equilibrated its fast directions: the flow that GD follows
 * ({@link ModifiedGradientField}, time τ = η·steps) integrated by {@link Rosenbrock23} with the analytic
 * Hessian as Jacobian, up to a horizon in GD-equivalent steps. Records continue on the run's log grid (the
 * integrator's steps end on the grid's steps), and the {@link GradientDescent.Finisher} is asked at each
 * record, as during GD. Ends {@code converged} when ‖∇L_N‖ ≤ gradTol or the finisher takes over, {@code max_steps} at the
 * horizon, {@code diverged} on non-finite values or a step size that underflows.
 */
public final class FlowTail {

    /** Relative and absolute local error tolerances of the integrator (per component of θ). */
    public static final double RTOL = 3e-7;
    public static final double ATOL = 1e-10;
    /** A step covers at most this fraction of the elapsed time τ (≥ ~10 steps per decade). */
    static final double MAX_STEP_FRACTION = 0.25;

    private final SquaredLoss loss;
    private final double eta;
    private final int recordsPerDecade;
    private final double gradTol;
    private final ToDoubleFunction<double[]> genExcess;
    private final double rtol;
    private final double atol;
    private long evaluations;

    public FlowTail(SquaredLoss loss, double eta, int recordsPerDecade, double gradTol,
                    ToDoubleFunction<double[]> genExcess) {
        this(loss, eta, recordsPerDecade, gradTol, genExcess, RTOL, ATOL);
    }

    public FlowTail(SquaredLoss loss, double eta, int recordsPerDecade, double gradTol,
                    ToDoubleFunction<double[]> genExcess, double rtol, double atol) {
        this.loss = loss;
        this.gradTol = gradTol;
        this.eta = eta;
        this.recordsPerDecade = recordsPerDecade;
        this.genExcess = genExcess;
        this.rtol = rtol;
        this.atol = atol;
    }

    /** Field evaluations of the last {@link #run}. */
    public long evaluations() {
        return evaluations;
    }

    /**
     * Follows the flow from θ at GD step {@code step0} (already recorded in {@code records} or not) to
     * {@code horizon} GD-equivalent steps, appending records to {@code records}.
     */
    public GradientDescent.Outcome run(double[] theta0, long step0, long horizon, List<TrainingRecord> records,
                                       GradientDescent.Finisher finisher) {
        int d = theta0.length;
        ModifiedGradientField field = new ModifiedGradientField(loss, eta, d);
        double t0 = eta * step0;
        double tEnd = eta * horizon;
        Rosenbrock23 ode;
        try {
            ode = new Rosenbrock23(field, rtol, atol, t0, theta0, Math.max(eta, 1e-3 * t0));
        } catch (ArithmeticException e) {
            return new GradientDescent.Outcome(GradientDescent.DIVERGED, step0, theta0, records, "non-finite gradient at the start of the flow tail");
        }
        LogGrid grid = new LogGrid(recordsPerDecade);
        long next = grid.next(step0);
        try {
            while (true) {
                if (ode.time() >= tEnd) {
                    double[] theta = ode.state();
                    if (records.isEmpty() || records.get(records.size() - 1).step() < horizon) records.add(record(horizon, theta));
                    return new GradientDescent.Outcome(GradientDescent.MAX_STEPS, horizon, theta, records, null);
                }
                // steps land on the record grid: no interpolation across a long step of a curved path
                double tNext = Math.min(eta * next, tEnd);
                double hMax = Math.min(Math.max(MAX_STEP_FRACTION * ode.time(), eta), tNext - ode.time());
                if (!ode.step(hMax)) {
                    long at = (long) (ode.time() / eta);
                    return new GradientDescent.Outcome(GradientDescent.DIVERGED, at, ode.state(), records,
                            "flow tail stopped at step " + at + ": non-finite values or step size underflow");
                }
                if (next < horizon && ode.time() >= eta * next * (1 - 1e-12)) {
                    double[] theta = ode.state();
                    TrainingRecord r = record(next, theta);
                    if (!Double.isFinite(r.trainLoss()) || !Vectors.allFinite(theta)) {
                        return new GradientDescent.Outcome(GradientDescent.DIVERGED, next, theta, records, "non-finite loss at step " + next);
                    }
                    records.add(r);
                    if (r.gradNorm() <= gradTol || (finisher != null && finisher.tryFinish(r))) {
                        return new GradientDescent.Outcome(GradientDescent.CONVERGED, next, theta, records, null);
                    }
                    next = grid.next(next);
                }
            }
        } finally {
            evaluations = ode.evaluations();
        }
    }

    private TrainingRecord record(long step, double[] theta) {
        double[] g = new double[theta.length];
        double value = loss.gradient(theta, g);
        return new TrainingRecord(step, value, Vectors.norm(g), genExcess.applyAsDouble(theta), theta);
    }
}
