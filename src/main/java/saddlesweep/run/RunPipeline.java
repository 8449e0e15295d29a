package saddlesweep.run;

import java.util.ArrayList;
import java.util.List;

import saddlesweep.analysis.AnalysisSettings;
import saddlesweep.analysis.Attractor;
import saddlesweep.analysis.AttractorFinder;
import saddlesweep.analysis.AttractorKind;
import saddlesweep.analysis.CriticalPointSolver;
import saddlesweep.analysis.Optimum;
import saddlesweep.analysis.PassageLabel;
import saddlesweep.analysis.SlowPassage;
import saddlesweep.analysis.SlowPassageDetector;
import saddlesweep.analysis.Spectrum;
import saddlesweep.model.DataSet;
import saddlesweep.model.PopulationExcess;
import saddlesweep.model.Singularity;
import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Symmetry;
import saddlesweep.model.Vectors;
import saddlesweep.train.GradientDescent;
import saddlesweep.train.TrainingRecord;
import saddlesweep.train.TrainingSettings;

/**
 * Trains and analyses one run: data, initial point, gradient descent with log-spaced records and an early
 * Newton finish, slow passages refined to their critical points, the attractor, and the theory checks
 * against θ*. Never throws: a run that fails becomes a {@code failed} row with the error text.
 */
public final class RunPipeline {

    /** Gradient norm at which a refined critical point counts as found. */
    static final double CRITICAL_GRAD_TOL = 1e-12;
    static final int CRITICAL_MAX_ITER = 300;

    private RunPipeline() {
    }

    public static RunResult run(RunConfig config) {
        long start = System.nanoTime();
        String taskId = config.taskId();
        try {
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

        AttractorFinder finder = new AttractorFinder(lossN, ts.eta(), as);
        Attractor[] early = new Attractor[1];
        GradientDescent.Finisher finisher = !ts.polish() ? null : r -> (early[0] = finder.tryFinish(r)) != null;
        GradientDescent.Outcome outcome = new GradientDescent(data, ts, pop::value).run(c.initialTheta(), finisher);
        Attractor attractor = early[0] != null ? early[0] : finder.classify(outcome);
        List<TrainingRecord> records = outcome.records();
        boolean diverged = GradientDescent.DIVERGED.equals(outcome.status());

        // the attractor and its curvature
        double[] a = attractor.theta();
        double[] aCanon = Symmetry.canonical(a);
        double trainLoss = lossN.value(a);
        double genExcess = pop.value(a);
        double gradNorm = lossN.gradientNorm(a);
        Spectrum aSpec = diverged ? null : Spectrum.of(lossN.hessian(a));
        double tol = as.eigenRelTol();

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
            minStep = outcome.steps();
        }

        // slow passages
        double[] g = new double[records.size()];
        for (int i = 0; i < g.length; i++) g[i] = records.get(i).gradNorm();
        List<SlowPassage> passages = new SlowPassageDetector(as.dipFactor()).detect(g);
        List<RunEvent> events = new ArrayList<>();
        CriticalPointSolver solver = new CriticalPointSolver(lossN, CRITICAL_GRAD_TOL, CRITICAL_MAX_ITER);
        int plateaus = 0;
        int nearOptimal = 0;
        long plateauSteps = 0;
        Long nearOptimalStep = null;
        for (SlowPassage p : passages) {
            TrainingRecord dip = records.get(p.dipIndex());
            double minLater = diverged ? Double.POSITIVE_INFINITY : genExcess;       // E from the entry on
            for (int i = p.enterIndex(); i < records.size(); i++) minLater = Math.min(minLater, records.get(i).genExcess());
            String kind = PassageLabel.of(dip.genExcess(), minLater, as);
            CriticalPointSolver.Result cp = solver.solve(dip.theta());
            boolean refined = cp.converged() && Vectors.distance(cp.theta(), dip.theta()) <= as.refineMaxDistance();
            double[] point = refined ? cp.theta() : dip.theta();
            Spectrum sp = Spectrum.of(lossN.hessian(point));
            long enter = records.get(p.enterIndex()).step();
            long exit = records.get(p.exitIndex()).step();
            if (PassageLabel.PLATEAU.equals(kind)) {
                plateaus++;
                plateauSteps += exit - enter;
            } else {
                nearOptimal++;
                if (nearOptimalStep == null) nearOptimalStep = dip.step();
            }
            events.add(new RunEvent(null, taskId, events.size(), kind, enter, dip.step(), exit,
                    dip.trainLoss(), dip.genExcess(), dip.gradNorm(), refined, Symmetry.canonical(point),
                    sp.values(), sp.morseIndex(tol), sp.nullDim(tol),
                    Singularity.of(point, as.singularTol()).label(),
                    lossN.value(point), pop.value(point), lossN.gradientNorm(point)));
        }
        String singular = Singularity.of(a, as.singularTol()).label();
        double[] aEig = aSpec == null ? new double[0] : aSpec.values();
        int aIndex = aSpec == null ? -1 : aSpec.morseIndex(tol);
        int aNull = aSpec == null ? -1 : aSpec.nullDim(tol);
        events.add(new RunEvent(null, taskId, events.size(), "attractor", outcome.steps(), outcome.steps(),
                outcome.steps(), trainLoss, genExcess, gradNorm, attractor.polished(), aCanon, aEig, aIndex, aNull,
                singular, trainLoss, genExcess, gradNorm));

        // theory checks at θ*
        Optimum opt = Optimum.of(c.teacher(), c.hidden(), c.inputStd());
        double optTrain = lossN.value(opt.theta());
        double optGrad = lossN.gradientNorm(opt.theta());
        double optDistance = Symmetry.distance(a, opt.theta());

        List<TrajectoryPoint> trajectory = new ArrayList<>(records.size());
        for (TrainingRecord r : records) {
            trajectory.add(new TrajectoryPoint(null, taskId, r.step(), r.trainLoss(), r.genExcess(), r.gradNorm(), r.theta()));
        }
        RunSummary summary = new RunSummary(null, taskId, c.n(), c.sigma2(), c.hidden(), c.dataSeed(), c.initSeed(),
                ts.eta(), ts.initScale(), ts.maxSteps(), c.inputStd(), c.teacher().name(), c.teacher().w(), c.teacher().v(),
                outcome.status(), outcome.error(), outcome.steps(), elapsedMs(start),
                trainLoss, genExcess, gradNorm, attractor.kind().label(), aCanon, aEig, aIndex, aNull, singular,
                attractor.drift(), attractor.polished(), optTrain, optGrad, opt.genExcess(), optDistance,
                minE, minStep, plateaus, plateauSteps, nearOptimal, nearOptimalStep);
        return new RunResult(summary, events, trajectory);
    }

    private static RunSummary failedSummary(RunConfig c, String taskId, String error, long wallMs) {
        TrainingSettings ts = c.training();
        double nan = Double.NaN;
        return new RunSummary(null, taskId, c.n(), c.sigma2(), c.hidden(), c.dataSeed(), c.initSeed(),
                ts.eta(), ts.initScale(), ts.maxSteps(), c.inputStd(), c.teacher().name(), c.teacher().w(), c.teacher().v(),
                "failed", error, 0, wallMs, nan, nan, nan, AttractorKind.UNRESOLVED.label(), new double[0],
                new double[0], -1, -1, "none", nan, false, nan, nan, nan, nan, nan, 0, 0, 0, 0, null);
    }

    private static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
