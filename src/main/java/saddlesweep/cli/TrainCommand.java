package saddlesweep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import saddlesweep.committee.CommitteePipeline;
import saddlesweep.committee.CommitteeRunConfig;
import saddlesweep.error.UserError;
import saddlesweep.run.RunConfig;
import saddlesweep.run.RunPipeline;
import saddlesweep.run.RunResult;
import saddlesweep.run.TrajectoryPoint;

/** {@code train}: one run, trained and analysed, printed as a phase table (or JSON), optionally traced to CSV. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false, defaultValueProvider = TrainDefaults.class,
        description = "Train and analyse one run: slow passages (plateau / near-optimal saddle), attractor, theory checks.")
public final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions run;
    @Option(names = "--trace", paramLabel = "FILE.csv", description = "Write the recorded trajectory as CSV.")
    Path trace;
    @Option(names = "--json", description = "Print {run, events, trajectory} as JSON with the tables' column names.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (run.committee()) return committee(run.dim());
        RunConfig config = run.config();
        checkTrace();
        RunResult result = RunPipeline.run(config);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            print(out, result.run(), result.events(), result.trajectory());
        } else {
            out.print(PhaseTable.render(config, result));
        }
        out.flush();
        if (trace != null) writeTrace(result.trajectory(), 1);
        return 0;
    }

    /** The committee machine (d > 1, or erf): plain GD and the flow tail, the saddle sequence, the end point. */
    private Integer committee(int dim) throws IOException {
        CommitteeRunConfig config = run.committeeConfig();
        checkTrace();
        CommitteePipeline.Result result = CommitteePipeline.run(config);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            print(out, Json.committeeRun(result.run()), result.events(), result.trajectory());
        } else {
            out.print(CommitteeTable.render(result));
        }
        out.flush();
        if (trace != null) writeTrace(result.trajectory(), dim);
        return 0;
    }

    private void checkTrace() {
        if (trace != null && (Files.isDirectory(trace) || (trace.getParent() != null && !Files.isDirectory(trace.getParent())))) {
            throw new UserError("--trace " + trace + ": not a writable file path");
        }
    }

    private static void print(PrintWriter out, Object run, Object events, Object trajectory) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("run", run);
        doc.put("events", events);
        doc.put("trajectory", trajectory);
        out.println(Json.mapper().writeValueAsString(doc));
    }

    /** The records as CSV: w1..wH, v1..vH (d = 1), or w1_1..w1_d, …, wH_d, v1..vH. */
    private void writeTrace(List<TrajectoryPoint> trajectory, int dim) throws IOException {
        int h = run.hidden;
        StringBuilder s = new StringBuilder("step,train_loss,gen_excess,grad_norm");
        for (int i = 1; i <= h; i++) {
            if (dim == 1) s.append(",w").append(i);
            for (int k = 1; k <= dim && dim > 1; k++) s.append(",w").append(i).append('_').append(k);
        }
        for (int i = 1; i <= h; i++) s.append(",v").append(i);
        s.append('\n');
        for (var p : trajectory) {
            s.append(p.step()).append(',').append(p.trainLoss()).append(',').append(p.genExcess()).append(',').append(p.gradNorm());
            for (double t : p.theta()) s.append(',').append(t);
            s.append('\n');
        }
        Files.writeString(trace, s, StandardCharsets.UTF_8);
    }
}
