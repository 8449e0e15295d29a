package saddlesweep.committee;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import saddlesweep.model.Vectors;
import saddlesweep.train.LogGrid;
import saddlesweep.train.RunStatus;
import saddlesweep.train.TrainingRecord;

/**
 * Plain full-batch GD on a committee machine's L_N, θ ← θ − η ∇L_N(θ), recorded on the log grid (L_N, ‖∇L_N‖, E, θ)
 * and at the last step. With tanh the steps take their gradient from the {@link CommitteeKernel} (the records' L_N
 * and ‖∇L_N‖ from {@link CommitteeLoss}); with another activation from CommitteeLoss. It stops when ‖∇L_N‖ ≤ grad_tol ({@code converged}), at the step budget
 * ({@code budget}), when θ or L_N stops being finite ({@code diverged}), or when {@code handOver} says so at a
 * record ({@code budget}, {@link Result#handedOver}).
 */
public final class CommitteeGd {

    /** The records, where GD stopped, and why. */
    public record Result(List<TrainingRecord> records, double[] theta, long steps, RunStatus status, boolean handedOver) {
    }

    private CommitteeGd() {
    }

    public static Result run(CommitteeLoss loss, CommitteeExcess excess, double[] theta0, double eta, long maxSteps,
                             double gradTol, int recordsPerDecade, Predicate<TrainingRecord> handOver) {
        double[] theta = theta0.clone();
        double[] grad = new double[theta.length];
        // the steps on the vector kernel (tanh); the records from CommitteeLoss's analytic sums
        CommitteeKernel kernel = loss.activation() == Activation.TANH ? new CommitteeKernel(loss.data()) : null;
        List<TrainingRecord> records = new ArrayList<>();
        LogGrid grid = new LogGrid(recordsPerDecade);
        long nextRecord = 0;
        long step = 0;
        while (true) {
            double l = kernel != null ? kernel.lossAndGradient(theta, grad) : loss.gradient(theta, grad);
            double g = Vectors.norm(grad);
            boolean finite = Double.isFinite(l) && Vectors.allFinite(theta);
            boolean last = !finite || g <= gradTol || step >= maxSteps;
            boolean handedOver = false;
            if (finite && (step == nextRecord || last)) {
                double[] exact = new double[theta.length];
                double le = kernel != null ? loss.gradient(theta, exact) : l;
                TrainingRecord r = new TrainingRecord(step, le, kernel != null ? Vectors.norm(exact) : g,
                        excess.value(theta), theta.clone());
                records.add(r);
                if (step == nextRecord) nextRecord = grid.next(step);
                handedOver = !last && handOver.test(r);
            }
            if (last || handedOver) {
                RunStatus status = !finite ? RunStatus.DIVERGED : g <= gradTol ? RunStatus.CONVERGED : RunStatus.BUDGET;
                return new Result(records, theta, step, status, handedOver);
            }
            for (int i = 0; i < theta.length; i++) theta[i] -= eta * grad[i];
            step++;
        }
    }
}
