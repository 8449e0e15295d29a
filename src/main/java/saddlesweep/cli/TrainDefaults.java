package saddlesweep.cli;

import java.math.BigDecimal;
import java.util.Map;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import saddlesweep.analysis.AnalysisSettings;
import saddlesweep.run.RunConfig;
import saddlesweep.train.TrainingSettings;

/**
 * The default values of {@code train}'s options (and so of its {@code --help}): for every setting a job may
 * leave out, the job's default, read from {@link TrainingSettings}, {@link AnalysisSettings} and
 * {@link RunConfig}, so that {@code train} and a job without the key run alike; for what a job must give (the
 * teacher, N, σ², H, the seeds), train's own example run.
 */
public final class TrainDefaults implements IDefaultValueProvider {

    /** Option name to default value, as picocli parses it. */
    static final Map<String, String> VALUES = values();

    private static Map<String, String> values() {
        TrainingSettings t = TrainingSettings.defaults();
        AnalysisSettings a = AnalysisSettings.defaults();
        return Map.ofEntries(
                Map.entry("--teacher-w", "1"),
                Map.entry("--teacher-v", "1"),
                Map.entry("--activation", "tanh"),
                Map.entry("--n", "100"),
                Map.entry("--sigma2", "0.01"),
                Map.entry("--hidden", "2"),
                Map.entry("--data-seed", "1"),
                Map.entry("--init-seed", "1"),
                Map.entry("--input-std", number(RunConfig.DEFAULT_INPUT_STD)),
                Map.entry("--eta", number(t.eta())),
                Map.entry("--init-scale", number(t.initScale())),
                Map.entry("--max-steps", Long.toString(t.maxSteps())),
                Map.entry("--grad-tol", number(t.gradTol())),
                Map.entry("--tail", t.tail()),
                Map.entry("--horizon-steps", number(t.horizonSteps())),
                Map.entry("--dip-factor", number(a.dipFactor())),
                Map.entry("--near-optimal-ratio", number(a.nearOptimalRatio())),
                Map.entry("--gd-fate-work", number(a.gdFateWork())),
                Map.entry("--gd-theta0-work", number(a.gdTheta0Work())));
    }

    /** Shortest decimal form: 0.05, 1e-12, 1e12, 3. */
    static String number(double x) {
        return BigDecimal.valueOf(x).stripTrailingZeros().toString().replace("E+", "e").replace('E', 'e');
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        return arg instanceof OptionSpec o ? VALUES.get(o.longestName()) : null;
    }
}
