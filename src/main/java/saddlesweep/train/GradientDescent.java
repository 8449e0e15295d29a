package saddlesweep.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import saddlesweep.model.DataSet;

/**
 * Full-batch gradient descent θ ← θ − η ∇L_N(θ) with records on a log-spaced step grid (plus the last step).
 * It stops when ‖∇L_N‖ ≤ gradTol ({@code converged}), when the step budget is spent ({@code budget}),
 * on a non-finite loss or gradient ({@code diverged}), or when the {@link Finisher} — asked at every record
 * after the first — takes over (a Newton polish from inside a minimum's basin; {@code converged}).
 */
public final class GradientDescent {

    /** Finishes a run early from a recorded iterate: returns true when it has taken over. */
    public interface Finisher {
        boolean tryFinish(TrainingRecord record);
    }

    /** How the loop ended. */
    public record Outcome(RunStatus status, long steps, double[] theta, List<TrainingRecord> records, String error) {
    }

    private final GradientKernel kernel;
    private final TrainingSettings settings;
    private final ToDoubleFunction<double[]> genExcess;

    /**
     * @param genExcess E(θ), evaluated at records only
     */
    public GradientDescent(DataSet data, TrainingSettings settings, ToDoubleFunction<double[]> genExcess) {
        this(Kernels.forData(data), settings, genExcess);
    }

    public GradientDescent(GradientKernel kernel, TrainingSettings settings, ToDoubleFunction<double[]> genExcess) {
        this.kernel = kernel;
        this.settings = settings;
        this.genExcess = genExcess;
    }

    public Outcome run(double[] theta0, Finisher finisher) {
        double[] theta = theta0.clone();
        double[] grad = new double[theta.length];
        List<TrainingRecord> records = new ArrayList<>();
        LogGrid grid = new LogGrid(settings.recordsPerDecade());
        double eta = settings.eta();
        long maxSteps = settings.maxSteps();
        long nextRecord = 0;
        for (long step = 0; ; step++) {
            double loss = kernel.lossAndGradient(theta, grad);
            double gg = 0;
            for (double g : grad) gg += g * g;
            double gnorm = Math.sqrt(gg);
            if (!Double.isFinite(loss) || !Double.isFinite(gnorm)) {
                return new Outcome(RunStatus.DIVERGED, step, theta, records,
                        "non-finite " + (Double.isFinite(loss) ? "gradient" : "loss") + " at step " + step);
            }
            boolean last = gnorm <= settings.gradTol() || step >= maxSteps;
            if (step == nextRecord || last) {
                TrainingRecord r = new TrainingRecord(step, loss, gnorm, genExcess.applyAsDouble(theta), theta.clone());
                records.add(r);
                nextRecord = grid.next(step);
                if (!last && step > 0 && finisher != null && finisher.tryFinish(r)) {
                    return new Outcome(RunStatus.CONVERGED, step, theta, records, null);
                }
            }
            if (last) {
                return new Outcome(gnorm <= settings.gradTol() ? RunStatus.CONVERGED : RunStatus.BUDGET, step, theta, records, null);
            }
            for (int k = 0; k < theta.length; k++) theta[k] -= eta * grad[k];
        }
    }
}
