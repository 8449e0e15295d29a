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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import saddlesweep.error.UserError;
import saddlesweep.run.RunConfig;
import saddlesweep.run.RunPipeline;
import saddlesweep.run.RunResult;

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
        RunConfig config = run.config();
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

    private void writeTrace(RunResult result) throws IOException {
        int h = run.hidden;
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
