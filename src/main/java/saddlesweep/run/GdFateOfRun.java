package saddlesweep.run;

import java.util.ArrayList;
import java.util.List;

import saddlesweep.analysis.Spectrum;
import saddlesweep.flowfate.AttractorKind;
import saddlesweep.flowfate.Fate;
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
import saddlesweep.train.TrainingRecord;

/**
 * GD's own fate at the run's η, from how the run was trained ({@link TrainingTail}):
 * <ul>
 *   <li>GD never unstable (η·λ_max &lt; 2 at every record of GD and of the flow tail, up to where the run ended):
 *       GD shares the flow's path, its fate is the flow's ({@code flow}).</li>
 *   <li>The flow tail reaches η·λ_max = 2 at a step s ({@link EdgeHandover}: the flow's state shortly before).
 *       Plain GD runs through the edge from the most faithful start {@code analysis.gd_theta0_work} affords: θ_0
 *       when s·N·H is within it ({@code gd_start = theta0}: the same iterates as {@code tail: gd}); else the
 *       trajectory record before the first unstable one, when the steps from it are within it ({@code record}: the
 *       point a reader reruns GD from); else the flow's state just before the edge ({@code handover}). Plain GD
 *       from θ_0 arrives at the edge with its own residual oscillation, which a flow state lacks, and that can
 *       decide between settling on a cycle and circling it. {@link GdFateFinder} follows it to its fate.</li>
 *   <li>Plain GD itself unstable at a record, and not handed to the flow tail afterwards (it ran out of steps,
 *       converged or was polished): plain GD from θ_0 again, checked from the last stable record on, or, where
 *       those steps exceed {@code gd_theta0_work}, on from GD's own last iterate (plain GD from θ_0 as well, on a
 *       fresh kernel) ({@code theta0}).</li>
 *   <li>Plain GD unstable, then calm enough to hand over to the flow tail, which never reaches the edge: GD
 *       follows the flow again, and its fate is the flow's.</li>
 * </ul>
 * When GD, after its instability, is thrown to flatter ground (a catapult: η·λ_max below 1.9, moving one way)
 * it follows a flow again: that flow is followed to the horizon ({@link TrainingTail#flow}); if it reaches the
 * edge, GD is followed from there again (at most {@value Segment#MAX_CATAPULTS} times, {@code handover}), otherwise
 * its certified finite or degenerate limit is GD's fixed point ({@code catapult}).
 */
public final class GdFateOfRun {

    /** {@code gd_start}: plain GD from θ_0. */
    public static final String START_THETA0 = "theta0";
    /** {@code gd_start}: plain GD from the trajectory record before the flow's first unstable record. */
    public static final String START_RECORD = "record";
    /** {@code gd_start}: plain GD from the flow's state just before the edge. */
    public static final String START_HANDOVER = "handover";
    /** {@code gd_start}: the flow GD follows after a catapult, to its certified limit. */
    public static final String START_CATAPULT = "catapult";

    private GdFateOfRun() {
    }

    /**
     * What GD does, where its segment (if any) started and from what, and its cost: real GD steps, flow evaluations
     * (the hand-over's bisection, flows after catapults) and steps of the Lyapunov exponent's tangent map.
     */
    public record Outcome(GdFate fate, Long handoverStep, String start, long gdSteps, long flowEvaluations,
                          long tangentSteps) {

        static Outcome of(GdFate fate) {
            return new Outcome(fate, null, null, 0, 0, 0);
        }
    }

    public static Outcome of(RunConfig c, DataSet data, SquaredLoss lossN, PopulationExcess pop,
                             TrainingTail.Result trained, Fate flow) {
        return of(new ScalarGdProblem(c, data, lossN, pop), trained, flow);
    }

    /** GD's own fate for any model whose GD {@code problem} describes (a scalar input, a committee machine). */
    public static Outcome of(GdProblem problem, TrainingTail.Result trained, Fate flow) {
        double eta = problem.eta();
        List<TrainingRecord> records = trained.records();
        boolean tailRan = trained.tailStart() < records.size();
        if (trained.status() == RunStatus.DIVERGED) {
            return Outcome.of(tailRan ? GdFate.unresolved(null, "the flow tail failed: " + trained.error())
                    : GdFate.diverged(trained.steps()));
        }
        double work = problem.analysis().gdFateWork();
        GdFateFinder finder = new GdFateFinder(problem.map(), problem::kernel, problem::genExcess, work);
        boolean unstable = trained.flowUnstableStep() != null || (trained.gdUnstableStep() != null && !tailRan);
        if (unstable && work == 0) return Outcome.of(GdFate.unresolved(null, "GD's fate not followed (analysis.gd_fate_work = 0)"));
        double perStep = problem.workPerStep();
        Long flowUnstable = trained.flowUnstableStep();
        if (flowUnstable != null) {
            int u = indexOf(records, flowUnstable);
            TrainingRecord before = records.get(u - 1);
            EdgeHandover.Point p = problem.edgeBefore(before.theta(), before.step(), flowUnstable);
            // the most faithful start the budget affords: θ_0, else the recorded point before the edge, else the hand-over
            double w0 = problem.analysis().gdTheta0Work();
            String start = p.step() * perStep <= w0 ? START_THETA0
                    : (p.step() - before.step()) * perStep <= w0 ? START_RECORD : START_HANDOVER;
            Segment s = new Segment(finder, problem, p.evaluations(), start);
            GdFate f = switch (start) {
                case START_THETA0 -> s.fromStart(problem.initialTheta(), 0, p.step());
                case START_RECORD -> s.fromStart(before.theta(), before.step(), p.step());
                default -> s.run(p.theta(), p.step(), true);
            };
            return s.outcome(s.afterCatapults(f), p.step());
        }
        if (trained.gdUnstableStep() != null && !tailRan) {
            Segment s = new Segment(finder, problem, 0, START_THETA0);
            long quiet = lastStableRecord(records, trained.gdUnstableStep());
            // rerun from θ_0 (the same kernel calls as tail: gd) where affordable, else on from GD's own last iterate
            GdFate f = quiet * perStep <= problem.analysis().gdTheta0Work() ? s.fromStart(problem.initialTheta(), 0, quiet)
                    : s.run(trained.gdTheta(), trained.gdSteps(), false);
            return s.outcome(s.afterCatapults(f), quiet);
        }
        boolean point = flow.kind() == AttractorKind.FINITE || flow.kind() == AttractorKind.DEGENERATE;
        return Outcome.of(new GdFate(GdFateKind.FLOW, null, flow.limitTrainLoss(), flow.limitGenExcess(), Double.NaN,
                Double.NaN, null, flow.certified(), flow.certified() ? null : "the flow's fate is not certified",
                point ? new double[] {0.0} : null, null, Double.NaN, null));
    }

    /** GD followed from a point, its catapults to flatter ground followed as flows, and the cost of it all. */
    private static final class Segment {
        /** Flows GD may follow after catapults before its fate is left unresolved. */
        static final int MAX_CATAPULTS = 3;
        private final GdFateFinder finder;
        private final GdProblem problem;
        private long gdSteps;
        private long evaluations;
        private long tangentSteps;
        /** Where the segment the fate is about started: gd_start. */
        private String start;

        Segment(GdFateFinder finder, GdProblem problem, long evaluations, String start) {
            this.finder = finder;
            this.problem = problem;
            this.evaluations = evaluations;
            this.start = start;
        }

        /**
         * After GD's segment: while GD was thrown onto flatter ground and follows a flow, that flow to its limit —
         * GD's fixed point if the flow ends on a certified minimum without meeting the edge again, otherwise GD from
         * the flow's new edge.
         */
        GdFate afterCatapults(GdFate f) {
            double perStep = problem.workPerStep();
            GdMap map = problem.map();
            for (int hop = 0; hop < MAX_CATAPULTS && finder.calm() != null; hop++) {
                GdFateFinder.Calm calm = finder.calm();
                List<TrainingRecord> flowRecords = new ArrayList<>();
                flowRecords.add(new TrainingRecord(calm.step(), map.loss().value(calm.theta()),
                        map.loss().gradientNorm(calm.theta()), problem.genExcess(calm.theta()), calm.theta()));
                TrainingTail.Flow flow = problem.flow(calm.theta(), calm.step(), flowRecords);
                evaluations += flow.evaluations();
                if (flow.unstableStep() != null && (flow.unstableStep() - calm.step()) * perStep <= problem.analysis().gdFateWork()) {
                    // the flow meets the edge again soon: a laminar stretch; GD goes on with its own steps through it
                    f = charged(finder.follow(calm.theta(), calm.step(), false, flow.unstableStep()));
                    hop--;
                    continue;
                }
                if (flow.unstableStep() != null) {
                    TrainingRecord before = flowRecords.get(indexOf(flowRecords, flow.unstableStep()) - 1);
                    EdgeHandover.Point p = problem.edgeBefore(before.theta(), before.step(), flow.unstableStep());
                    evaluations += p.evaluations();
                    f = run(p.theta(), p.step(), true);
                    start = START_HANDOVER;
                    continue;
                }
                Fate ff = problem.flowFate(flowRecords, flow.polished());
                start = START_CATAPULT;
                return afterCatapult(ff, calm.step(), flowRecords.get(flowRecords.size() - 1).step(), map, problem);
            }
            return f;
        }

        GdFate run(double[] theta, long step, boolean atEdge) {
            return charged(finder.follow(theta, step, atEdge));
        }

        GdFate fromStart(double[] start, long step0, long edge) {
            return charged(finder.fromStart(start, step0, edge));
        }

        private GdFate charged(GdFate f) {
            gdSteps += finder.cost().gdSteps();
            tangentSteps += finder.cost().tangentSteps();
            return f;
        }

        Outcome outcome(GdFate f, long from) {
            return new Outcome(f, from, start, gdSteps, evaluations, tangentSteps);
        }
    }

    /**
     * GD's fate when, after a catapult at step {@code calmStep}, it follows a flow that never reaches the edge again:
     * the flow's limit. A finite or degenerate limit is a fixed point of GD (stable: η·λ_max &lt; 2 all the way), a
     * certified one GD's fate.
     */
    static GdFate afterCatapult(Fate flow, long calmStep, long step, GdMap map, GdProblem problem) {
        boolean point = flow.kind() == AttractorKind.FINITE || flow.kind() == AttractorKind.DEGENERATE;
        if (!point || !flow.certified()) {
            return GdFate.unresolved(step, "after a catapult GD follows a flow that ends " + flow.kind().label()
                    + (flow.certified() ? "" : " (not certified: " + flow.reason() + ")"));
        }
        double[] p = flow.theta();
        Cycle fixed = new Cycle(new double[][] {p}, Multipliers.of(map.jacobian(p)), Vectors.distance(map.apply(p), p));
        double sharp = map.eta() * Spectrum.of(map.loss().hessian(p)).values()[p.length - 1];
        String evidence = String.format("after a catapult at step %d GD follows a flow (η·λ_max < 2 all along, %.4f at its limit) to this"
                + " certified %s minimum", calmStep, sharp, flow.kind().label());
        return new GdFate(GdFateKind.FIXED_POINT, fixed, map.loss().value(p), problem.genExcess(p), sharp, Double.NaN, step, true,
                null, new double[] {0.0}, evidence, Double.NaN, null);
    }

    /** The step of the last record before {@code unstable} (GD stable there: checks start from it). */
    private static long lastStableRecord(List<TrainingRecord> records, long unstable) {
        long s = 0;
        for (TrainingRecord r : records) if (r.step() < unstable) s = r.step();
        return s;
    }

    private static int indexOf(List<TrainingRecord> records, long step) {
        for (int i = records.size() - 1; i > 0; i--) if (records.get(i).step() == step) return i;
        throw new IllegalStateException("no record at the unstable step " + step);
    }
}
