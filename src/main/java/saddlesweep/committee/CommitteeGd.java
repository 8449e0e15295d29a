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
 * and at the last step. It stops when ‖∇L_N‖ ≤ grad_tol ({@code converged}), at the step budget
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
        List<TrainingRecord> records = new ArrayList<>();
        LogGrid grid = new LogGrid(recordsPerDecade);
        long nextRecord = 0;
        long step = 0;
        while (true) {
            double l = loss.gradient(theta, grad);
            double g = Vectors.norm(grad);
            boolean finite = Double.isFinite(l) && Vectors.allFinite(theta);
            boolean last = !finite || g <= gradTol || step >= maxSteps;
            boolean handedOver = false;
            if (finite && (step == nextRecord || last)) {
                TrainingRecord r = new TrainingRecord(step, l, g, excess.value(theta), theta.clone());
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
