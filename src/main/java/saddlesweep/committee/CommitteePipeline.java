package saddlesweep.committee;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import saddlesweep.analysis.AnalysisSettings;
import saddlesweep.analysis.CriticalPointSolver;
import saddlesweep.analysis.Spectrum;
import saddlesweep.flowfate.Attractor;
import saddlesweep.flowfate.AttractorFinder;
import saddlesweep.model.Vectors;
import saddlesweep.run.RunEvent;
import saddlesweep.run.TrainingTail;
import saddlesweep.run.TrajectoryPoint;
import saddlesweep.sequence.SequenceFinder;
import saddlesweep.sequence.Visit;
import saddlesweep.sequence.VisitTally;
import saddlesweep.train.FlowTail;
import saddlesweep.train.GradientDescent;
import saddlesweep.train.RunStatus;
import saddlesweep.train.TrainingRecord;
import saddlesweep.train.TrainingSettings;

/**
 * Trains and analyses one committee-machine run: data, θ_0, plain GD on the log grid and the flow it follows
 * ({@link #train}), the saddle sequence ({@link SequenceFinder} with the {@link CommitteeGeometry}: the origin
 * plateau, slow passages refined to critical points — the symmetric plateau among them —, the near-optimal point),
 * and the end point certified as the minimum it lies at, if it does, with the theory checks at θ*.
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

    /**
     * How training ended: plain GD, then (tail: flow) the flow GD follows, to the horizon; {@code polished} is the
     * certified minimum a record's polish found (null if none), {@code gdSteps} where plain GD ended.
     */
    record Training(RunStatus status, long steps, double[] theta, List<TrainingRecord> records, long gdSteps,
                    Attractor polished, String error) {

        /** Where the flow went, for the note of an end point that is no minimum: ‖θ‖ over the tail. */
        String drift() {
            if (gdSteps == steps) return "";
            double from = Double.NaN;
            for (TrainingRecord r : records) {
                if (r.step() >= gdSteps) {
                    from = Vectors.norm(r.theta());
                    break;
                }
            }
            return String.format(Locale.ROOT, "; the flow from step %d to %d took ‖θ‖ from %.6g to %.6g", gdSteps, steps,
                    from, Vectors.norm(theta));
        }
    }

    /**
     * Plain GD; at every record where ‖∇L_N‖ is falling a strict Newton polish is tried
     * ({@link AttractorFinder#tryFinish}) and ends the run on a certified minimum. With {@code tail: flow}, GD hands
     * over to the {@link FlowTail} (the {@link CommitteeFlowField}) at the first of two consecutive records from step
     * {@value TrainingTail#SWITCH_MIN_STEP} on where the motion is slow ({@link TrainingTail#slowMotion}), or when
     * max_steps is spent, as for a scalar input; the tail ends at the horizon or where the polish succeeds.
     */
    static Training train(CommitteeRunConfig c, CommitteeLoss loss, CommitteeExcess excess) {
        double eta = c.eta();
        boolean flowTail = TrainingSettings.TAIL_FLOW.equals(c.tail());
        AttractorFinder finder = new AttractorFinder(loss, eta, c.analysis());
        Attractor[] polished = new Attractor[1];
        int[] slow = new int[1];
        CommitteeGd.Result gd = CommitteeGd.run(loss, excess, c.theta0(), eta, c.maxSteps(), c.gradTol(),
                c.recordsPerDecade(), r -> {
                    if ((polished[0] = finder.tryFinish(r)) != null) return true;
                    if (!flowTail || r.step() < TrainingTail.SWITCH_MIN_STEP) return false;
                    slow[0] = TrainingTail.slowMotion(loss, r.theta(), eta) ? slow[0] + 1 : 0;
                    return slow[0] >= 2;
                });
        List<TrainingRecord> records = new ArrayList<>(gd.records());
        if (polished[0] != null) {
            return new Training(RunStatus.CONVERGED, gd.steps(), gd.theta(), records, gd.steps(), polished[0], null);
        }
        if (!flowTail || gd.status() != RunStatus.BUDGET || gd.steps() >= c.horizonSteps()) {
            return new Training(gd.status(), gd.steps(), gd.theta(), records, gd.steps(), null,
                    gd.status() == RunStatus.DIVERGED ? "θ or L_N stopped being finite" : null);
        }
        FlowTail tail = new FlowTail(loss, p -> new CommitteeFlowField(loss, eta, p), eta, c.recordsPerDecade(),
                c.gradTol(), excess::value, FlowTail.RTOL, FlowTail.ATOL);
        GradientDescent.Outcome out = tail.run(gd.theta(), gd.steps(), c.horizonSteps(), records,
                r -> (polished[0] = finder.tryFinish(r)) != null);
        return new Training(out.status(), out.steps(), out.theta(), records, gd.steps(), polished[0], out.error());
    }

    public static Result run(CommitteeRunConfig c) {
        long start = System.nanoTime();
        int d = c.dim();
        AnalysisSettings as = c.analysis();
        CommitteeLoss loss = c.loss();
        CommitteeExcess excess = c.excess();
        Training t = train(c, loss, excess);
        List<TrainingRecord> records = t.records();
        boolean diverged = t.status() == RunStatus.DIVERGED;
        double tol = as.eigenRelTol();

        // the end point: a certified minimum (isolated, or on a critical manifold), or neither
        double[] end = t.theta();
        String kind = "unresolved";
        String error = diverged ? t.error() : null;
        if (!diverged) {
            Attractor a = t.polished() != null ? t.polished() : new AttractorFinder(loss, c.eta(), as).polishLimit(end, true);
            if (a != null) {
                end = a.theta();
                kind = a.kind().label();
            } else {
                error = "end point not at a minimum" + t.drift() + "; limits at infinity are not analysed for the committee machine (d > 1 or erf)";
            }
        }
        boolean certified = !"unresolved".equals(kind);
        double trainLoss = loss.value(end);
        double genExcess = excess.value(end);
        double gradNorm = loss.gradientNorm(end);
        Spectrum spectrum = diverged ? null : Spectrum.of(loss.hessian(end));
        if (spectrum != null && c.eta() * spectrum.maxAbs() >= 2) {
            error = (error == null ? "" : error + "; ") + String.format(Locale.ROOT, "GD at η is unstable at the end point "
                    + "(η·λ_max = %.4g): its own fate there is not analysed for the committee machine", c.eta() * spectrum.maxAbs());
        }

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
        long lastStep = t.steps();
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
        double[] opt = c.optimum();
        CommitteeRunSummary summary = new CommitteeRunSummary(d, c.activation().toString(), loss.data().size(), c.sigma2(), c.hidden(),
                c.dataSeed(), c.initSeed(), c.eta(), c.initScale(), c.maxSteps(), c.inputStd(), c.teacher(),
                t.status().label(), lastStep, t.gdSteps(), (System.nanoTime() - start) / 1_000_000, trainLoss, genExcess, gradNorm,
                kind, certified, canon, spectrum == null ? new double[0] : spectrum.values(),
                spectrum == null ? -1 : spectrum.morseIndex(tol), spectrum == null ? -1 : spectrum.nullDim(tol), singular,
                opt == null ? Double.NaN : loss.value(opt), opt == null ? Double.NaN : loss.gradientNorm(opt),
                opt == null ? Double.NaN : CommitteeSymmetry.distance(end, opt, d), minE, minStep, tally.plateaus(), tally.plateauSteps(), symmetric, symmetricSteps, tally.nearOptimal(),
                tally.nearOptimalStep(), error);
        return new Result(summary, events, trajectory);
    }
}
