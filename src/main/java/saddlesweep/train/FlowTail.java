package saddlesweep.train;

import java.util.List;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import saddlesweep.model.Objective;
import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Vectors;

/**
 * The tail of a run after plain GD has equilibrated its fast directions: the flow that GD follows
 * ({@link ModifiedGradientField}, time τ = η·steps) integrated by the variable-order {@link Ndf} (orders 1–5)
 * with the analytic Hessian in the Jacobian, up to a horizon in GD-equivalent steps. Records continue on the
 * run's log grid, taken from NDF's interpolant between its steps (the steps themselves are free: on an
 * algebraic tail order 5 takes a few dozen per decade where the record grid has 50), and the
 * {@link GradientDescent.Finisher} is asked at each record, as during GD. Where NDF's Newton iteration fails
 * repeatedly {@link Rosenbrock23}, whose steps end on the grid's steps, takes over until τ has doubled. Ends {@code converged} when ‖∇L_N‖ ≤ gradTol or the finisher takes over, {@code horizon} at the
 * horizon, {@code diverged} on non-finite values or a step size that underflows.
 *
 * <p>The first record where η·λ_max(∇²L_N) ≥ 2 is kept as {@link #unstableStep()}: from there GD at this η would
 * leave the flow's path (units whose |v| grows make the curvature grow as v²). The flow itself goes on: its fate
 * is the run's fate in the limit of small η, and the step says where GD at this η stops sharing it.
 */
public final class FlowTail {

    /** Relative and absolute local error tolerances of the integrator (per component of θ). */
    public static final double RTOL = 3e-7;
    public static final double ATOL = 1e-9;
    /** A step covers at most this fraction of the elapsed time τ (≥ ~10 steps per decade). */
    static final double MAX_STEP_FRACTION = 0.25;
    /** Modes with λ·Δτ at least this (Δτ between records) are relaxed to their quasi-static value at records. */
    static final double RELAX_TIMES = 50;
    /** After NDF's Newton iteration fails, Rosenbrock23 integrates until τ has grown by this factor, then NDF again. */
    static final double FALLBACK_SPAN = 2;

    private final Objective loss;
    private final IntFunction<FlowField> fieldOfDimension;
    private final double eta;
    private final int recordsPerDecade;
    private final double gradTol;
    private final ToDoubleFunction<double[]> genExcess;
    private final double rtol;
    private final double atol;
    private long evaluations;
    private long jacobians;
    private long unstableStep;

    public FlowTail(SquaredLoss loss, double eta, int recordsPerDecade, double gradTol,
                    ToDoubleFunction<double[]> genExcess) {
        this(loss, eta, recordsPerDecade, gradTol, genExcess, RTOL, ATOL);
    }

    public FlowTail(SquaredLoss loss, double eta, int recordsPerDecade, double gradTol,
                    ToDoubleFunction<double[]> genExcess, double rtol, double atol) {
        this(loss, d -> new ModifiedGradientField(loss, eta, d), eta, recordsPerDecade, gradTol, genExcess, rtol, atol);
    }

    /** The tail of runs on any loss, whose flow is {@code fieldOfDimension}'s field for θ of that many parameters. */
    public FlowTail(Objective loss, IntFunction<FlowField> fieldOfDimension, double eta,
                    int recordsPerDecade, double gradTol, ToDoubleFunction<double[]> genExcess, double rtol, double atol) {
        this.loss = loss;
        this.fieldOfDimension = fieldOfDimension;
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

    /** Jacobian (and so Hessian) evaluations of the last {@link #run}, included in {@link #evaluations}. */
    public long jacobians() {
        return jacobians;
    }

    /** First record step of the last {@link #run} where η·λ_max(∇²L_N) ≥ 2 (GD unstable), or −1 if none. */
    public long unstableStep() {
        return unstableStep;
    }

    /**
     * Follows the flow from θ at GD step {@code step0} (already recorded in {@code records} or not) to
     * {@code horizon} GD-equivalent steps, appending records to {@code records}.
     */
    public GradientDescent.Outcome run(double[] theta0, long step0, long horizon, List<TrainingRecord> records,
                                       GradientDescent.Finisher finisher) {
        int d = theta0.length;
        FlowField field = fieldOfDimension.apply(d);
        double t0 = eta * step0;
        double tEnd = eta * horizon;
        Ndf ndf;
        try {
            ndf = new Ndf(field, rtol, atol, t0, theta0, Math.max(eta, 1e-3 * t0));
        } catch (ArithmeticException e) {
            return new GradientDescent.Outcome(RunStatus.DIVERGED, step0, theta0, records, "non-finite gradient at the start of the flow tail");
        }
        unstableStep = -1;
        long recordHessians = 0;
        Rosenbrock23 ros = null;
        double fallbackUntil = 0;
        long ndfEvaluations = 0;
        long ndfJacobians = 0;
        long rosEvaluations = 0;
        long rosJacobians = 0;
        LogGrid grid = new LogGrid(recordsPerDecade);
        long next = grid.next(step0);
        double lastRecordTime = t0;
        try {
            while (true) {
                double now = ros == null ? ndf.time() : ros.time();
                if (now >= tEnd) {
                    double[] theta = ros == null ? ndf.state() : ros.state();
                    if (records.isEmpty() || records.get(records.size() - 1).step() < horizon) records.add(record(horizon, theta));
                    return new GradientDescent.Outcome(RunStatus.HORIZON, horizon, theta, records, null);
                }
                double hMax = Math.max(MAX_STEP_FRACTION * now, eta);
                if (ros == null) {
                    // NDF steps freely; the records between its last two steps come from its interpolant
                    if (!ndf.step(Math.min(hMax, tEnd - now))) {
                        try {
                            ros = new Rosenbrock23(field, rtol, atol, ndf.time(), ndf.state(), Math.max(eta, 1e-3 * ndf.stepSize()));
                        } catch (ArithmeticException e) {
                            return diverged(ndf.time(), ndf.state(), records);
                        }
                        fallbackUntil = FALLBACK_SPAN * ndf.time();
                        continue;
                    }
                    while (next < horizon && eta * next <= ndf.time()) {
                        double[] state = ndf.interpolate(eta * next);
                        double[] hs = loss.hessian(state).data;
                        recordHessians++;
                        GradientDescent.Outcome end = atRecord(next, state, hs, eta * next - lastRecordTime, records, finisher, null, field);
                        if (end != null) return end;
                        lastRecordTime = eta * next;
                        next = grid.next(next);
                    }
                    continue;
                }
                // the fallback: Rosenbrock steps land on the record grid (no interpolation across a long step)
                double tNext = Math.min(eta * next, tEnd);
                if (!ros.step(Math.min(hMax, tNext - now))) return diverged(ros.time(), ros.state(), records);
                if (next < horizon && ros.time() >= eta * next * (1 - 1e-12)) {
                    // the integrator evaluated its Jacobian, and so the field its Hessian, at the accepted state
                    GradientDescent.Outcome end = atRecord(next, ros.state(), field.lastHessian(), eta * next - lastRecordTime,
                            records, finisher, ros, field);
                    if (end != null) return end;
                    lastRecordTime = eta * next;
                    next = grid.next(next);
                    if (ros.time() >= fallbackUntil) {
                        // back to NDF from the (relaxed) record, at Rosenbrock's step size
                        ndfEvaluations += ndf.evaluations();
                        ndfJacobians += ndf.jacobians();
                        try {
                            ndf = new Ndf(field, rtol, atol, ros.time(), ros.state(), ros.stepSize());
                        } catch (ArithmeticException e) {
                            return diverged(ros.time(), ros.state(), records);
                        }
                        rosEvaluations += ros.evaluations();
                        rosJacobians += ros.jacobians();
                        ros = null;
                    }
                }
            }
        } finally {
            rosEvaluations += ros == null ? 0 : ros.evaluations();
            rosJacobians += ros == null ? 0 : ros.jacobians();
            evaluations = ndfEvaluations + ndf.evaluations() + recordHessians + rosEvaluations;
            jacobians = ndfJacobians + ndf.jacobians() + recordHessians + rosJacobians;
        }
    }

    /**
     * The record at grid step {@code step} from the integrator's state there ({@code hs} = ∇²L_N(state)): fast
     * modes relaxed ({@link #relaxFast}; with Rosenbrock23 the integrator is moved to the relaxed point), the
     * record appended, the finisher asked, the unstable step noted. Returns the outcome when the run ends here.
     */
    private GradientDescent.Outcome atRecord(long step, double[] state, double[] hs, double dt, List<TrainingRecord> records,
                                             GradientDescent.Finisher finisher, Rosenbrock23 ros,
                                             FlowField field) {
        int d = state.length;
        double[] theta = relaxFast(state, hs, dt);
        if (theta == null || (ros != null && !ros.reset(theta))) theta = state;
        TrainingRecord r = record(step, theta);
        if (!Double.isFinite(r.trainLoss()) || !Vectors.allFinite(theta)) {
            return new GradientDescent.Outcome(RunStatus.DIVERGED, step, theta, records, "non-finite loss at step " + step);
        }
        records.add(r);
        if (unstableStep < 0) {
            // ∇²L_N: at the relaxed θ after a Rosenbrock reset (the field's last Hessian), else at the state; noted
            // before the run may end here (a flow that converges where GD is unstable is not GD's path)
            double[] hθ = theta != state && ros != null ? field.lastHessian() : hs;
            if (eta * maxEigenvalue(DMatrixRMaj.wrap(d, d, hθ)) >= 2) unstableStep = step;
        }
        if (r.gradNorm() <= gradTol || (finisher != null && finisher.tryFinish(r))) {
            return new GradientDescent.Outcome(RunStatus.CONVERGED, step, theta, records, null);
        }
        return null;
    }

    private GradientDescent.Outcome diverged(double time, double[] state, List<TrainingRecord> records) {
        long at = (long) (time / eta);
        return new GradientDescent.Outcome(RunStatus.DIVERGED, at, state, records,
                "flow tail stopped at step " + at + ": non-finite values or step size underflow");
    }

    /**
     * θ with its fast components relaxed: one Newton step δ = −Σ_k (u_kᵀg/λ_k) u_k along the Hessian's
     * eigen-directions with λ_k·Δτ ≥ {@value #RELAX_TIMES} (Δτ: flow time since the last record). Those modes
     * have decayed by e^−50 since the last record in the flow (and in GD), so their exact value is the
     * quasi-static one, g·u_k = 0, to O(1/(λ_k τ_slow)); the integrator's local errors in them, amplified by
     * λ_k, would otherwise dominate ‖∇L_N‖ at the records once the slow gradient is small. {@code hessian} is
     * ∇²L_N(θ) (row-major). Returns null when no mode is relaxed (or the result is not finite): θ stands.
     */
    double[] relaxFast(double[] theta, double[] hessian, double dt) {
        int d = theta.length;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(DMatrixRMaj.wrap(d, d, hessian.clone()))) return null;
        double[] g = new double[d];
        loss.gradient(theta, g);
        double[] out = theta.clone();
        boolean relaxed = false;
        for (int k = 0; k < d; k++) {
            double lambda = eig.getEigenvalue(k).real;
            DMatrixRMaj u = eig.getEigenVector(k);
            if (u == null || !(lambda * dt >= RELAX_TIMES)) continue;
            double c = 0;
            for (int i = 0; i < d; i++) c += u.data[i] * g[i];
            c /= lambda;
            for (int i = 0; i < d; i++) out[i] -= c * u.data[i];
            relaxed = true;
        }
        return relaxed && Vectors.allFinite(out) ? out : null;
    }

    /** Largest eigenvalue of a symmetric matrix. */
    static double maxEigenvalue(DMatrixRMaj symmetric) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(symmetric.numRows, false, true);
        if (!eig.decompose(symmetric.copy())) return Double.NaN;
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < symmetric.numRows; i++) m = Math.max(m, eig.getEigenvalue(i).real);
        return m;
    }

    private TrainingRecord record(long step, double[] theta) {
        double[] g = new double[theta.length];
        double value = loss.gradient(theta, g);
        return new TrainingRecord(step, value, Vectors.norm(g), genExcess.applyAsDouble(theta), theta);
    }
}
