package saddlesweep.run;

import java.util.Arrays;
import java.util.List;

import saddlesweep.error.UserError;
import saddlesweep.gdfate.GdFateKind;
import saddlesweep.gdfate.GdVerification;
import saddlesweep.model.SquaredLoss;
import saddlesweep.train.GdMap;
import saddlesweep.train.Kernels;

/**
 * {@code verify-gd} without the command line: one run analysed as {@code train} does, then plain GD rerun for it —
 * from θ_0, or from the trajectory record just before {@code gd_unstable_step} — with nothing else in the loop
 * ({@link GdVerification}), and held against the reported GD fate.
 */
public final class VerifyGd {

    /** Default cap of the rerun, in GD steps, when no step count is given. */
    public static final long DEFAULT_CAP = 200_000_000L;
    /** The default rerun goes this many settling times of the reported cycle past the fate's step. */
    public static final double SETTLING_TIMES = 20;
    public static final String FROM_THETA0 = "theta0";
    public static final String FROM_RECORD = "record";

    /** The run as analysed, where the rerun started ({@code theta0} or {@code record}), and what plain GD did; v null when GD never turns unstable. */
    public record Report(RunSummary run, String from, GdVerification.Result verification) {
    }

    private VerifyGd() {
    }

    /**
     * @param from   {@code theta0}, {@code record}, or null: θ_0 where {@code gd_theta0_work} affords it, else the record
     * @param steps  GD steps to rerun, or null: to the fate's step plus {@value #SETTLING_TIMES} settling times of its
     *               cycle (or as much again), at most {@value #DEFAULT_CAP}
     */
    public static Report verify(RunConfig c, String from, Long steps) {
        if (from != null && !from.equals(FROM_THETA0) && !from.equals(FROM_RECORD)) {
            throw new UserError("--from = " + from + ": must be theta0 or record");
        }
        RunResult r = RunPipeline.run(c);
        RunSummary s = r.run();
        if (s.gdUnstableStep() == null) return new Report(s, null, null);
        boolean theta0Affordable = s.gdHandoverStep() != null
                && s.gdHandoverStep() * (double) s.n() * s.hidden() <= c.analysis().gdTheta0Work();
        String start = from != null ? from
                : GdFateOfRun.START_THETA0.equals(s.gdStart()) || theta0Affordable ? FROM_THETA0 : FROM_RECORD;
        double[] theta;
        long startStep;
        if (start.equals(FROM_THETA0)) {
            theta = c.initialTheta();
            startStep = 0;
        } else {
            TrajectoryPoint before = recordBefore(r.trajectory(), s.gdUnstableStep());
            theta = before.theta();
            startStep = before.step();
        }
        long n = steps != null ? steps : defaultSteps(s, startStep);
        GdVerification.Result v = GdVerification.run(new GdMap(SquaredLoss.empirical(c.dataSet()), c.training().eta()),
                Kernels.forData(c.dataSet()), GdFateKind.ofLabel(s.gdFate()), orbit(s), theta, startStep, n);
        return new Report(s, start, v);
    }

    /** The fate's step minus the start, plus SETTLING_TIMES settling times of its cycle (or as much again), at most DEFAULT_CAP. */
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
}
