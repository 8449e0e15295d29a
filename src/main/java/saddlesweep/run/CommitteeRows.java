package saddlesweep.run;

import java.util.ArrayList;
import java.util.List;

import saddlesweep.committee.CommitteePipeline;
import saddlesweep.committee.CommitteeRunSummary;
import saddlesweep.gdfate.GdFate;
import saddlesweep.train.TrainingSettings;

/**
 * A committee-machine run (d &gt; 1) as rows of the tables: the columns its pipeline computes (status, end point,
 * spectrum, theory checks at θ*, the saddle sequence) filled in, the limit-at-infinity and GD-fate columns empty
 * ({@code gd_fate = unresolved}, saying why). θ-valued columns hold W row by row, then v; the teacher's too
 * ({@code teacher_w} has H*·d entries, so d = size(teacher_w) / size(teacher_v)).
 */
final class CommitteeRows {

    /** What {@code gd_evidence} says of a committee-machine run. */
    static final String NO_GD_FATE = "GD's own fate is not analysed for d > 1";

    private CommitteeRows() {
    }

    static RunResult of(RunConfig c, String taskId, CommitteePipeline.Result r) {
        CommitteeRunSummary s = r.run();
        TrainingSettings ts = c.training();
        double nan = Double.NaN;
        boolean withOptimum = !Double.isNaN(s.optTrainLoss());
        RunSummary summary = new RunSummary(null, taskId, c.n(), c.sigma2(), c.hidden(), c.dataSeed(), c.initSeed(),
                ts.eta(), ts.initScale(), ts.maxSteps(), c.inputStd(), c.teacher().name(), c.teacher().w(), c.teacher().v(),
                s.status(), s.error(), s.steps(), s.wallMs(), s.trainLoss(), s.genExcess(), s.gradNorm(), s.attractorKind(),
                s.attractor(), s.eigenvalues(), s.morseIndex(), s.nullDim(), s.singularity(), nan, s.certified(),
                s.optTrainLoss(), s.optGradNorm(), withOptimum ? 0.0 : nan, s.optDistance(), s.minGenExcess(),
                s.minGenExcessStep(), s.plateaus(), s.plateauSteps(), s.nearOptimal(), s.nearOptimalStep(), ts.tail(),
                s.gdSteps(), ts.flowTail() ? ts.horizonSteps() : ts.maxSteps(), s.certified(), null, null, null, nan, nan,
                null, nan, nan, 0, null, GdFate.unresolved(null, NO_GD_FATE).label(), 0, null, nan, nan, nan, nan, null,
                0, null, nan, nan, null, false, null, nan, null, 0, 0, 0, null, NO_GD_FATE, nan, nan, 0, nan, nan, nan, 0);
        List<RunEvent> events = new ArrayList<>(r.events().size());
        for (RunEvent e : r.events()) {
            events.add(new RunEvent(null, taskId, e.seq(), e.kind(), e.stepEnter(), e.stepDip(), e.stepExit(), e.trainLoss(),
                    e.genExcess(), e.gradNorm(), e.refined(), e.point(), e.eigenvalues(), e.morseIndex(), e.nullDim(),
                    e.singularity(), e.criticalTrainLoss(), e.criticalGenExcess(), e.criticalGradNorm(), e.detector(),
                    e.escapeEigenvalue(), e.distance(), e.predictedExit()));
        }
        List<TrajectoryPoint> trajectory = new ArrayList<>(r.trajectory().size());
        for (TrajectoryPoint p : r.trajectory()) {
            trajectory.add(new TrajectoryPoint(null, taskId, p.step(), p.trainLoss(), p.genExcess(), p.gradNorm(), p.theta()));
        }
        return new RunResult(summary, events, trajectory);
    }
}
