package saddlesweep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import saddlesweep.analysis.AnalysisSettings;
import saddlesweep.error.UserError;
import saddlesweep.model.DataSet;
import saddlesweep.model.Teacher;
import saddlesweep.run.RunConfig;
import saddlesweep.run.RunPipeline;
import saddlesweep.run.RunResult;
import saddlesweep.train.TrainingSettings;

/** {@code train}: one run, trained and analysed, printed as a phase table (or JSON), optionally traced to CSV. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false, defaultValueProvider = TrainDefaults.class,
        description = "Train and analyse one run: slow passages (plateau / near-optimal saddle), attractor, theory checks.")
public final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--teacher-w", split = ",", paramLabel = "W", description = "Teacher input weights w* (default: ${DEFAULT-VALUE}).")
    double[] teacherW;
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
    @Option(names = "--near-optimal-ratio", description = "near_optimal when E(dip) ≤ ratio·(min E from the passage on) (default: ${DEFAULT-VALUE}).")
    double nearOptimalRatio;
    @Option(names = "--data", paramLabel = "FILE.csv", description = "Data set with columns x,y (replaces the generated data).")
    Path data;
    @Option(names = "--init", split = ",", paramLabel = "θ", description = "Initial point w1,…,wH,v1,…,vH (replaces the random one).")
    double[] init;
    @Option(names = "--trace", paramLabel = "FILE.csv", description = "Write the recorded trajectory as CSV.")
    Path trace;
    @Option(names = "--json", description = "Print {run, events, trajectory} as JSON with the tables' column names.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        RunConfig config = config();
        if (trace != null && (Files.isDirectory(trace) || (trace.getParent() != null && !Files.isDirectory(trace.getParent())))) {
            throw new UserError("--trace " + trace + ": not a writable file path");
        }
        RunResult result = RunPipeline.run(config);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("run", result.run());
            doc.put("events", result.events());
            doc.put("trajectory", result.trajectory());
            out.println(Json.mapper().writeValueAsString(doc));
        } else {
            out.print(PhaseTable.render(config, result));
        }
        out.flush();
        if (trace != null) writeTrace(result);
        return 0;
    }

    /** The run the options describe (its task id hashes every setting: equal to a job's task with the same values). */
    RunConfig config() {
        if (teacherW.length != teacherV.length) {
            throw new UserError("--teacher-w has " + teacherW.length + " values but --teacher-v has " + teacherV.length);
        }
        finite("--teacher-w", teacherW);
        finite("--teacher-v", teacherV);
        if (init != null) finite("--init", init);
        try {
            Teacher teacher = new Teacher(teacherW, teacherV);
            TrainingSettings ts = TrainingSettings.defaults().withEta(eta).withInitScale(initScale)
                    .withMaxSteps(maxSteps).withGradTol(gradTol).withPolish(!noPolish).withTail(tail)
                    .withHorizonSteps(horizonSteps(horizonSteps));
            AnalysisSettings d = AnalysisSettings.defaults();
            AnalysisSettings as = new AnalysisSettings(dipFactor, nearOptimalRatio, d.nearOptimalAbs(), d.eigenRelTol(),
                    d.singularTol(), d.refineMaxDistance(), d.clusterTol(), d.fnClusterTol(), gdFateWork);
            DataSet ds = data == null ? null : CsvDataReader.read(data);
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

    private void writeTrace(RunResult result) throws IOException {
        int h = hidden;
        StringBuilder s = new StringBuilder("step,train_loss,gen_excess,grad_norm");
        for (int i = 1; i <= h; i++) s.append(",w").append(i);
        for (int i = 1; i <= h; i++) s.append(",v").append(i);
        s.append('\n');
        for (var p : result.trajectory()) {
            s.append(p.step()).append(',').append(p.trainLoss()).append(',').append(p.genExcess()).append(',').append(p.gradNorm());
            for (double t : p.theta()) s.append(',').append(t);
            s.append('\n');
        }
        Files.writeString(trace, s, StandardCharsets.UTF_8);
    }
}
