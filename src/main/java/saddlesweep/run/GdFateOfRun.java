package saddlesweep.run;

import java.util.List;

import saddlesweep.analysis.AttractorKind;
import saddlesweep.analysis.Fate;
import saddlesweep.analysis.GdFate;
import saddlesweep.analysis.GdFateFinder;
import saddlesweep.analysis.GdFateKind;
import saddlesweep.model.DataSet;
import saddlesweep.model.PopulationExcess;
import saddlesweep.model.SquaredLoss;
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
        GdFateFinder finder = new GdFateFinder(new GdMap(lossN, eta), Kernels.forData(data), pop::value, GdFateFinder.MAX_STEPS, work);
        boolean unstable = trained.flowUnstableStep() != null || (trained.gdUnstableStep() != null && !tailRan);
        if (unstable && work == 0) {
            return new Outcome(GdFate.unresolved(null, "GD's fate not followed (analysis.gd_fate_work = 0)"), null, 0, 0, 0);
        }
        Long flowUnstable = trained.flowUnstableStep();
        if (flowUnstable != null) {
            int u = indexOf(records, flowUnstable);
            TrainingRecord before = records.get(u - 1);
            EdgeHandover.Point p = EdgeHandover.before(lossN, eta, before.theta(), before.step(), flowUnstable);
            GdFate f = finder.follow(p.theta(), p.step(), true);
            return new Outcome(f, p.step(), finder.cost().gdSteps(), p.evaluations() + finder.cost().flowEvaluations(),
                    finder.cost().modeledSteps());
        }
        if (trained.gdUnstableStep() != null && !tailRan) {
            GdFate f = finder.follow(trained.gdTheta(), trained.gdSteps());
            return new Outcome(f, trained.gdSteps(), finder.cost().gdSteps(), finder.cost().flowEvaluations(),
                    finder.cost().modeledSteps());
        }
        boolean point = flow.kind() == AttractorKind.FINITE || flow.kind() == AttractorKind.DEGENERATE;
        return new Outcome(new GdFate(GdFateKind.FLOW, null, flow.limitTrainLoss(), flow.limitGenExcess(), Double.NaN,
                Double.NaN, null, flow.certified(), flow.certified() ? null : "the flow's fate is not certified",
                point ? new double[] {0.0} : null), null, 0, 0, 0);
    }

    private static int indexOf(List<TrainingRecord> records, long step) {
        for (int i = records.size() - 1; i > 0; i--) if (records.get(i).step() == step) return i;
        throw new IllegalStateException("no record at the unstable step " + step);
    }
}
