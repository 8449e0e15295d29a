package saddlesweep.committee;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import saddlesweep.analysis.AnalysisSettings;
import saddlesweep.analysis.CriticalPointSolver;
import saddlesweep.analysis.Spectrum;
import saddlesweep.flowfate.Attractor;
import saddlesweep.flowfate.AttractorFinder;
import saddlesweep.flowfate.Fate;
import saddlesweep.gdfate.GdFateKind;
import saddlesweep.model.Vectors;
import saddlesweep.run.GdFateOfRun;
import saddlesweep.run.GdSummary;
import saddlesweep.run.RunEvent;
import saddlesweep.run.TrainingTail;
import saddlesweep.run.TrajectoryPoint;
import saddlesweep.sequence.SequenceFinder;
import saddlesweep.sequence.Visit;
import saddlesweep.sequence.VisitTally;
import saddlesweep.train.EdgeHandover;
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

    /** Where the flow went, for the note of an end point that is no minimum: ‖θ‖ over the tail. */
    static String drift(TrainingTail.Result t) {
        if (t.gdSteps() == t.steps()) return "";
        double from = Double.NaN;
        for (TrainingRecord r : t.records()) {
            if (r.step() >= t.gdSteps()) {
                from = Vectors.norm(r.theta());
                break;
            }
        }
        return String.format(Locale.ROOT, "; the flow from step %d to %d took ‖θ‖ from %.6g to %.6g", t.gdSteps(), t.steps(),
                from, Vectors.norm(t.theta()));
    }

    /**
     * Plain GD; at every record where ‖∇L_N‖ is falling a strict Newton polish is tried
     * ({@link AttractorFinder#tryFinish}) and ends the run on a certified minimum. With {@code tail: flow}, GD hands
     * over to the flow tail ({@link #flow}) at the first of two consecutive records from step
     * {@value TrainingTail#SWITCH_MIN_STEP} on where the motion is slow ({@link TrainingTail#slowMotion}), or when
     * max_steps is spent, as for a scalar input. The first record of GD and of the flow where η·λ_max ≥ 2 (GD at η
     * unstable) are kept for GD's own fate.
     */
    static TrainingTail.Result train(CommitteeRunConfig c, CommitteeLoss loss, CommitteeExcess excess) {
        double eta = c.eta();
        boolean flowTail = TrainingSettings.TAIL_FLOW.equals(c.tail());
        AttractorFinder finder = new AttractorFinder(loss, eta, c.analysis());
        Attractor[] polished = new Attractor[1];
        int[] slow = new int[1];
        Long[] gdUnstable = new Long[1];
        CommitteeGd.Result gd = CommitteeGd.run(loss, excess, c.theta0(), eta, c.maxSteps(), c.gradTol(),
                c.recordsPerDecade(), r -> {
                    if (gdUnstable[0] == null && EdgeHandover.sharpness(loss, eta, r.theta()) >= 2) gdUnstable[0] = r.step();
                    if ((polished[0] = finder.tryFinish(r)) != null) return true;
                    if (!flowTail || r.step() < TrainingTail.SWITCH_MIN_STEP) return false;
                    slow[0] = TrainingTail.slowMotion(loss, r.theta(), eta) ? slow[0] + 1 : 0;
                    return slow[0] >= 2;
                });
        List<TrainingRecord> records = new ArrayList<>(gd.records());
        boolean diverged = gd.status() == RunStatus.DIVERGED;
        if (gdUnstable[0] == null && !diverged && !records.isEmpty() && records.get(records.size() - 1).step() == gd.steps()
                && EdgeHandover.sharpness(loss, eta, gd.theta()) >= 2) {
            gdUnstable[0] = gd.steps();      // the last record, which the hand-over test is not asked about
        }
        if (polished[0] != null || !flowTail || gd.status() != RunStatus.BUDGET || gd.steps() >= c.horizonSteps()) {
            RunStatus status = polished[0] != null ? RunStatus.CONVERGED : gd.status();
            return new TrainingTail.Result(status, gd.steps(), gd.theta(), records,
                    diverged ? "θ or L_N stopped being finite" : null, polished[0], gd.steps(), gd.theta(), 0, gdUnstable[0],
                    null, records.size());
        }
        int tailStart = records.size();
        TrainingTail.Flow f = flow(c, loss, excess, finder, gd.theta(), gd.steps(), records);
        GradientDescent.Outcome out = f.outcome();
        return new TrainingTail.Result(out.status(), out.steps(), out.theta(), records, out.error(), f.polished(), gd.steps(),
                gd.theta(), f.evaluations(), gdUnstable[0], f.unstableStep(), tailStart);
    }

    /**
     * The flow tail ({@link FlowTail} on the {@link CommitteeFlowField}) from θ at GD step {@code step} to the
     * horizon, its records appended; it ends early where a record's polish finds a certified minimum.
     */
    static TrainingTail.Flow flow(CommitteeRunConfig c, CommitteeLoss loss, CommitteeExcess excess, AttractorFinder finder,
                                  double[] theta, long step, List<TrainingRecord> records) {
        double eta = c.eta();
        Attractor[] polished = new Attractor[1];
        FlowTail tail = new FlowTail(loss, p -> new CommitteeFlowField(loss, eta, p), eta, c.recordsPerDecade(),
                c.gradTol(), excess::value, FlowTail.RTOL, FlowTail.ATOL);
        GradientDescent.Outcome out = tail.run(theta, step, c.horizonSteps(), records,
                r -> (polished[0] = finder.tryFinish(r)) != null);
        return new TrainingTail.Flow(out, polished[0], tail.evaluations(), tail.unstableStep() < 0 ? null : tail.unstableStep());
    }

    /**
     * The limit of a flow recorded in {@code records}: the certified minimum a record's polish found, else the one
     * the flow's end point is polished onto ({@link AttractorFinder#polishLimit}: a finite or degenerate minimum,
     * whatever η·λ_max there), else a certified limit at infinity ({@link CommitteeLimits}), else unresolved
     * ({@code drift} says where the flow went).
     */
    static CommitteeLimits.Outcome limit(double[] end, List<TrainingRecord> records, Attractor polished, CommitteeLoss loss,
                                         CommitteeExcess excess, CommitteeRunConfig c, String drift) {
        Attractor a = polished != null ? polished : new AttractorFinder(loss, c.eta(), c.analysis()).polishLimit(end, true);
        if (a == null) {
            CommitteeLimits.Outcome o = records.size() < 2 ? null
                    : new CommitteeLimits(loss, c.teacher(), c.inputStd(), c.analysis().eigenRelTol()).of(records);
            if (o != null && o.fate().certified()) return o;
            return new CommitteeLimits.Outcome(Fate.unresolved(end, "end point not at a minimum" + drift
                    + (o == null ? "" : "; " + o.fate().reason())), null);
        }
        double[] p = a.theta();
        return new CommitteeLimits.Outcome(new Fate(a.kind(), null, true, p, null, loss.value(p), excess.value(p), null,
                Double.NaN, Double.NaN, null), null);
    }

    public static Result run(CommitteeRunConfig c) {
        long start = System.nanoTime();
        int d = c.dim();
        AnalysisSettings as = c.analysis();
        CommitteeLoss loss = c.loss();
        CommitteeExcess excess = c.excess();
        TrainingTail.Result t = train(c, loss, excess);
        List<TrainingRecord> records = t.records();
        boolean diverged = t.status() == RunStatus.DIVERGED;
        double tol = as.eigenRelTol();

        // the end point: a certified minimum (isolated, or on a critical manifold), or neither
        CommitteeLimits.Outcome outcome = diverged ? new CommitteeLimits.Outcome(Fate.unresolved(t.theta(), t.error()), null)
                : limit(t.theta(), records, t.polished(), loss, excess, c, drift(t));
        Fate fate = outcome.fate();
        // the limit function: the closure limit at infinity, or the certified minimum's network (a tanh term per unit)
        CommitteeClosure closure = outcome.limit() != null ? outcome.limit()
                : fate.certified() ? CommitteeClosure.ofNetwork(fate.theta(), d) : null;
        double[] end = fate.theta();
        String kind = fate.kind().label();
        boolean certified = fate.certified();
        String error = fate.certified() ? outcome.note() : fate.reason();
        double trainLoss = loss.value(end);
        double genExcess = excess.value(end);
        double gradNorm = loss.gradientNorm(end);
        Spectrum spectrum = diverged ? null : Spectrum.of(loss.hessian(end));

        // GD's own fate at η: the flow's, or plain GD followed through the edge of stability
        CommitteeGdProblem problem = new CommitteeGdProblem(c, loss, excess);
        GdFateOfRun.Outcome gd = GdFateOfRun.of(problem, t, fate);
        if (gd.fate().reason() != null && gd.fate().kind() != GdFateKind.FLOW) {
            error = (error == null ? "" : error + "; ") + "GD fate: " + gd.fate().reason();
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
            // a plateau at a saddle of the overlap set, while GD still follows the flow (η·λ_max < 2 at the records up to
            // its dip): past the edge GD's oscillation keeps ‖∇L_N‖ from falling, which reads as a plateau to the run's end
            boolean onFlow = t.unstableStep() == null || dip.step() < t.unstableStep();
            if (tally.add(v, records) && "overlap".equals(v.singularity()) && sp.morseIndex(tol) >= 1 && onFlow) {
                symmetric++;
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
                tally.nearOptimalStep(), error, fate.mechanisms(), closure == null ? null : closure.label(),
                closure == null ? null : closure.canonicalParams(), closure == null ? Double.NaN : fate.limitTrainLoss(),
                closure == null ? Double.NaN : fate.limitGenExcess(), fate.approach(), fate.approachRate(), GdSummary.of(t, gd, problem.map(), pts -> CommitteeSymmetry.canonicalOrbit(pts, d), d + 1));
        return new Result(summary, events, trajectory);
    }
}
