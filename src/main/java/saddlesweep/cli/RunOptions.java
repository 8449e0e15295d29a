package saddlesweep.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

import saddlesweep.analysis.AnalysisSettings;
import saddlesweep.committee.Activation;
import saddlesweep.committee.CommitteeData;
import saddlesweep.committee.CommitteeNetwork;
import saddlesweep.committee.CommitteeRunConfig;
import saddlesweep.error.UserError;
import saddlesweep.model.DataSet;
import saddlesweep.model.Teacher;
import saddlesweep.run.RunConfig;
import saddlesweep.train.TrainingSettings;

/**
 * The options that describe one run (teacher, data, width, seeds, training and analysis settings), shared by
 * {@code train} and {@code verify-gd}; their defaults come from {@link TrainDefaults}.
 */
public final class RunOptions {

    @Option(names = "--teacher-w", paramLabel = "W", description = "Teacher input weights w*: a value per unit, or rows of d values "
            + "separated by ';' (e.g. '1.2,0,0.3;-0.2,0.9,0', or '1,0,0;' for one row) for the committee machine in d > 1 inputs "
            + "(default: ${DEFAULT-VALUE}).")
    String teacherW;
    @Option(names = "--teacher-v", split = ",", paramLabel = "V", description = "Teacher output weights v* (default: ${DEFAULT-VALUE}).")
    double[] teacherV;
    @Option(names = "--n", description = "Data set size N (default: ${DEFAULT-VALUE}).")
    int n;
    @Option(names = "--sigma2", description = "Noise variance σ² (default: ${DEFAULT-VALUE}); with --data it only labels the run.")
    double sigma2;
    @Option(names = "--hidden", description = "Student width H (default: ${DEFAULT-VALUE}).")
    int hidden;
    @Option(names = "--data-seed", description = "Seed of the data set (default: ${DEFAULT-VALUE}).")
    long dataSeed;
    @Option(names = "--init-seed", description = "Seed of θ_0 (default: ${DEFAULT-VALUE}).")
    long initSeed;
    @Option(names = "--input-std", description = "Input standard deviation s_x (default: ${DEFAULT-VALUE}).")
    double inputStd;
    @Option(names = "--eta", description = "Learning rate η (default: ${DEFAULT-VALUE}).")
    double eta;
    @Option(names = "--init-scale", description = "θ_0 ~ N(0, init_scale²) (default: ${DEFAULT-VALUE}).")
    double initScale;
    @Option(names = "--max-steps", description = "Step budget of plain GD; with --tail flow GD hands over to the flow long before it (default: ${DEFAULT-VALUE}).")
    long maxSteps;
    @Option(names = "--grad-tol", description = "Plain GD stops when ‖∇L_N‖ ≤ this (default: ${DEFAULT-VALUE}).")
    double gradTol;
    @Option(names = "--no-polish", description = "Plain GD to the end: no Newton finish (training.polish: false; polished by default).")
    boolean noPolish;
    @Option(names = "--tail", paramLabel = "gd|flow", description = "flow: once GD has equilibrated, follow the flow GD follows to --horizon-steps; gd: plain GD to --max-steps (default: ${DEFAULT-VALUE}).")
    String tail;
    @Option(names = "--horizon-steps", description = "How far the flow tail follows the run, in GD-equivalent steps (default: ${DEFAULT-VALUE}).")
    double horizonSteps;
    @Option(names = "--dip-factor", description = "Slow-passage prominence factor (default: ${DEFAULT-VALUE}).")
    double dipFactor;
    @Option(names = "--gd-fate-work", description = "Real GD work GD's own fate may take, in sample·unit·steps; 0: not followed (default: ${DEFAULT-VALUE}).")
    double gdFateWork;
    @Option(names = "--gd-theta0-work", description = "GD's fate from plain GD started at θ_0 when the edge of stability is within this many sample·unit·steps; beyond, from the flow just before the edge (default: ${DEFAULT-VALUE}).")
    double gdTheta0Work;
    @Option(names = "--near-optimal-ratio", description = "near_optimal when E(dip) ≤ ratio·(min E from the passage on) (default: ${DEFAULT-VALUE}).")
    double nearOptimalRatio;
    @Option(names = "--activation", paramLabel = "tanh|erf", description = "The units' activation g: tanh, or erf(u/√2) "
            + "(Saad and Solla's; the committee machine's pipeline, in any d) (default: ${DEFAULT-VALUE}).")
    String activation;
    @Option(names = "--data", paramLabel = "FILE.csv", description = "Data set with columns x,y, or x1,…,xd,y (replaces the generated data).")
    Path data;
    @Option(names = "--init", split = ",", paramLabel = "θ", description = "Initial point w1,…,wH,v1,…,vH; in d > 1 the rows w1 … wH "
            + "(d values each), then v1,…,vH (replaces the random one).")
    double[] init;

    /** The --data file as read (once), or null without one. */
    private CommitteeData dataRead;

    private CommitteeData dataFile() {
        if (data != null && dataRead == null) dataRead = CsvDataReader.readColumns(data);
        return dataRead;
    }

    /** The input dimension d: the length of the teacher's rows (and of the data's inputs, which must agree). */
    public int dim() {
        int d = teacherRows().dim();
        if (data != null) {
            int dd = dataFile().dim();
            if (dd != d) {
                throw new UserError("--data " + data + " has d = " + dd + " inputs but the teacher's rows (--teacher-w) have " + d);
            }
        }
        return d;
    }

    private TeacherRows teacherRows() {
        TeacherRows rows = TeacherRows.parse(teacherW);
        if (rows.units() != teacherV.length) {
            throw new UserError("--teacher-w has " + rows.units() + (rows.dim() > 1 ? " rows" : " values") + " but --teacher-v has "
                    + teacherV.length);
        }
        return rows;
    }

    /** Whether the run is the committee machine's: d > 1, or an activation other than tanh. */
    public boolean committee() {
        return dim() > 1 || !"tanh".equals(activation);
    }

    /** The committee-machine run (d > 1, or erf) the options describe. */
    public CommitteeRunConfig committeeConfig() {
        TeacherRows rows = teacherRows();
        Activation g;
        try {
            g = Activation.named(activation);
        } catch (IllegalArgumentException e) {
            throw new UserError("--activation: " + e.getMessage());
        }
        finite("--teacher-v", teacherV);
        if (init != null) finite("--init", init);
        try {
            TrainingSettings ts = TrainingSettings.defaults().withEta(eta).withInitScale(initScale).withMaxSteps(maxSteps)
                    .withGradTol(gradTol).withTail(tail).withHorizonSteps(horizonSteps(horizonSteps));
            CommitteeData ds = dataFile();
            return new CommitteeRunConfig(rows.dim(), g, CommitteeNetwork.pack(rows.flat(), teacherV, rows.dim()),
                    ds == null ? n : ds.size(), sigma2, hidden, dataSeed, initSeed, inputStd, ts.eta(), ts.initScale(),
                    ts.maxSteps(), ts.gradTol(), ts.recordsPerDecade(), ts.tail(), ts.horizonSteps(), analysis(), ds, init);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage().replace("init must", "--init must"));
        }
    }

    private AnalysisSettings analysis() {
        AnalysisSettings d = AnalysisSettings.defaults();
        return new AnalysisSettings(dipFactor, nearOptimalRatio, d.nearOptimalAbs(), d.eigenRelTol(), d.singularTol(),
                d.refineMaxDistance(), d.clusterTol(), d.fnClusterTol(), gdFateWork, gdTheta0Work);
    }

    /** The run the options describe (its task id hashes every setting: equal to a job's task with the same values). */
    public RunConfig config() {
        TeacherRows rows = teacherRows();
        if (rows.dim() > 1 || !"tanh".equals(activation)) {
            throw new UserError(rows.dim() > 1
                    ? "--teacher-w has rows of d = " + rows.dim() + " inputs: only train runs the committee machine (d > 1) so far"
                    : "--activation " + activation + ": only train runs activations other than tanh so far");
        }
        double[] teacherW = rows.flat();
        finite("--teacher-v", teacherV);
        if (init != null) finite("--init", init);
        try {
            Teacher teacher = new Teacher(teacherW, teacherV);
            TrainingSettings ts = TrainingSettings.defaults().withEta(eta).withInitScale(initScale)
                    .withMaxSteps(maxSteps).withGradTol(gradTol).withPolish(!noPolish).withTail(tail)
                    .withHorizonSteps(horizonSteps(horizonSteps));
            AnalysisSettings as = analysis();
            DataSet ds = data == null ? null : CsvDataReader.scalar(data, dataFile());
            RunConfig c = new RunConfig(teacher, ds == null ? n : ds.size(), sigma2, hidden, dataSeed, initSeed,
                    inputStd, ts, as, ds, null);
            return init == null ? c : c.withInit(init);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage().replace("init must", "--init must"));
        }
    }

    private static long horizonSteps(double h) {
        if (!(h >= 1) || h > Long.MAX_VALUE || h != Math.rint(h)) {
            throw new UserError("--horizon-steps = " + h + ": must be a whole number of steps >= 1");
        }
        return (long) h;
    }

    private static void finite(String option, double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) throw new UserError(option + " = " + v + ": values must be finite");
        }
    }

}
