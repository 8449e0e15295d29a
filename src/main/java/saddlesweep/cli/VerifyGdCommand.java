package saddlesweep.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import saddlesweep.error.UserError;
import saddlesweep.gdfate.GdFateKind;
import saddlesweep.gdfate.GdVerification;
import saddlesweep.model.SquaredLoss;
import saddlesweep.run.GdFateOfRun;
import saddlesweep.run.RunConfig;
import saddlesweep.run.RunPipeline;
import saddlesweep.run.RunResult;
import saddlesweep.run.RunSummary;
import saddlesweep.run.TrajectoryPoint;
import saddlesweep.train.GdMap;
import saddlesweep.train.Kernels;

/**
 * {@code verify-gd}: one run analysed as {@code train} does, then plain GD rerun for it — from θ_0, or from the
 * trajectory record just before GD turns unstable ({@code record}) — with nothing else in the loop, and what it does held against
 * the reported GD fate. Exit status 0 when plain GD agrees or cannot say, 1 when it contradicts the report.
 */
@Command(name = "verify-gd", mixinStandardHelpOptions = true, sortOptions = false, defaultValueProvider = TrainDefaults.class,
        description = "Rerun plain GD for one run (from θ_0 or from the record before GD turns unstable) and check it"
                + " against the reported GD fate: settles on the orbit, approaches it, circles it, or goes elsewhere.")
public final class VerifyGdCommand implements Callable<Integer> {

    /** Default cap of the rerun, in GD steps, when --steps is not given. */
    static final long DEFAULT_CAP = 200_000_000L;
    /** The default rerun goes this many settling times of the reported cycle past the fate's step. */
    static final double SETTLING_TIMES = 20;

    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions run;

    @Option(names = "--from", paramLabel = "theta0|record", description = "Start plain GD from θ_0 or from the trajectory record"
            + " just before gd_unstable_step (default: theta0 where gd_theta0_work affords it, else record).")
    String from;
    @Option(names = "--steps", description = "Plain GD steps to run (default: to the fate's step plus " + "20"
            + " settling times of its cycle, at most 2e8).")
    Double steps;
    @Option(names = "--json", description = "Print {run, verification} as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (from != null && !from.equals("theta0") && !from.equals("record")) {
            throw new UserError("--from = " + from + ": must be theta0 or record");
        }
        if (steps != null && !(steps >= 1 && steps == Math.rint(steps) && steps < 1e15)) {
            throw new UserError("--steps = " + steps + ": must be a whole number of steps >= 1");
        }
        RunConfig c = run.config();
        RunResult r = RunPipeline.run(c);
        RunSummary s = r.run();
        PrintWriter out = spec.commandLine().getOut();
        GdFateKind kind = GdFateKind.ofLabel(s.gdFate());
        if (s.gdUnstableStep() == null) {
            out.printf(Locale.ROOT, "run %s: GD never turns unstable (gd_fate %s): plain GD is the flow's path; nothing to verify%n",
                    s.taskId(), s.gdFate());
            out.flush();
            return 0;
        }
        boolean theta0Affordable = s.gdHandoverStep() != null
                && s.gdHandoverStep() * (double) s.n() * s.hidden() <= c.analysis().gdTheta0Work();
        String start = from != null ? from : GdFateOfRun.START_THETA0.equals(s.gdStart()) || theta0Affordable ? "theta0" : "record";
        double[] theta;
        long startStep;
        if (start.equals("theta0")) {
            theta = c.initialTheta();
            startStep = 0;
        } else {
            TrajectoryPoint before = recordBefore(r.trajectory(), s.gdUnstableStep());
            theta = before.theta();
            startStep = before.step();
        }
        long n = steps != null ? steps.longValue() : defaultSteps(s, startStep);
        double[][] orbit = orbit(s);
        GdVerification.Result v = GdVerification.run(new GdMap(SquaredLoss.empirical(c.dataSet()), c.training().eta()),
                Kernels.forData(c.dataSet()), kind, orbit, theta, startStep, n);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("run", s);
            doc.put("verification", v);
            out.println(Json.mapper().writeValueAsString(doc));
        } else {
            out.print(render(s, start, v));
        }
        out.flush();
        return v.verdict().equals("contradicts") ? 1 : 0;
    }

    /** The fate's step minus the start, plus 20 settling times of its cycle (or as much again), at most DEFAULT_CAP. */
    static long defaultSteps(RunSummary s, long startStep) {
        long decided = s.gdStep() != null ? s.gdStep() : s.gdUnstableStep();
        long toFate = Math.max(1, decided - startStep);
        double more = Double.isFinite(s.gdSettlingSteps()) ? SETTLING_TIMES * s.gdSettlingSteps() : toFate;
        return (long) Math.min(DEFAULT_CAP, toFate + Math.max(more, 1000));
    }

    private static TrajectoryPoint recordBefore(List<TrajectoryPoint> trajectory, long unstable) {
        TrajectoryPoint before = null;
        for (TrajectoryPoint p : trajectory) if (p.step() < unstable) before = p;
        if (before == null) throw new UserError("no trajectory record before gd_unstable_step " + unstable + ": use --from theta0");
        return before;
    }

    /** The reported orbit (gd_orbit: canonical points one after another), or null. */
    private static double[][] orbit(RunSummary s) {
        if (s.gdOrbit() == null || s.gdPeriod() == 0) return null;
        int d = 2 * s.hidden();
        double[][] p = new double[s.gdPeriod()][];
        for (int j = 0; j < p.length; j++) p[j] = Arrays.copyOfRange(s.gdOrbit(), j * d, (j + 1) * d);
        return p;
    }

    static String render(RunSummary s, String start, GdVerification.Result v) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "run %s  N=%d  σ²=%s  H=%d  data_seed=%d  init_seed=%d  η=%s%n", s.taskId(), s.n(),
                PhaseTable.num(s.sigma2()), s.hidden(), s.dataSeed(), s.initSeed(), PhaseTable.num(s.eta())));
        b.append(String.format(Locale.ROOT, "reported  %s%s (from %s)%n", s.gdFate(), s.gdCertified() ? ", certified" : ", not certified",
                s.gdStart()));
        if (s.gdEvidence() != null) b.append("  evidence: ").append(s.gdEvidence()).append(String.format("%n"));
        b.append(String.format(Locale.ROOT, "plain GD  from %s (step %d), %d steps, nothing else in the loop%n",
                start.equals("theta0") ? "θ_0" : "the record before gd_unstable_step", v.startStep(), v.steps()));
        b.append(String.format(Locale.ROOT, "  %12s  %14s  %12s%n", "step", "to the orbit", "GD's step"));
        List<GdVerification.Sample> shown = v.samples().stream().filter(p -> p.step() - v.startStep() >= v.steps() / 1000).toList();
        int every = Math.max(1, (shown.size() + 29) / 30);
        for (int i = 0; i < shown.size(); i++) {
            if (i % every != 0 && i != shown.size() - 1) continue;
            GdVerification.Sample p = shown.get(i);
            b.append(String.format(Locale.ROOT, "  %12d  %14.4g  %12.4g%n", p.step(), p.distance(), p.stepSize()));
        }
        b.append(String.format(Locale.ROOT, "seen      %s: %s%n", v.seen().label(), v.explanation()));
        b.append(String.format(Locale.ROOT, "verdict   %s%n", v.verdict()));
        return b.toString();
    }
}
