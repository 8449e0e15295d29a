package saddlesweep.run;

import java.util.ArrayList;
import java.util.List;

import saddlesweep.analysis.AnalysisSettings;
import saddlesweep.analysis.CriticalPointSolver;
import saddlesweep.analysis.Optimum;
import saddlesweep.analysis.Spectrum;
import saddlesweep.committee.CommitteePipeline;
import saddlesweep.flowfate.AttractorFinder;
import saddlesweep.flowfate.AttractorKind;
import saddlesweep.flowfate.Fate;
import saddlesweep.flowfate.FateFinder;
import saddlesweep.gdfate.BurstEnvelope;
import saddlesweep.gdfate.GdFate;
import saddlesweep.model.ClosureNetwork;
import saddlesweep.model.DataSet;
import saddlesweep.model.PopulationExcess;
import saddlesweep.model.Singularity;
import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Symmetry;
import saddlesweep.run.PhaseClock.Phase;
import saddlesweep.sequence.EmbeddedCriticalPoints;
import saddlesweep.sequence.ScalarGeometry;
import saddlesweep.sequence.SequenceFinder;
import saddlesweep.sequence.Visit;
import saddlesweep.sequence.VisitTally;
import saddlesweep.train.RunStatus;
import saddlesweep.train.TrainingRecord;
import saddlesweep.train.TrainingSettings;

/**
 * Trains and analyses one run: data, initial point, gradient descent with log-spaced records and an early
 * Newton finish, slow passages refined to their critical points, the attractor, and the theory checks
 * against θ*. A teacher with d &gt; 1 inputs hands the run to the committee machine's pipeline ({@link CommitteeRows}).
 * Never throws: a run that fails becomes a {@code failed} row with the error text.
 */
public final class RunPipeline {

    /** Gradient norm at which a refined critical point counts as found. */
    static final double CRITICAL_GRAD_TOL = 1e-10;
    static final int CRITICAL_MAX_ITER = 300;

    private RunPipeline() {
    }

    public static RunResult run(RunConfig config) {
        long start = System.nanoTime();
        String taskId = config.taskId();
        try {
            if (config.committee()) return CommitteeRows.of(config, taskId, CommitteePipeline.run(config.committeeConfig()));
            return analyse(config, taskId, start);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            String msg = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new RunResult(failedSummary(config, taskId, msg, elapsedMs(start)), List.of(), List.of());
        }
    }

    private static RunResult analyse(RunConfig c, String taskId, long start) {
        TrainingSettings ts = c.training();
        AnalysisSettings as = c.analysis();
        DataSet data = c.dataSet();
        SquaredLoss lossN = SquaredLoss.empirical(data);
        PopulationExcess pop = new PopulationExcess(c.teacher(), c.inputStd());

        PhaseClock.enter(Phase.GD);
        TrainingTail.Result trained = TrainingTail.run(c, data, lossN, pop);
        List<TrainingRecord> records = trained.records();
        boolean diverged = trained.status() == RunStatus.DIVERGED;
        PhaseClock.enter(Phase.FATE);
        Fate fate = diverged ? Fate.unresolved(trained.theta(), trained.error())
                : new FateFinder(lossN, pop, ts.eta(), as, c.inputStd(), FateFinder.GAP_TOL).of(records, trained.polished());
        long lastStep = records.isEmpty() ? trained.steps() : records.get(records.size() - 1).step();
        PhaseClock.enter(Phase.GD_FATE);
        GdFateOfRun.Outcome gd = GdFateOfRun.of(c, data, lossN, pop, trained, fate);
        PhaseClock.count(Phase.GD_FATE, gd.gdSteps() + gd.flowEvaluations(), 0);
        PhaseClock.enter(Phase.CHECKS);
        GdColumns gdc = GdColumns.of(gd, lossN, ts.eta());

        // the attractor and its curvature
        double[] a = fate.theta();
        double[] aCanon = Symmetry.canonical(a);
        double trainLoss = lossN.value(a);
        double genExcess = pop.value(a);
        double gradNorm = lossN.gradientNorm(a);
        Spectrum aSpec = diverged ? null : Spectrum.of(lossN.hessian(a));
        double tol = as.eigenRelTol();
        boolean polished = fate.certified() && fate.kind() != AttractorKind.AT_INFINITY;

        // E along the run: the early-stopping point
        double minE = Double.POSITIVE_INFINITY;
        long minStep = 0;
        for (TrainingRecord r : records) {
            if (r.genExcess() < minE) {
                minE = r.genExcess();
                minStep = r.step();
            }
        }
        if (!diverged && genExcess < minE) {
            minE = genExcess;
            minStep = lastStep;
        }

        // the sequence: origin plateau, slow passages, the near-optimal point
        PhaseClock.enter(Phase.SEQUENCE);
        CriticalPointSolver solver = new CriticalPointSolver(lossN, CRITICAL_GRAD_TOL, CRITICAL_MAX_ITER);
        List<Visit> visits = new SequenceFinder(lossN, ts.eta(), as, solver, new ScalarGeometry(lossN,
                new EmbeddedCriticalPoints(lossN, CRITICAL_GRAD_TOL, CRITICAL_MAX_ITER))).visits(records, diverged ? Double.NaN : genExcess);
        List<RunEvent> events = new ArrayList<>();
        VisitTally tally = new VisitTally();
        for (Visit v : visits) {
            TrainingRecord dip = records.get(v.dipIndex());
            long enter = records.get(v.enterIndex()).step();
            long exit = records.get(v.exitIndex()).step();
            tally.add(v, records);
            double[] point = v.point();
            Spectrum sp = v.spectrum();
            events.add(new RunEvent(null, taskId, events.size(), v.kind(), enter, dip.step(), exit,
                    dip.trainLoss(), dip.genExcess(), dip.gradNorm(), v.refined(), Symmetry.canonical(point),
                    sp.values(), sp.morseIndex(tol), sp.nullDim(tol), v.singularity(),
                    lossN.value(point), pop.value(point), lossN.gradientNorm(point),
                    v.detector(), v.escapeEigenvalue(), v.distance(), v.predictedExit()));
        }
        PhaseClock.enter(Phase.CHECKS);
        String singular = Singularity.of(a, as.singularTol()).label();
        double[] aEig = aSpec == null ? new double[0] : aSpec.values();
        int aIndex = aSpec == null ? -1 : aSpec.morseIndex(tol);
        int aNull = aSpec == null ? -1 : aSpec.nullDim(tol);
        events.add(new RunEvent(null, taskId, events.size(), "attractor", lastStep, lastStep,
                lastStep, trainLoss, genExcess, gradNorm, polished, aCanon, aEig, aIndex, aNull,
                singular, trainLoss, genExcess, gradNorm, "fate", fate.escapeEigenvalue(), 0.0, null));

        // theory checks at θ*
        Optimum opt = Optimum.of(c.teacher(), c.hidden(), c.inputStd());
        double optTrain = lossN.value(opt.theta());
        double optGrad = lossN.gradientNorm(opt.theta());
        double optDistance = Symmetry.distance(a, opt.theta());

        PhaseClock.enter(Phase.WRITING);
        List<TrajectoryPoint> trajectory = new ArrayList<>(records.size());
        for (TrainingRecord r : records) {
            trajectory.add(new TrajectoryPoint(null, taskId, r.step(), r.trainLoss(), r.genExcess(), r.gradNorm(), r.theta()));
        }
        String error = trained.error() == null ? fate.reason()
                : fate.reason() == null || fate.reason().equals(trained.error()) ? trained.error() : trained.error() + "; " + fate.reason();
        if (gd.fate().reason() != null && gd.fate().kind() != saddlesweep.gdfate.GdFateKind.FLOW) {
            error = (error == null ? "" : error + "; ") + "GD fate: " + gd.fate().reason();
        }
        ClosureNetwork limit = fate.limit();
        BurstEnvelope bursts = gd.fate().bursts();
        RunSummary summary = new RunSummary(null, taskId, c.n(), c.sigma2(), c.hidden(), c.dataSeed(), c.initSeed(),
                ts.eta(), ts.initScale(), ts.maxSteps(), c.inputStd(), c.teacher().name(), c.teacher().w(), c.teacher().v(),
                trained.status().label(), error, lastStep, elapsedMs(start),
                trainLoss, genExcess, gradNorm, fate.kind().label(), aCanon, aEig, aIndex, aNull, singular,
                records.isEmpty() ? Double.NaN : AttractorFinder.drift(records), polished, optTrain, optGrad,
                opt.genExcess(), optDistance, minE, minStep, tally.plateaus(), tally.plateauSteps(), tally.nearOptimal(),
                tally.nearOptimalStep(),
                ts.tail(), trained.gdSteps(), ts.flowTail() ? ts.horizonSteps() : ts.maxSteps(), fate.certified(),
                fate.mechanisms(), limit == null ? null : limit.label(), limit == null ? null : limit.params(),
                fate.limitTrainLoss(), fate.limitGenExcess(), fate.approach(), fate.approachRate(),
                fate.escapeEigenvalue(), trained.flowEvaluations(), trained.unstableStep(), gd.fate().label(),
                gd.fate().period(), gdc.orbit(), gd.fate().meanTrainLoss(), gd.fate().meanGenExcess(), gdc.amplitude(),
                gdc.multiplier(), gdc.multipliers(), gdc.neutral(), gdc.neutralDirections(), gd.fate().sharpness(),
                gd.fate().lyapunov(), gd.fate().step(), gd.fate().certified(), gd.handoverStep(), gdc.maxAbsV(),
                gd.fate().branch(), gd.gdSteps(), gd.flowEvaluations(), 0L, gd.start(), gd.fate().evidence(),
                gd.fate().lyapunovError(), gd.fate().cycle() == null ? Double.NaN : gd.fate().cycle().settlingSteps(),
                bursts == null ? 0 : bursts.bursts(), bursts == null ? Double.NaN : bursts.span(),
                bursts == null ? Double.NaN : bursts.slope(), bursts == null ? Double.NaN : bursts.slopeError(),
                gd.tangentSteps());
        return new RunResult(summary, events, trajectory);
    }

    private static RunSummary failedSummary(RunConfig c, String taskId, String error, long wallMs) {
        TrainingSettings ts = c.training();
        double nan = Double.NaN;
        return new RunSummary(null, taskId, c.n(), c.sigma2(), c.hidden(), c.dataSeed(), c.initSeed(),
                ts.eta(), ts.initScale(), ts.maxSteps(), c.inputStd(), c.teacher().name(), c.teacher().w(), c.teacher().v(),
                RunStatus.FAILED.label(), error, 0, wallMs, nan, nan, nan, AttractorKind.UNRESOLVED.label(), new double[0],
                new double[0], -1, -1, "none", nan, false, nan, nan, nan, nan, nan, 0, 0, 0, 0, null,
                ts.tail(), 0, ts.flowTail() ? ts.horizonSteps() : ts.maxSteps(), false, null, null, null, nan, nan,
                null, nan, nan, 0, null, GdFate.unresolved(null, error).label(), 0, null, nan, nan, nan, nan, null,
                0, null, nan, nan, null, false, null, nan, null, 0, 0, 0, null, null, nan, nan, 0, nan, nan, nan, 0);
    }

    private static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
