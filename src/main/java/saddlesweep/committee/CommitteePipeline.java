package saddlesweep.committee;

import java.util.ArrayList;
import java.util.List;

import saddlesweep.analysis.AnalysisSettings;
import saddlesweep.analysis.CriticalPointSolver;
import saddlesweep.analysis.NewtonPolish;
import saddlesweep.analysis.Spectrum;
import saddlesweep.run.RunEvent;
import saddlesweep.run.TrajectoryPoint;
import saddlesweep.sequence.SequenceFinder;
import saddlesweep.sequence.Visit;
import saddlesweep.sequence.VisitTally;
import saddlesweep.train.RunStatus;
import saddlesweep.train.TrainingRecord;

/**
 * Trains and analyses one committee-machine run: data, θ_0, plain GD on the log grid, the saddle sequence
 * ({@link SequenceFinder} with the {@link CommitteeGeometry}: the origin plateau, slow passages refined to critical
 * points — the symmetric plateau among them —, the near-optimal point), and the end point Newton-polished to the
 * minimum it lies at, if it does.
 */
public final class CommitteePipeline {

    static final double CRITICAL_GRAD_TOL = 1e-10;
    static final int CRITICAL_MAX_ITER = 300;

    /** The run's summary, its events (the visits, then the attractor) and its records. */
    public record Result(CommitteeRunSummary run, List<RunEvent> events, List<TrajectoryPoint> trajectory) {
    }

    private CommitteePipeline() {
    }

    /**
     * The steps of a symmetric plateau: from its first record to where the escape law puts its exit (the
     * specialising component growing by 1 + η|λ| per step from the dip), when the law applies; else to its last
     * record. (A run that converges after it keeps ‖∇L_N‖ within a decade of the dip to its end, so the last
     * record of the gradient's stretch says nothing about when it left the saddle.)
     */
    static long symmetricSteps(Visit v, long enter, long exit) {
        Long predicted = v.predictedExit();
        return predicted != null && predicted > enter ? predicted - enter : exit - enter;
    }

    public static Result run(CommitteeRunConfig c) {
        long start = System.nanoTime();
        int d = c.dim();
        AnalysisSettings as = c.analysis();
        CommitteeLoss loss = new CommitteeLoss(c.dataSet());
        CommitteeExcess excess = c.excess();
        CommitteeGd.Result gd = CommitteeGd.run(loss, excess, c.theta0(), c.eta(), c.maxSteps(), c.gradTol(),
                c.recordsPerDecade());
        List<TrainingRecord> records = gd.records();
        boolean diverged = gd.status() == RunStatus.DIVERGED;
        double tol = as.eigenRelTol();

        // the end point: an isolated minimum, or one on a critical manifold, or neither
        double[] end = gd.theta();
        String kind = "unresolved";
        String error = diverged ? "θ or L_N stopped being finite" : null;
        if (!diverged) {
            NewtonPolish polish = new NewtonPolish(loss, tol, as.refineMaxDistance());
            NewtonPolish.Result strict = polish.polish(end, NewtonPolish.Mode.STRICT);
            NewtonPolish.Result degenerate = strict.ok() ? strict : polish.polish(end, NewtonPolish.Mode.DEGENERATE);
            if (degenerate.ok()) {
                end = degenerate.theta();
                kind = strict.ok() ? "finite" : "degenerate";
            } else {
                error = "end point not at a minimum (" + degenerate.reason() + "); limits at infinity are not analysed for d > 1";
            }
        }
        boolean certified = !"unresolved".equals(kind);
        double trainLoss = loss.value(end);
        double genExcess = excess.value(end);
        double gradNorm = loss.gradientNorm(end);
        Spectrum spectrum = diverged ? null : Spectrum.of(loss.hessian(end));

        // the sequence
        CriticalPointSolver solver = new CriticalPointSolver(loss, CRITICAL_GRAD_TOL, CRITICAL_MAX_ITER);
        CommitteeGeometry geometry = new CommitteeGeometry(loss, new CommitteeEmbedding(loss, CRITICAL_GRAD_TOL, CRITICAL_MAX_ITER));
        List<Visit> visits = records.isEmpty() ? List.of()
                : new SequenceFinder(loss, c.eta(), as, solver, geometry).visits(records, diverged ? Double.NaN : genExcess);
        List<RunEvent> events = new ArrayList<>();
        VisitTally tally = new VisitTally();
        int symmetric = 0;
        long symmetricSteps = 0;
        for (Visit v : visits) {
            TrainingRecord dip = records.get(v.dipIndex());
            long enter = records.get(v.enterIndex()).step();
            long exit = records.get(v.exitIndex()).step();
            Spectrum sp = v.spectrum();
            if (tally.add(v, records) && "overlap".equals(v.singularity()) && sp.morseIndex(tol) >= 1) {
                symmetric++;                       // a plateau at a saddle of the overlap set
                symmetricSteps += symmetricSteps(v, enter, exit);
            }
            double[] p = v.point();
            events.add(new RunEvent(null, null, events.size(), v.kind(), enter, dip.step(), exit, dip.trainLoss(),
                    dip.genExcess(), dip.gradNorm(), v.refined(), CommitteeSymmetry.canonical(p, d), sp.values(),
                    sp.morseIndex(tol), sp.nullDim(tol), v.singularity(), loss.value(p), excess.value(p),
                    loss.gradientNorm(p), v.detector(), v.escapeEigenvalue(), v.distance(), v.predictedExit()));
        }
        long lastStep = gd.steps();
        String singular = CommitteeSymmetry.singularity(end, d, as.singularTol());
        double[] canon = CommitteeSymmetry.canonical(end, d);
        events.add(new RunEvent(null, null, events.size(), "attractor", lastStep, lastStep, lastStep, trainLoss,
                genExcess, gradNorm, certified, canon, spectrum == null ? new double[0] : spectrum.values(),
                spectrum == null ? -1 : spectrum.morseIndex(tol), spectrum == null ? -1 : spectrum.nullDim(tol), singular,
                trainLoss, genExcess, gradNorm, "fate", Double.NaN, 0.0, null));

        double minE = Double.POSITIVE_INFINITY;
        long minStep = 0;
        List<TrajectoryPoint> trajectory = new ArrayList<>(records.size());
        for (TrainingRecord r : records) {
            if (r.genExcess() < minE) {
                minE = r.genExcess();
                minStep = r.step();
            }
            trajectory.add(new TrajectoryPoint(null, null, r.step(), r.trainLoss(), r.genExcess(), r.gradNorm(), r.theta()));
        }
        if (!diverged && genExcess < minE) {
            minE = genExcess;
            minStep = lastStep;
        }
        CommitteeRunSummary summary = new CommitteeRunSummary(d, loss.data().size(), c.sigma2(), c.hidden(),
                c.dataSeed(), c.initSeed(), c.eta(), c.initScale(), c.maxSteps(), c.inputStd(), c.teacher(),
                gd.status().label(), lastStep, (System.nanoTime() - start) / 1_000_000, trainLoss, genExcess, gradNorm,
                kind, certified, canon, spectrum == null ? new double[0] : spectrum.values(),
                spectrum == null ? -1 : spectrum.morseIndex(tol), spectrum == null ? -1 : spectrum.nullDim(tol), singular,
                minE, minStep, tally.plateaus(), tally.plateauSteps(), symmetric, symmetricSteps, tally.nearOptimal(),
                tally.nearOptimalStep(), error);
        return new Result(summary, events, trajectory);
    }
}
