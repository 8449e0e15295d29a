package saddlesweep.run;

import java.util.ArrayList;
import java.util.List;

import saddlesweep.analysis.Spectrum;
import saddlesweep.flowfate.AttractorFinder;
import saddlesweep.flowfate.AttractorKind;
import saddlesweep.flowfate.Fate;
import saddlesweep.flowfate.FateFinder;
import saddlesweep.gdfate.Cycle;
import saddlesweep.gdfate.GdFate;
import saddlesweep.gdfate.GdFateFinder;
import saddlesweep.gdfate.GdFateKind;
import saddlesweep.gdfate.Multipliers;
import saddlesweep.model.DataSet;
import saddlesweep.model.PopulationExcess;
import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Vectors;
import saddlesweep.train.EdgeHandover;
import saddlesweep.train.GdMap;
import saddlesweep.train.RunStatus;
import saddlesweep.train.Kernels;
import saddlesweep.train.TrainingRecord;

/**
 * GD's own fate at the run's η, from how the run was trained ({@link TrainingTail}):
 * <ul>
 *   <li>GD never unstable (η·λ_max &lt; 2 at every record of GD and of the flow tail, up to where the run ended):
 *       GD shares the flow's path, its fate is the flow's ({@code flow}).</li>
 *   <li>The flow tail reaches η·λ_max = 2: the flow's state shortly before ({@link EdgeHandover}) is handed to
 *       plain GD, which {@link GdFateFinder} follows to its fate.</li>
 *   <li>Plain GD itself unstable at a record, and not handed to the flow tail afterwards (it ran out of steps,
 *       converged or was polished): GD goes on from its own last iterate.</li>
 *   <li>Plain GD unstable, then calm enough to hand over to the flow tail, which never reaches the edge: GD
 *       follows the flow again, and its fate is the flow's.</li>
 * </ul>
 * When GD, after its instability, is thrown to flatter ground (a catapult: η·λ_max below 1.9, moving one way)
 * it follows a flow again: that flow is followed to the horizon ({@link TrainingTail#flow}); if it reaches the
 * edge, GD is followed from there again (at most {@value Segment#MAX_CATAPULTS} times), otherwise its certified
 * finite or degenerate limit is GD's fixed point.
 */
public final class GdFateOfRun {

    private GdFateOfRun() {
    }

    /**
     * What GD does, where its segment (if any) started, and its cost: real GD steps, and flow evaluations (the
     * hand-over's bisection and the quiet phases followed as a flow).
     */
    public record Outcome(GdFate fate, Long handoverStep, long gdSteps, long flowEvaluations, long modeledSteps) {
    }

    public static Outcome of(RunConfig c, DataSet data, SquaredLoss lossN, PopulationExcess pop,
                             TrainingTail.Result trained, Fate flow) {
        double eta = c.training().eta();
        List<TrainingRecord> records = trained.records();
        boolean tailRan = trained.tailStart() < records.size();
        if (trained.status() == RunStatus.DIVERGED) {
            return tailRan ? new Outcome(GdFate.unresolved(null, "the flow tail failed: " + trained.error()), null, 0, 0, 0)
                    : new Outcome(new GdFate(GdFateKind.DIVERGED, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    trained.steps(), true, null, null), null, 0, 0, 0);
        }
        double work = c.analysis().gdFateWork();
        GdFateFinder finder = new GdFateFinder(new GdMap(lossN, eta), () -> Kernels.forData(data), pop::value, GdFateFinder.MAX_STEPS, work);
        boolean unstable = trained.flowUnstableStep() != null || (trained.gdUnstableStep() != null && !tailRan);
        if (unstable && work == 0) {
            return new Outcome(GdFate.unresolved(null, "GD's fate not followed (analysis.gd_fate_work = 0)"), null, 0, 0, 0);
        }
        Long flowUnstable = trained.flowUnstableStep();
        if (flowUnstable != null) {
            int u = indexOf(records, flowUnstable);
            TrainingRecord before = records.get(u - 1);
            EdgeHandover.Point p = EdgeHandover.before(lossN, eta, before.theta(), before.step(), flowUnstable);
            Segment s = new Segment(finder, p.evaluations());
            return s.outcome(s.follow(p.theta(), p.step(), true, c, lossN, pop), p.step());
        }
        if (trained.gdUnstableStep() != null && !tailRan) {
            Segment s = new Segment(finder, 0);
            return s.outcome(s.follow(trained.gdTheta(), trained.gdSteps(), false, c, lossN, pop), trained.gdSteps());
        }
        boolean point = flow.kind() == AttractorKind.FINITE || flow.kind() == AttractorKind.DEGENERATE;
        return new Outcome(new GdFate(GdFateKind.FLOW, null, flow.limitTrainLoss(), flow.limitGenExcess(), Double.NaN,
                Double.NaN, null, flow.certified(), flow.certified() ? null : "the flow's fate is not certified",
                point ? new double[] {0.0} : null), null, 0, 0, 0);
    }

    /** GD followed from a point, its catapults to flatter ground followed as flows, and the cost of it all. */
    private static final class Segment {
        /** Flows GD may follow after catapults before its fate is left unresolved. */
        static final int MAX_CATAPULTS = 3;
        private final GdFateFinder finder;
        private long gdSteps;
        private long evaluations;
        private long modeled;

        Segment(GdFateFinder finder, long evaluations) {
            this.finder = finder;
            this.evaluations = evaluations;
        }

        GdFate follow(double[] theta, long step, boolean atEdge, RunConfig c, SquaredLoss lossN, PopulationExcess pop) {
            GdFate f = run(theta, step, atEdge);
            double eta = c.training().eta();
            for (int hop = 0; hop < MAX_CATAPULTS && finder.calm() != null; hop++) {
                GdFateFinder.Calm calm = finder.calm();
                List<TrainingRecord> flowRecords = new ArrayList<>();
                flowRecords.add(new TrainingRecord(calm.step(), lossN.value(calm.theta()), lossN.gradientNorm(calm.theta()),
                        pop.value(calm.theta()), calm.theta()));
                TrainingTail.Flow flow = TrainingTail.flow(c, lossN, pop, new AttractorFinder(lossN, eta, c.analysis()),
                        calm.theta(), calm.step(), flowRecords);
                evaluations += flow.evaluations();
                if (flow.unstableStep() != null) {
                    TrainingRecord before = flowRecords.get(indexOf(flowRecords, flow.unstableStep()) - 1);
                    EdgeHandover.Point p = EdgeHandover.before(lossN, eta, before.theta(), before.step(), flow.unstableStep());
                    evaluations += p.evaluations();
                    f = run(p.theta(), p.step(), true);
                    continue;
                }
                Fate ff = new FateFinder(lossN, pop, eta, c.analysis(), c.inputStd(), FateFinder.GAP_TOL).of(flowRecords, flow.polished());
                return afterCatapult(ff, flowRecords.get(flowRecords.size() - 1).step(), lossN, pop, eta);
            }
            return f;
        }

        private GdFate run(double[] theta, long step, boolean atEdge) {
            GdFate f = finder.follow(theta, step, atEdge);
            gdSteps += finder.cost().gdSteps();
            evaluations += finder.cost().flowEvaluations();
            modeled += finder.cost().modeledSteps();
            return f;
        }

        Outcome outcome(GdFate f, long handover) {
            return new Outcome(f, handover, gdSteps, evaluations, modeled);
        }
    }

    /**
     * GD's fate when, after a catapult, it follows a flow that never reaches the edge again: the flow's limit. A
     * finite or degenerate limit is a fixed point of GD (stable: η·λ_max &lt; 2 all the way), a certified one GD's fate.
     */
    static GdFate afterCatapult(Fate flow, long step, SquaredLoss lossN, PopulationExcess pop, double eta) {
        boolean point = flow.kind() == AttractorKind.FINITE || flow.kind() == AttractorKind.DEGENERATE;
        if (!point || !flow.certified()) {
            return GdFate.unresolved(step, "after a catapult GD follows a flow that ends " + flow.kind().label()
                    + (flow.certified() ? "" : " (not certified: " + flow.reason() + ")"));
        }
        double[] p = flow.theta();
        GdMap map = new GdMap(lossN, eta);
        Cycle fixed = new Cycle(new double[][] {p}, Multipliers.of(map.jacobian(p)), Vectors.distance(map.apply(p), p));
        double sharp = eta * Spectrum.of(lossN.hessian(p)).values()[p.length - 1];
        return new GdFate(GdFateKind.FIXED_POINT, fixed, lossN.value(p), pop.value(p), sharp, Double.NaN, step, true,
                null, new double[] {0.0});
    }

    private static int indexOf(List<TrainingRecord> records, long step) {
        for (int i = records.size() - 1; i > 0; i--) if (records.get(i).step() == step) return i;
        throw new IllegalStateException("no record at the unstable step " + step);
    }
}
