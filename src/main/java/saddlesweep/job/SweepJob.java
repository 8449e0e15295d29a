package saddlesweep.job;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import saddlesweep.analysis.AnalysisSettings;
import saddlesweep.model.Teacher;
import saddlesweep.run.RunConfig;
import saddlesweep.train.TrainingSettings;

/**
 * A parsed sweep job: the teacher, the grid axes and the settings shared by every task. The grid is the
 * product n × sigma2 × hidden × data_seed × init_seed; task {@code i} is decoded from the mixed-radix index
 * on demand ({@link #task(long)}), init_seed varying fastest so that the runs of one data set are adjacent.
 *
 * @param name       sweep name, {@code [A-Za-z0-9_.-]+}: the {@code sweep} partition of the results
 * @param inputStd   standard deviation s_x of the Gaussian inputs
 * @param chunkSize  tasks run and committed together (does not affect results)
 */
public record SweepJob(String name, Teacher teacher, double inputStd,
                       LongAxis n, DoubleAxis sigma2, LongAxis hidden, LongAxis dataSeed, LongAxis initSeed,
                       TrainingSettings training, AnalysisSettings analysis, int chunkSize) implements Serializable {

    /** Allowed sweep names. */
    public static final Pattern NAME_PATTERN = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    public static final int DEFAULT_CHUNK_SIZE = 64;
    public static final int MAX_CHUNK_SIZE = 100_000;
    /** Largest grid accepted without {@code --allow-large}. */
    public static final long MAX_TASKS_DEFAULT = 100_000L;

    public SweepJob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(teacher, "teacher");
        Objects.requireNonNull(n, "n");
        Objects.requireNonNull(sigma2, "sigma2");
        Objects.requireNonNull(hidden, "hidden");
        Objects.requireNonNull(dataSeed, "data_seed");
        Objects.requireNonNull(initSeed, "init_seed");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(analysis, "analysis");
        if (!NAME_PATTERN.matcher(name).matches()) throw new IllegalArgumentException("name must match " + NAME_PATTERN + ", got " + name);
        if (!(inputStd > 0) || !Double.isFinite(inputStd)) throw new IllegalArgumentException("input_std must be > 0, got " + inputStd);
        if (n.min() < 1 || n.max() > Integer.MAX_VALUE) throw new IllegalArgumentException("n values must be in 1.." + Integer.MAX_VALUE);
        if (hidden.min() < 1 || hidden.max() > Integer.MAX_VALUE) throw new IllegalArgumentException("hidden values must be in 1.." + Integer.MAX_VALUE);
        for (double s : sigma2.values()) if (!(s >= 0)) throw new IllegalArgumentException("sigma2 must be >= 0, got " + s);
        if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) throw new IllegalArgumentException("chunk_size must be in 1.." + MAX_CHUNK_SIZE + ", got " + chunkSize);
        try {
            gridSize(n, sigma2, hidden, dataSeed, initSeed);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("grid size overflows a long");
        }
    }

    /** Number of tasks: the product of the axis lengths (the constructor has checked that it fits a long). */
    public long size() {
        return gridSize(n, sigma2, hidden, dataSeed, initSeed);
    }

    /** Product of the axis lengths; ArithmeticException when it does not fit a long. */
    static long gridSize(LongAxis n, DoubleAxis sigma2, LongAxis hidden, LongAxis dataSeed, LongAxis initSeed) {
        long s = n.size();
        s = Math.multiplyExact(s, sigma2.size());
        s = Math.multiplyExact(s, hidden.size());
        s = Math.multiplyExact(s, dataSeed.size());
        return Math.multiplyExact(s, initSeed.size());
    }

    /** Runs per data set (n, sigma2, hidden, data_seed): the length of the init_seed axis. Tasks come in blocks of this size. */
    public long runsPerDataSet() {
        return initSeed.size();
    }

    /**
     * Task {@code index} of the grid (0 ≤ index < size()), decoded as a mixed-radix number with digits
     * (n, sigma2, hidden, data_seed, init_seed), init_seed least significant. Costs O(1); nothing is materialised.
     */
    public RunConfig task(long index) {
        long size = size();
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException("task index " + index + " outside 0.." + (size - 1));
        long rest = index;
        long iInit = rest % initSeed.size();
        rest /= initSeed.size();
        long iData = rest % dataSeed.size();
        rest /= dataSeed.size();
        long iHidden = rest % hidden.size();
        rest /= hidden.size();
        long iSigma2 = rest % sigma2.size();
        rest /= sigma2.size();
        long iN = rest;
        return new RunConfig(teacher, (int) n.get(iN), sigma2.get(iSigma2), (int) hidden.get(iHidden),
                dataSeed.get(iData), initSeed.get(iInit), inputStd, training, analysis, null, null);
    }

    /** Tasks {@code from} (inclusive) to {@code to} (exclusive), e.g. one chunk. */
    public List<RunConfig> tasks(long from, long to) {
        if (from < 0 || to < from || to > size()) throw new IndexOutOfBoundsException("task range " + from + ".." + to + " of " + size());
        List<RunConfig> out = new ArrayList<>((int) Math.min(to - from, Integer.MAX_VALUE - 8));
        for (long i = from; i < to; i++) out.add(task(i));
        return out;
    }

    /**
     * The whole job as YAML, every default filled in, axes in the form given. Parsing it gives back an equal
     * job; suitable for storing next to the results.
     */
    public String canonicalYaml() {
        StringBuilder b = new StringBuilder();
        b.append("name: \"").append(name).append("\"\n");
        b.append("teacher:\n");
        b.append("  w: ").append(numbers(teacher.w())).append('\n');
        b.append("  v: ").append(numbers(teacher.v())).append('\n');
        b.append("input_std: ").append(YamlNumbers.format(inputStd)).append('\n');
        b.append("n: ").append(n.toYaml()).append('\n');
        b.append("sigma2: ").append(sigma2.toYaml()).append('\n');
        b.append("hidden: ").append(hidden.toYaml()).append('\n');
        b.append("data_seed: ").append(dataSeed.toYaml()).append('\n');
        b.append("init_seed: ").append(initSeed.toYaml()).append('\n');
        appendSettings(b);
        b.append("chunk_size: ").append(chunkSize).append('\n');
        return b.toString();
    }

    /**
     * Everything that determines the results, in a form independent of key order, of how an axis was spelt
     * (list or range) and of the order of axis values: teacher, input_std, the set of values of each axis,
     * training and analysis settings. The name and chunk_size are not part of it.
     */
    public String canonicalDefinition() {
        StringBuilder b = new StringBuilder();
        b.append("teacher:\n");
        b.append("  w: ").append(numbers(teacher.w())).append('\n');
        b.append("  v: ").append(numbers(teacher.v())).append('\n');
        b.append("input_std: ").append(YamlNumbers.format(inputStd)).append('\n');
        b.append("n: ").append(n.canonical()).append('\n');
        b.append("sigma2: ").append(sigma2.canonical()).append('\n');
        b.append("hidden: ").append(hidden.canonical()).append('\n');
        b.append("data_seed: ").append(dataSeed.canonical()).append('\n');
        b.append("init_seed: ").append(initSeed.canonical()).append('\n');
        appendSettings(b);
        return b.toString();
    }

    /**
     * First 16 hex digits of SHA-256 over {@link #canonicalDefinition()}: equal for two job files that define
     * the same tasks with the same settings, so a sweep name can refuse to be re-run with another definition.
     */
    public String definitionHash() {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(canonicalDefinition().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void appendSettings(StringBuilder b) {
        b.append("training:\n");
        b.append("  eta: ").append(YamlNumbers.format(training.eta())).append('\n');
        b.append("  init_scale: ").append(YamlNumbers.format(training.initScale())).append('\n');
        b.append("  max_steps: ").append(training.maxSteps()).append('\n');
        b.append("  grad_tol: ").append(YamlNumbers.format(training.gradTol())).append('\n');
        b.append("  records_per_decade: ").append(training.recordsPerDecade()).append('\n');
        b.append("  polish: ").append(training.polish()).append('\n');
        // written only when not the defaults, so that the definition hashes of existing jobs stay the same
        if (!training.flowTail() || training.horizonSteps() != TrainingSettings.DEFAULT_HORIZON_STEPS) {
            b.append("  tail: ").append(training.tail()).append('\n');
            b.append("  horizon_steps: ").append(training.horizonSteps()).append('\n');
        }
        b.append("analysis:\n");
        b.append("  dip_factor: ").append(YamlNumbers.format(analysis.dipFactor())).append('\n');
        b.append("  near_optimal_ratio: ").append(YamlNumbers.format(analysis.nearOptimalRatio())).append('\n');
        b.append("  near_optimal_abs: ").append(YamlNumbers.format(analysis.nearOptimalAbs())).append('\n');
        b.append("  eigen_rel_tol: ").append(YamlNumbers.format(analysis.eigenRelTol())).append('\n');
        b.append("  singular_tol: ").append(YamlNumbers.format(analysis.singularTol())).append('\n');
        b.append("  refine_max_distance: ").append(YamlNumbers.format(analysis.refineMaxDistance())).append('\n');
        b.append("  cluster_tol: ").append(YamlNumbers.format(analysis.clusterTol())).append('\n');
        b.append("  drift_min_growth: ").append(YamlNumbers.format(analysis.driftMinGrowth())).append('\n');
    }

    private static String numbers(double[] xs) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (double x : xs) j.add(YamlNumbers.format(x));
        return j.toString();
    }
}
