package saddlesweep.run;

import java.util.ArrayList;
import java.util.List;

import saddlesweep.committee.CommitteePipeline;
import saddlesweep.committee.CommitteeRunSummary;
import saddlesweep.train.TrainingSettings;

/**
 * A committee-machine run (d &gt; 1) as rows of the tables: the columns its pipeline computes (status, end point,
 * spectrum, theory checks at θ*, the saddle sequence, the flow's limit, GD's own fate) filled in; {@code limit_params}
 * hold a committee closure's canonical parameters ({@code CommitteeClosure#canonicalParams}: a sign term's direction
 * u before its v), the other θ-valued columns W row by row, then v (a cycle's points one after the other); the teacher's too
 * ({@code teacher_w} has H*·d entries, so d = size(teacher_w) / size(teacher_v)).
 */
final class CommitteeRows {

    private CommitteeRows() {
    }

    static RunResult of(RunConfig c, String taskId, CommitteePipeline.Result r) {
        CommitteeRunSummary s = r.run();
        GdSummary g = s.gd();
        TrainingSettings ts = c.training();
        double nan = Double.NaN;
        boolean withOptimum = !Double.isNaN(s.optTrainLoss());
        RunSummary summary = new RunSummary(null, taskId, c.n(), c.sigma2(), c.hidden(), c.dataSeed(), c.initSeed(),
                ts.eta(), ts.initScale(), ts.maxSteps(), c.inputStd(), c.teacher().name(), c.teacher().w(), c.teacher().v(),
                s.status(), s.error(), s.steps(), s.wallMs(), s.trainLoss(), s.genExcess(), s.gradNorm(), s.attractorKind(),
                s.attractor(), s.eigenvalues(), s.morseIndex(), s.nullDim(), s.singularity(), nan, s.certified(),
                s.optTrainLoss(), s.optGradNorm(), withOptimum ? 0.0 : nan, s.optDistance(), s.minGenExcess(),
                s.minGenExcessStep(), s.plateaus(), s.plateauSteps(), s.nearOptimal(), s.nearOptimalStep(), ts.tail(),
                s.gdSteps(), ts.flowTail() ? ts.horizonSteps() : ts.maxSteps(), s.certified(), s.infinityMechanism(), s.limitModel(),
                s.limitParams(), s.limitTrainLoss(), s.limitGenExcess(), s.approach(), s.approachRate(), nan, g.flowEvaluations(), g.gdUnstableStep(), g.gdFate(), g.gdPeriod(), g.gdOrbit(),
                g.gdTrainLoss(), g.gdGenExcess(), g.gdAmplitude(), g.gdMultiplier(), g.gdMultipliers(), g.gdNeutral(),
                g.gdNeutralDirections(), g.gdSharpness(), g.gdLyapunov(), g.gdStep(), g.gdCertified(), g.gdHandoverStep(),
                g.gdMaxAbsV(), g.gdBranch(), g.gdFateSteps(), g.gdFateEvaluations(), g.gdModeledSteps(), g.gdStart(),
                g.gdEvidence(), g.gdLyapunovError(), g.gdSettlingSteps(), g.gdBursts(), g.gdBurstSpan(), g.gdBurstSlope(),
                g.gdBurstSlopeError(), g.gdTangentSteps());
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
