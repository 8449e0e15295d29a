package saddlesweep.run;

import java.util.ArrayList;
import java.util.List;

import saddlesweep.flowfate.Attractor;
import saddlesweep.flowfate.AttractorFinder;
import saddlesweep.flowfate.AttractorKind;
import saddlesweep.flowfate.Fate;
import saddlesweep.flowfate.FateFinder;
import saddlesweep.model.DataSet;
import saddlesweep.model.Objective;
import saddlesweep.model.PopulationExcess;
import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Vectors;
import saddlesweep.train.EdgeHandover;
import saddlesweep.train.FlowTail;
import saddlesweep.train.GradientDescent;
import saddlesweep.train.RunStatus;
import saddlesweep.train.TrainingRecord;
import saddlesweep.train.TrainingSettings;

/**
 * The training of one run: plain GD, then (with {@code tail: flow}) the flow tail to the horizon.
 *
 * <p>During GD, at every record, a strict Newton polish is tried ({@link AttractorFinder#tryFinish}); it
 * ends the run on an isolated minimum. With the flow tail, GD hands over to {@link FlowTail} at the first
 * of two consecutive records (from step {@value #SWITCH_MIN_STEP} on) where the curvature along the motion
 * is small: η·|gᵀHg|/gᵀg ≤ {@value #SWITCH_CURVATURE} (g = ∇L_N, H = ∇²L_N). Then the fast directions have
 * equilibrated (a fast component of g would make the Rayleigh quotient large), and GD and the flow differ
 * by O((ηλ)²) per unit time. GD also hands over when max_steps is spent. In the tail, the polish is tried
 * at every record as before, and once per recorded decade the {@link FateFinder} is asked: a certified
 * degenerate or at-infinity limit whose relative gap L_N(θ_t)/L_N(limit) − 1 is at most
 * {@value #EARLY_GAP} ends the run before the horizon.
 */
public final class TrainingTail {

    public static final long SWITCH_MIN_STEP = 1000;
    public static final double SWITCH_CURVATURE = 1e-3;
    public static final double EARLY_GAP = 1e-10;

    /**
     * How training ended: status, last step, point, records, the polished minimum if any, where plain GD ended
     * ({@code gdSteps}, {@code gdTheta}: GD's exact iterate there), the first record of plain GD
     * ({@code gdUnstableStep}) or of the flow tail ({@code flowUnstableStep}) where η·λ_max ≥ 2, and the record
     * index of the flow tail's first record ({@code tailStart}; the records' size when there is no tail).
     */
    public record Result(RunStatus status, long steps, double[] theta, List<TrainingRecord> records, String error,
                         Attractor polished, long gdSteps, double[] gdTheta, long flowEvaluations, Long gdUnstableStep,
                         Long flowUnstableStep, int tailStart) {

        /** The first record, of GD or of the flow tail, where GD at this η is unstable (η·λ_max ≥ 2); null if none. */
        public Long unstableStep() {
            return gdUnstableStep != null ? gdUnstableStep : flowUnstableStep;
        }
    }

    private TrainingTail() {
    }

    public static Result run(RunConfig c, DataSet data, SquaredLoss lossN, PopulationExcess pop) {
        TrainingSettings ts = c.training();
        double eta = ts.eta();
        AttractorFinder finder = new AttractorFinder(lossN, eta, c.analysis());
        Attractor[] polished = new Attractor[1];
        boolean[] handOver = new boolean[1];
        int[] slow = new int[1];
        Long[] gdUnstable = new Long[1];
        GradientDescent.Finisher gdFinisher = r -> {
            if (gdUnstable[0] == null && EdgeHandover.sharpness(lossN, eta, r.theta()) >= 2) gdUnstable[0] = r.step();
            if (ts.polish() && (polished[0] = finder.tryFinish(r)) != null) return true;
            if (!ts.flowTail() || r.step() < SWITCH_MIN_STEP) return false;
            slow[0] = slowMotion(lossN, r.theta(), eta) ? slow[0] + 1 : 0;
            return handOver[0] = slow[0] >= 2;
        };
        GradientDescent.Outcome gd = new GradientDescent(data, ts, pop::value).run(c.initialTheta(), gdFinisher);
        PhaseClock.count(PhaseClock.Phase.GD, gd.steps(), 0);
        List<TrainingRecord> records = new ArrayList<>(gd.records());
        boolean flow = ts.flowTail() && polished[0] == null && gd.status() != RunStatus.DIVERGED
                && (handOver[0] || gd.status() == RunStatus.BUDGET) && gd.steps() < ts.horizonSteps();
        if (gdUnstable[0] == null && !records.isEmpty() && records.get(records.size() - 1).step() == gd.steps()
                && gd.status() != RunStatus.DIVERGED && EdgeHandover.sharpness(lossN, eta, gd.theta()) >= 2) {
            gdUnstable[0] = gd.steps();      // the last record, which the finisher is not asked about
        }
        if (!flow) {
            return new Result(gd.status(), gd.steps(), gd.theta(), records, gd.error(), polished[0], gd.steps(),
                    gd.theta(), 0, gdUnstable[0], null, records.size());
        }
        int tailStart = records.size();
        PhaseClock.enter(PhaseClock.Phase.FLOW_TAIL);
        Flow f = flow(c, lossN, pop, finder, gd.theta(), gd.steps(), records);
        PhaseClock.count(PhaseClock.Phase.FLOW_TAIL, f.evaluations(), PhaseClock.decadesBetween(gd.steps(), f.outcome().steps()));
        return new Result(f.outcome().status(), f.outcome().steps(), f.outcome().theta(), records, f.outcome().error(),
                polished[0] != null ? polished[0] : f.polished(), gd.steps(), gd.theta(), f.evaluations(), gdUnstable[0],
                f.unstableStep(), tailStart);
    }

    /** How a flow tail ended: GD's outcome, the minimum it was polished onto (or null), its cost and unstable step. */
    public record Flow(GradientDescent.Outcome outcome, Attractor polished, long evaluations, Long unstableStep) {
    }

    /**
     * The flow tail from θ at GD step {@code step} to the horizon, appending its records: the polish is tried at
     * every record, and once per recorded decade a certified degenerate or at-infinity limit within EARLY_GAP ends it.
     */
    static Flow flow(RunConfig c, SquaredLoss lossN, PopulationExcess pop, AttractorFinder finder, double[] theta,
                     long step, List<TrainingRecord> records) {
        TrainingSettings ts = c.training();
        double eta = ts.eta();
        Attractor[] polished = new Attractor[1];
        FateFinder fates = new FateFinder(lossN, pop, eta, c.analysis(), c.inputStd(), FateFinder.GAP_TOL);
        int tailStart = records.size();
        GradientDescent.Finisher tailFinisher = r -> {
            if (ts.polish() && (polished[0] = finder.tryFinish(r)) != null) return true;
            int k = records.size() - tailStart;
            if (k == 0 || k % ts.recordsPerDecade() != 0) return false;
            Fate f = fates.of(records, null);
            return f.certified() && (f.kind() == AttractorKind.DEGENERATE || f.kind() == AttractorKind.AT_INFINITY)
                    && r.trainLoss() - f.limitTrainLoss() <= EARLY_GAP * Math.abs(f.limitTrainLoss());
        };
        FlowTail tail = new FlowTail(lossN, eta, ts.recordsPerDecade(), ts.gradTol(), pop::value);
        GradientDescent.Outcome out = tail.run(theta, step, ts.horizonSteps(), records, tailFinisher);
        return new Flow(out, polished[0], tail.evaluations(), tail.unstableStep() < 0 ? null : tail.unstableStep());
    }

    /** η·|gᵀHg|/gᵀg ≤ SWITCH_CURVATURE: the motion is slow in every direction it has. */
    public static boolean slowMotion(Objective loss, double[] theta, double eta) {
        double[] g = new double[theta.length];
        loss.gradient(theta, g);
        double gg = Vectors.dot(g, g);
        if (!(gg > 0)) return true;
        double[] h = loss.hessian(theta).data;
        int d = g.length;
        double ghg = 0;
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) ghg += g[i] * h[i * d + j] * g[j];
        return eta * Math.abs(ghg) / gg <= SWITCH_CURVATURE;
    }
}
