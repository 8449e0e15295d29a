package saddlesweep.job;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
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
 * A parsed sweep job: the grid axes and the settings shared by every task. The grid is the product
 * teacher × input_dim × input_std × eta × init_scale × n × sigma2 × hidden × data_seed × init_seed; task {@code i} is
 * decoded from the mixed-radix index on demand ({@link #task(long)}), init_seed varying fastest so that the
 * runs of one data set and setting are adjacent. Axes of one value do not change the index, so a job that
 * gives one teacher, input_std, eta and init_scale has the task order (and ids) it had before these axes
 * existed.
 *
 * @param name       sweep name, {@code [A-Za-z0-9_.-]+}: the {@code sweep} partition of the results
 * @param teachers   the teacher axis: distinct names, distinct functions
 * @param inputDim   input dimensions d: each teacher's rows zero-padded to d entries ({@link Teacher#embedded}: the
 *                   same function of the first coordinates); null (no {@code input_dim} key) runs each teacher in
 *                   the dimension of its rows
 * @param inputStd   standard deviations s_x of the Gaussian inputs
 * @param eta        learning rates (replace {@code training.eta()} in each task)
 * @param initScale  scales of θ_0 (replace {@code training.initScale()} in each task)
 * @param training   the other training settings; its eta and initScale are the first values of the axes
 * @param chunkSize  tasks run and committed together (does not affect results)
 */
public record SweepJob(String name, List<Teacher> teachers, LongAxis inputDim, DoubleAxis inputStd, DoubleAxis eta, DoubleAxis initScale,
                       LongAxis n, DoubleAxis sigma2, LongAxis hidden, LongAxis dataSeed, LongAxis initSeed,
                       TrainingSettings training, AnalysisSettings analysis, int chunkSize) implements Serializable {

    /** Allowed sweep names (and teacher names). */
    public static final Pattern NAME_PATTERN = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    public static final int DEFAULT_CHUNK_SIZE = 64;
    public static final int MAX_CHUNK_SIZE = 100_000;
    /** Largest grid accepted without {@code --allow-large}. */
    public static final long MAX_TASKS_DEFAULT = 100_000L;
    /** Largest input dimension a job may ask for. */
    public static final int MAX_INPUT_DIM = 4096;

    public SweepJob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(teachers, "teachers");
        Objects.requireNonNull(inputStd, "input_std");
        Objects.requireNonNull(eta, "eta");
        Objects.requireNonNull(initScale, "init_scale");
        Objects.requireNonNull(n, "n");
        Objects.requireNonNull(sigma2, "sigma2");
        Objects.requireNonNull(hidden, "hidden");
        Objects.requireNonNull(dataSeed, "data_seed");
        Objects.requireNonNull(initSeed, "init_seed");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(analysis, "analysis");
        teachers = List.copyOf(teachers);
        if (inputDim != null) {
            int most = 0;
            for (Teacher t : teachers) most = Math.max(most, t.dim());
            if (inputDim.min() < most) throw new IllegalArgumentException("input_dim " + inputDim.min() + " is below a teacher's"
                    + " input dimension " + most + " (its rows' length); every value must be at least that");
            if (inputDim.max() > MAX_INPUT_DIM) throw new IllegalArgumentException("input_dim values must be in 1.." + MAX_INPUT_DIM);
        }
        if (!NAME_PATTERN.matcher(name).matches()) throw new IllegalArgumentException("name must match " + NAME_PATTERN + ", got " + name);
        if (teachers.isEmpty()) throw new IllegalArgumentException("a job needs at least one teacher");
        if (teachers.stream().map(Teacher::name).distinct().count() != teachers.size()) {
            throw new IllegalArgumentException("teacher names must be distinct");
        }
        for (double s : inputStd.values()) if (!(s > 0)) throw new IllegalArgumentException("input_std must be > 0, got " + s);
        if (n.min() < 1 || n.max() > Integer.MAX_VALUE) throw new IllegalArgumentException("n values must be in 1.." + Integer.MAX_VALUE);
        if (hidden.min() < 1 || hidden.max() > Integer.MAX_VALUE) throw new IllegalArgumentException("hidden values must be in 1.." + Integer.MAX_VALUE);
        for (double s : sigma2.values()) if (!(s >= 0)) throw new IllegalArgumentException("sigma2 must be >= 0, got " + s);
        for (int i = 0; i < eta.size(); i++) training.withEta(eta.get(i));                 // throws unless > 0
        for (int i = 0; i < initScale.size(); i++) training.withInitScale(initScale.get(i)); // throws unless >= 0
        if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) throw new IllegalArgumentException("chunk_size must be in 1.." + MAX_CHUNK_SIZE + ", got " + chunkSize);
        try {
            gridSize(radices(teachers, inputDim, inputStd, eta, initScale, n, sigma2, hidden, dataSeed, initSeed));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("grid size overflows a long");
        }
    }

    /** Number of tasks: the product of the axis lengths (the constructor has checked that it fits a long). */
    public long size() {
        return gridSize(radices());
    }

    /** The axis lengths in index order, slowest first: teacher, input_dim, input_std, eta, init_scale, n, sigma2, hidden, data_seed, init_seed. */
    long[] radices() {
        return radices(teachers, inputDim, inputStd, eta, initScale, n, sigma2, hidden, dataSeed, initSeed);
    }

    static long[] radices(List<Teacher> teachers, LongAxis inputDim, DoubleAxis inputStd, DoubleAxis eta, DoubleAxis initScale,
                          LongAxis n, DoubleAxis sigma2, LongAxis hidden, LongAxis dataSeed, LongAxis initSeed) {
        return new long[] {teachers.size(), inputDim == null ? 1 : inputDim.size(), inputStd.size(), eta.size(), initScale.size(),
                n.size(), sigma2.size(), hidden.size(), dataSeed.size(), initSeed.size()};
    }

    /** Product of the axis lengths; ArithmeticException when it does not fit a long. */
    static long gridSize(long[] radices) {
        long s = 1;
        for (long r : radices) s = Math.multiplyExact(s, r);
        return s;
    }

    /**
     * Runs per data set and setting (every axis but init_seed fixed): the length of the init_seed axis.
     * Tasks come in blocks of this size.
     */
    public long runsPerDataSet() {
        return initSeed.size();
    }

    /**
     * Task {@code index} of the grid (0 ≤ index < size()), decoded as a mixed-radix number with digits
     * in the order of {@link #radices()}, init_seed least significant. Costs O(1); nothing is materialised.
     */
    public RunConfig task(long index) {
        long[] radix = radices();
        long size = gridSize(radix);
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException("task index " + index + " outside 0.." + (size - 1));
        long[] digit = new long[radix.length];
        long rest = index;
        for (int a = radix.length - 1; a >= 0; a--) {
            digit[a] = rest % radix[a];
            rest /= radix[a];
        }
        TrainingSettings t = training.withEta(eta.get(digit[3])).withInitScale(initScale.get(digit[4]));
        Teacher teacher = teachers.get((int) digit[0]);
        if (inputDim != null) teacher = teacher.embedded((int) inputDim.get(digit[1]));
        return new RunConfig(teacher, (int) n.get(digit[5]), sigma2.get(digit[6]),
                (int) hidden.get(digit[7]), dataSeed.get(digit[8]), initSeed.get(digit[9]), inputStd.get(digit[2]),
                t, analysis, null, null);
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
        appendTeachers(b, teachers);
        if (inputDim != null) b.append("input_dim: ").append(inputDim.toYaml()).append('\n');
        b.append("input_std: ").append(inputStd.toYamlValue()).append('\n');
        b.append("n: ").append(n.toYaml()).append('\n');
        b.append("sigma2: ").append(sigma2.toYaml()).append('\n');
        b.append("hidden: ").append(hidden.toYaml()).append('\n');
        b.append("data_seed: ").append(dataSeed.toYaml()).append('\n');
        b.append("init_seed: ").append(initSeed.toYaml()).append('\n');
        appendSettings(b, eta.toYamlValue(), initScale.toYamlValue(), false);
        b.append("chunk_size: ").append(chunkSize).append('\n');
        return b.toString();
    }

    /**
     * Everything that determines the results, in a form independent of key order, of how an axis was spelt
     * (list or range) and of the order of axis values (and of teachers): the teachers, the set of values of each
     * axis, training and analysis settings. The name and chunk_size are not part of it. A job with one unnamed
     * teacher and one value of input_std, eta and init_scale gets the text (and hash) it had before those
     * could be axes.
     */
    public String canonicalDefinition() {
        StringBuilder b = new StringBuilder();
        List<Teacher> byName = new ArrayList<>(teachers);
        byName.sort(Comparator.comparing(Teacher::name));
        appendTeachers(b, byName);
        if (inputDim != null) b.append("input_dim: ").append(inputDim.canonical()).append('\n');   // absent: the text it had before
        b.append("input_std: ").append(inputStd.canonicalValue()).append('\n');
        b.append("n: ").append(n.canonical()).append('\n');
        b.append("sigma2: ").append(sigma2.canonical()).append('\n');
        b.append("hidden: ").append(hidden.canonical()).append('\n');
        b.append("data_seed: ").append(dataSeed.canonical()).append('\n');
        b.append("init_seed: ").append(initSeed.canonical()).append('\n');
        appendSettings(b, eta.canonicalValue(), initScale.canonicalValue(), true);
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

    /** {@code teacher:} for one teacher without a name of its own (the form of old jobs), else {@code teachers:}. */
    private static void appendTeachers(StringBuilder b, List<Teacher> ts) {
        if (ts.size() == 1 && ts.get(0).name().equals(Teacher.DEFAULT_NAME)) {
            b.append("teacher:\n");
            b.append("  w: ").append(weights(ts.get(0))).append('\n');
            b.append("  v: ").append(numbers(ts.get(0).v())).append('\n');
            return;
        }
        b.append("teachers:\n");
        for (Teacher t : ts) {
            b.append("  - name: \"").append(t.name()).append("\"\n");
            b.append("    w: ").append(weights(t)).append('\n');
            b.append("    v: ").append(numbers(t.v())).append('\n');
        }
    }

    /** A teacher's w: one list at d = 1, a list of rows at d &gt; 1. */
    private static String weights(Teacher t) {
        if (t.dim() == 1) return numbers(t.w());
        StringBuilder rows = new StringBuilder("[");
        for (int j = 0; j < t.units(); j++) {
            if (j > 0) rows.append(", ");
            rows.append(numbers(java.util.Arrays.copyOfRange(t.w(), j * t.dim(), (j + 1) * t.dim())));
        }
        return rows.append(']').toString();
    }

    /** {@code retired}: write the retired keys at their old defaults (the definition hash), or leave them out (the YAML). */
    private void appendSettings(StringBuilder b, String etaYaml, String initScaleYaml, boolean retired) {
        b.append("training:\n");
        b.append("  eta: ").append(etaYaml).append('\n');
        b.append("  init_scale: ").append(initScaleYaml).append('\n');
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
        if (retired) {
            b.append("  drift_min_growth: ").append(YamlNumbers.format(AnalysisSettings.RETIRED_DRIFT_MIN_GROWTH)).append('\n');
        }
        if (analysis.fnClusterTol() != AnalysisSettings.DEFAULT_FN_CLUSTER_TOL) {     // as above: only when set
            b.append("  fn_cluster_tol: ").append(YamlNumbers.format(analysis.fnClusterTol())).append('\n');
        }
        if (analysis.gdFateWork() != AnalysisSettings.DEFAULT_GD_FATE_WORK) {
            b.append("  gd_fate_work: ").append(YamlNumbers.format(analysis.gdFateWork())).append('\n');
        }
        if (analysis.gdTheta0Work() != AnalysisSettings.DEFAULT_GD_THETA0_WORK) {
            b.append("  gd_theta0_work: ").append(YamlNumbers.format(analysis.gdTheta0Work())).append('\n');
        }
    }

    private static String numbers(double[] xs) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (double x : xs) j.add(YamlNumbers.format(x));
        return j.toString();
    }
}
