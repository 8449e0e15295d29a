package saddlesweep.committee;

import java.util.List;

import saddlesweep.analysis.AnalysisSettings;
import saddlesweep.flowfate.Attractor;
import saddlesweep.flowfate.AttractorFinder;
import saddlesweep.flowfate.Fate;
import saddlesweep.run.GdProblem;
import saddlesweep.run.TrainingTail;
import saddlesweep.train.EdgeHandover;
import saddlesweep.train.GdMap;
import saddlesweep.train.GradientKernel;
import saddlesweep.train.TrainingRecord;

/**
 * GD's fate problem of a committee-machine run: the GD map of its L_N (the analytic {@link CommitteeLoss}, its
 * Hessian-vector product for the tangent map), GD's iterates on the kernel training used ({@link CommitteeKernel}
 * for tanh), its modified flow ({@link CommitteeFlowField}), and the flow's limit: a certified finite or degenerate
 * minimum, a certified limit at infinity ({@link CommitteeLimits}), or unresolved.
 */
public record CommitteeGdProblem(CommitteeRunConfig c, CommitteeLoss loss, CommitteeExcess excess) implements GdProblem {

    @Override
    public double eta() {
        return c.eta();
    }

    @Override
    public AnalysisSettings analysis() {
        return c.analysis();
    }

    @Override
    public double[] initialTheta() {
        return c.theta0();
    }

    /** N·H·(d + 1)/2: GD's cost per step in the scalar model's units (N·H at d = 1). */
    @Override
    public double workPerStep() {
        return (double) loss.data().size() * c.hidden() * (c.dim() + 1) / 2;
    }

    @Override
    public GdMap map() {
        return new GdMap(loss, loss::hessianVector, c.eta());
    }

    @Override
    public GradientKernel kernel() {
        return CommitteeKernel.forLoss(loss);
    }

    @Override
    public double genExcess(double[] theta) {
        return excess.value(theta);
    }

    @Override
    public EdgeHandover.Point edgeBefore(double[] thetaA, long stepA, long stepB) {
        return EdgeHandover.before(loss, new CommitteeFlowField(loss, c.eta(), thetaA.length), c.eta(), thetaA, stepA, stepB);
    }

    @Override
    public TrainingTail.Flow flow(double[] theta, long step, List<TrainingRecord> records) {
        return CommitteePipeline.flow(c, loss, excess, new AttractorFinder(loss, c.eta(), c.analysis()), theta, step, records);
    }

    @Override
    public Fate flowFate(List<TrainingRecord> records, Attractor polished) {
        return CommitteePipeline.limit(records.get(records.size() - 1).theta(), records, polished, loss, excess, c, "").fate();
    }
}
