package saddlesweep.run;

import java.util.Arrays;
import java.util.List;

import saddlesweep.analysis.AnalysisSettings;
import saddlesweep.committee.CommitteeGdProblem;
import saddlesweep.committee.CommitteePipeline;
import saddlesweep.committee.CommitteeRunConfig;
import saddlesweep.committee.CommitteeRunSummary;
import saddlesweep.committee.CommitteeSymmetry;
import saddlesweep.error.UserError;
import saddlesweep.gdfate.GdFateKind;
import saddlesweep.gdfate.GdVerification;
import saddlesweep.gdfate.OrbitSymmetry;
import saddlesweep.model.DataSet;
import saddlesweep.model.PopulationExcess;
import saddlesweep.model.SquaredLoss;
import saddlesweep.train.GdMap;
import saddlesweep.train.GradientKernel;

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

    /**
     * The run as analysed ({@link RunSummary}, or a committee machine's {@link CommitteeRunSummary}), its GD fate's
     * columns, where the rerun started ({@code theta0} or {@code record}), and what plain GD did; verification null
     * when GD never turns unstable.
     */
    public record Report<S>(S run, GdFateView gd, String from, GdVerification.Result verification) {
    }

    private VerifyGd() {
    }

    /**
     * @param from   {@code theta0}, {@code record}, or null: θ_0 where {@code gd_theta0_work} affords it, else the record
     * @param steps  GD steps to rerun, or null: to the fate's step plus {@value #SETTLING_TIMES} settling times of its
     *               cycle (or as much again), at most {@value #DEFAULT_CAP}
     */
    public static Report<RunSummary> verify(RunConfig c, String from, Long steps) {
        checkFrom(from);
        RunResult r = RunPipeline.run(c);
        RunSummary s = r.run();
        DataSet data = c.dataSet();
        ScalarGdProblem p = new ScalarGdProblem(c, data, SquaredLoss.empirical(data), new PopulationExcess(c.teacher(), c.inputStd()));
        return verify(s, s, p.workPerStep(), c.analysis(), c.initialTheta(), r.trajectory(), p.map(), p.kernel(),
                OrbitSymmetry.SCALAR, from, steps);
    }

    /** {@code verify-gd} for a committee-machine run (d &gt; 1 or erf): plain GD on the kernel its training used. */
    public static Report<CommitteeRunSummary> verify(CommitteeRunConfig c, String from, Long steps) {
        checkFrom(from);
        CommitteePipeline.Result r = CommitteePipeline.run(c);
        CommitteeRunSummary s = r.run();
        CommitteeGdProblem p = new CommitteeGdProblem(c, c.loss(), c.excess());
        return verify(s, s.gd(), p.workPerStep(), c.analysis(), c.theta0(), r.trajectory(), p.map(), p.kernel(),
                CommitteeSymmetry.orbitSymmetry(c.dim()), from, steps);
    }

    private static void checkFrom(String from) {
        if (from != null && !from.equals(FROM_THETA0) && !from.equals(FROM_RECORD)) {
            throw new UserError("--from = " + from + ": must be theta0 or record");
        }
    }

    /** The rerun for any model: its GD fate g, GD's cost per step in sample·unit·steps, θ_0, its records, map and kernel. */
    private static <S> Report<S> verify(S run, GdFateView g, double perStep, AnalysisSettings analysis, double[] theta0,
                                        List<TrajectoryPoint> trajectory, GdMap map, GradientKernel kernel,
                                        OrbitSymmetry symmetry, String from, Long steps) {
        if (g.gdUnstableStep() == null) return new Report<>(run, g, null, null);
        boolean theta0Affordable = g.gdHandoverStep() != null && g.gdHandoverStep() * perStep <= analysis.gdTheta0Work();
        String start = from != null ? from
                : GdFateOfRun.START_THETA0.equals(g.gdStart()) || theta0Affordable ? FROM_THETA0 : FROM_RECORD;
        double[] theta;
        long startStep;
        if (start.equals(FROM_THETA0)) {
            theta = theta0;
            startStep = 0;
        } else {
            TrajectoryPoint before = recordBefore(trajectory, g.gdUnstableStep());
            theta = before.theta();
            startStep = before.step();
        }
        long n = steps != null ? steps : defaultSteps(g, startStep);
        GdVerification.Result v = GdVerification.run(map, kernel, symmetry, GdFateKind.ofLabel(g.gdFate()), orbit(g), theta,
                startStep, n);
        return new Report<>(run, g, start, v);
    }

    /** The fate's step minus the start, plus SETTLING_TIMES settling times of its cycle (or as much again), at most DEFAULT_CAP. */
    static long defaultSteps(GdFateView s, long startStep) {
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
    private static double[][] orbit(GdFateView s) {
        if (s.gdOrbit() == null || s.gdPeriod() == 0) return null;
        int d = s.gdOrbit().length / s.gdPeriod();
        double[][] p = new double[s.gdPeriod()][];
        for (int j = 0; j < p.length; j++) p[j] = Arrays.copyOfRange(s.gdOrbit(), j * d, (j + 1) * d);
        return p;
    }
}
