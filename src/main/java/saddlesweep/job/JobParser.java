package saddlesweep.job;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import saddlesweep.analysis.AnalysisSettings;
import saddlesweep.error.UserError;
import saddlesweep.model.Teacher;
import saddlesweep.train.TrainingSettings;

/**
 * Reads and validates a sweep job file. Every problem ends the parse with a {@link UserError} whose message
 * is one line naming the file, the line, the key path and the value as written, e.g.
 * {@code job.yaml:7: sigma2[2] = -0.5: must be >= 0}. See docs/readme/job-files.md for the format.
 */
public final class JobParser {

    /** Name used in messages for text that did not come from a file. */
    public static final String TEXT_SOURCE = "job";

    private static final Pattern LEADING_ZERO = Pattern.compile("[-+]?0[0-9_]+");

    private final String source;

    private JobParser(String source) {
        this.source = source;
    }

    /**
     * Reads and validates a job file.
     *
     * @param allowLarge  accept grids of more than {@value SweepJob#MAX_TASKS_DEFAULT} tasks
     * @throws UserError  one line naming the file, key and value
     */
    public static SweepJob parse(Path file, boolean allowLarge) {
        String source = file.toString();
        if (Files.isDirectory(file)) throw new UserError(source + ": is a directory, not a job file");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserError(source + ": job file not found", e);
        } catch (AccessDeniedException e) {
            throw new UserError(source + ": cannot read job file: permission denied", e);
        } catch (CharacterCodingException e) {
            throw new UserError(source + ": cannot read job file: not UTF-8 text", e);
        } catch (IOException e) {
            throw new UserError(ErrorLine.oneLine(source + ": cannot read job file: " + e.getMessage()), e);
        }
        return parse(text, source, allowLarge);
    }

    /** Validates job text; messages name the source {@value #TEXT_SOURCE}. */
    public static SweepJob parse(String yamlText, boolean allowLarge) {
        return parse(yamlText, TEXT_SOURCE, allowLarge);
    }

    /** Validates job text; {@code source} is the name messages start with. */
    public static SweepJob parse(String yamlText, String source, boolean allowLarge) {
        return new JobParser(source).job(YamlTreeReader.read(yamlText, source), allowLarge);
    }

    // ---------------------------------------------------------------- the job

    private SweepJob job(YamlNode root, boolean allowLarge) {
        if (root == null) {
            throw ErrorLine.of(source, 0, "job file", "empty; it needs the keys " + String.join(", ", JobKeys.REQUIRED));
        }
        if (!(root instanceof YamlNode.Mapping top)) {
            throw ErrorLine.of(source, root.line(), "top level", root,
                    "must be a mapping of keys (" + String.join(", ", JobKeys.REQUIRED) + ", ...), got " + root.typeName());
        }
        checkKeys(top, "", JobKeys.TOP);
        for (String key : JobKeys.REQUIRED) {
            if (!top.entries().containsKey(key)) {
                throw ErrorLine.of(source, 0, key, "missing; every job needs " + String.join(", ", JobKeys.REQUIRED));
            }
        }
        Map<String, YamlNode> e = top.entries();

        String name = name(e.get(JobKeys.NAME));
        Teacher teacher = teacher(e.get(JobKeys.TEACHER));
        double inputStd = e.containsKey(JobKeys.INPUT_STD)
                ? real(e.get(JobKeys.INPUT_STD), JobKeys.INPUT_STD, Bound.above(0)) : saddlesweep.run.RunConfig.DEFAULT_INPUT_STD;

        LongAxis n = longAxis(e.get(JobKeys.N), JobKeys.N, 1, Integer.MAX_VALUE, "must be > 0");
        DoubleAxis sigma2 = doubleAxis(e.get(JobKeys.SIGMA2), JobKeys.SIGMA2, Bound.atLeast(0));
        LongAxis hidden = longAxis(e.get(JobKeys.HIDDEN), JobKeys.HIDDEN, 1, Integer.MAX_VALUE, "must be >= 1");
        LongAxis dataSeed = longAxis(e.get(JobKeys.DATA_SEED), JobKeys.DATA_SEED, Long.MIN_VALUE, Long.MAX_VALUE, "");
        LongAxis initSeed = longAxis(e.get(JobKeys.INIT_SEED), JobKeys.INIT_SEED, Long.MIN_VALUE, Long.MAX_VALUE, "");

        TrainingSettings training = training(e.get(JobKeys.TRAINING));
        AnalysisSettings analysis = analysis(e.get(JobKeys.ANALYSIS));
        int chunkSize = e.containsKey(JobKeys.CHUNK_SIZE)
                ? (int) integer(e.get(JobKeys.CHUNK_SIZE), JobKeys.CHUNK_SIZE, 1, SweepJob.MAX_CHUNK_SIZE,
                "must be in 1.." + SweepJob.MAX_CHUNK_SIZE)
                : SweepJob.DEFAULT_CHUNK_SIZE;

        checkGridSize(n, sigma2, hidden, dataSeed, initSeed, allowLarge);
        try {
            return new SweepJob(name, teacher, inputStd, n, sigma2, hidden, dataSeed, initSeed, training, analysis, chunkSize);
        } catch (IllegalArgumentException ex) {
            throw ErrorLine.of(source, 0, "job", ex.getMessage());
        }
    }

    private String name(YamlNode node) {
        if (!(node instanceof YamlNode.Scalar s) || s.kind() == YamlNode.ScalarKind.NULL) {
            throw ErrorLine.of(source, node.line(), JobKeys.NAME, node, "must be a name such as quickstart, got " + node.typeName());
        }
        if (!SweepJob.NAME_PATTERN.matcher(s.text()).matches()) {
            throw ErrorLine.of(source, node.line(), JobKeys.NAME, node,
                    "must be 1 to 100 characters from A-Z a-z 0-9 _ . -");
        }
        return s.text();
    }

    private Teacher teacher(YamlNode node) {
        String path = JobKeys.TEACHER;
        if (!(node instanceof YamlNode.Mapping m)) {
            throw ErrorLine.of(source, node.line(), path, node, "must be a mapping with keys w and v, got " + node.typeName());
        }
        checkKeys(m, path, JobKeys.TEACHER_KEYS);
        for (String key : JobKeys.TEACHER_KEYS) {
            if (!m.entries().containsKey(key)) {
                throw ErrorLine.of(source, m.line(), path + "." + key, "missing; the teacher needs w and v (lists of equal length)");
            }
        }
        YamlNode wNode = m.entries().get("w");
        YamlNode vNode = m.entries().get("v");
        double[] w = numbers(wNode, path + ".w");
        double[] v = numbers(vNode, path + ".v");
        if (w.length != v.length) {
            throw ErrorLine.of(source, vNode.line(), path + ".v", vNode, "has " + v.length + (v.length == 1 ? " value" : " values")
                    + " but teacher.w has " + w.length + "; they must have the same length");
        }
        return new Teacher(w, v);
    }

    /** A non-empty list of finite numbers (a single number counts as a list of one). */
    private double[] numbers(YamlNode node, String path) {
        List<YamlNode> items = items(node, path);
        if (items.isEmpty()) throw ErrorLine.of(source, node.line(), path, node, "must have at least one value");
        double[] out = new double[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = real(items.get(i), path + "[" + i + "]", Bound.ANY);
        }
        return out;
    }

    // ---------------------------------------------------------------- axes

    private LongAxis longAxis(YamlNode node, String path, long min, long max, String constraint) {
        if (node instanceof YamlNode.Mapping range) return range(range, path, min, max, constraint);
        List<YamlNode> items = items(node, path);
        if (items.isEmpty()) throw ErrorLine.of(source, node.line(), path, node, "empty axis; give at least one value");
        long[] values = new long[items.size()];
        Map<Long, Integer> seen = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            String itemPath = node instanceof YamlNode.Sequence ? path + "[" + i + "]" : path;
            values[i] = integer(items.get(i), itemPath, min, max, constraint);
            Integer first = seen.putIfAbsent(values[i], i);
            if (first != null) {
                throw ErrorLine.of(source, items.get(i).line(), itemPath, items.get(i), "duplicate of " + path + "[" + first + "]");
            }
        }
        return LongAxis.of(values);
    }

    private LongAxis range(YamlNode.Mapping m, String path, long min, long max, String constraint) {
        checkKeys(m, path, JobKeys.RANGE_KEYS);
        for (String key : List.of("from", "count")) {
            if (!m.entries().containsKey(key)) {
                throw ErrorLine.of(source, m.line(), path + "." + key,
                        "missing; a range is written {from: A, count: K} (optional step, default 1)");
            }
        }
        long from = integer(m.entries().get("from"), path + ".from", Long.MIN_VALUE, Long.MAX_VALUE, "");
        long count = integer(m.entries().get("count"), path + ".count", 1, Long.MAX_VALUE, "must be >= 1");
        long step = 1;
        if (m.entries().containsKey("step")) {
            YamlNode s = m.entries().get("step");
            step = integer(s, path + ".step", Long.MIN_VALUE, Long.MAX_VALUE, "");
            if (step == 0) throw ErrorLine.of(source, s.line(), path + ".step", s, "must not be 0 (the values would repeat)");
        }
        LongAxis axis;
        try {
            axis = LongAxis.range(from, count, step);
        } catch (ArithmeticException e) {
            throw ErrorLine.of(source, m.line(), path, m, "the range runs past the 64-bit integer limit");
        }
        if (from < min || from > max) {
            throw ErrorLine.of(source, m.entries().get("from").line(), path + ".from", m.entries().get("from"), constraint);
        }
        long last = axis.get(count - 1);
        if (last < min || last > max) {
            throw ErrorLine.of(source, m.line(), path, m, "its last value " + last + " " + constraint);
        }
        return axis;
    }

    private DoubleAxis doubleAxis(YamlNode node, String path, Bound bound) {
        if (node instanceof YamlNode.Mapping) {
            throw ErrorLine.of(source, node.line(), path, node,
                    "a {from, count} range only works for integer axes; list the " + path + " values");
        }
        List<YamlNode> items = items(node, path);
        if (items.isEmpty()) throw ErrorLine.of(source, node.line(), path, node, "empty axis; give at least one value");
        double[] values = new double[items.size()];
        Map<Double, Integer> seen = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            String itemPath = node instanceof YamlNode.Sequence ? path + "[" + i + "]" : path;
            double x = real(items.get(i), itemPath, bound);
            values[i] = x == 0.0 ? 0.0 : x; // -0.0 and 0.0 are the same noise level
            Integer first = seen.putIfAbsent(values[i], i);
            if (first != null) {
                throw ErrorLine.of(source, items.get(i).line(), itemPath, items.get(i), "duplicate of " + path + "[" + first + "]");
            }
        }
        return DoubleAxis.of(values);
    }

    /** The items of a list, or a single scalar as a list of one. */
    private List<YamlNode> items(YamlNode node, String path) {
        if (node instanceof YamlNode.Sequence s) return s.items();
        if (node instanceof YamlNode.Scalar s && s.kind() != YamlNode.ScalarKind.NULL) return List.of(node);
        throw ErrorLine.of(source, node.line(), path, node, "must be a list of values, a range {from: A, count: K} or a single value, got "
                + node.typeName());
    }

    private void checkGridSize(LongAxis n, DoubleAxis sigma2, LongAxis hidden, LongAxis dataSeed, LongAxis initSeed,
                               boolean allowLarge) {
        String factors = n.size() + " n x " + sigma2.size() + " sigma2 x " + hidden.size() + " hidden x "
                + dataSeed.size() + " data_seed x " + initSeed.size() + " init_seed";
        long size;
        try {
            size = SweepJob.gridSize(n, sigma2, hidden, dataSeed, initSeed);
        } catch (ArithmeticException e) {
            throw ErrorLine.of(source, 0, "grid", factors,
                    "more than " + Long.MAX_VALUE + " tasks; refused even with --allow-large");
        }
        if (size > SweepJob.MAX_TASKS_DEFAULT && !allowLarge) {
            throw ErrorLine.of(source, 0, "grid", factors + " = " + size + " tasks",
                    "more than " + SweepJob.MAX_TASKS_DEFAULT + "; pass --allow-large to run a grid this large");
        }
    }

    // ---------------------------------------------------------------- settings sections

    private TrainingSettings training(YamlNode node) {
        String section = JobKeys.TRAINING;
        TrainingSettings d = TrainingSettings.defaults();
        Map<String, YamlNode> e = sectionEntries(node, section, JobKeys.TRAINING_KEYS);
        double eta = e.containsKey("eta") ? real(e.get("eta"), section + ".eta", Bound.above(0)) : d.eta();
        double initScale = e.containsKey("init_scale") ? real(e.get("init_scale"), section + ".init_scale", Bound.atLeast(0)) : d.initScale();
        long maxSteps = e.containsKey("max_steps")
                ? integer(e.get("max_steps"), section + ".max_steps", 1, Long.MAX_VALUE, "must be > 0") : d.maxSteps();
        double gradTol = e.containsKey("grad_tol") ? real(e.get("grad_tol"), section + ".grad_tol", Bound.atLeast(0)) : d.gradTol();
        int recordsPerDecade = e.containsKey("records_per_decade")
                ? (int) integer(e.get("records_per_decade"), section + ".records_per_decade", 50, 1_000_000,
                "must be in 50..1000000") : d.recordsPerDecade();
        boolean polish = e.containsKey("polish") ? bool(e.get("polish"), section + ".polish") : d.polish();
        try {
            return new TrainingSettings(eta, initScale, maxSteps, gradTol, recordsPerDecade, polish);
        } catch (IllegalArgumentException ex) {
            throw settingsError(node, section, e, ex);
        }
    }

    private AnalysisSettings analysis(YamlNode node) {
        String section = JobKeys.ANALYSIS;
        AnalysisSettings d = AnalysisSettings.defaults();
        Map<String, YamlNode> e = sectionEntries(node, section, JobKeys.ANALYSIS_KEYS);
        double dipFactor = setting(e, section, "dip_factor", Bound.above(1), d.dipFactor());
        double nearOptimalRatio = setting(e, section, "near_optimal_ratio", Bound.atLeast(1), d.nearOptimalRatio());
        double nearOptimalAbs = setting(e, section, "near_optimal_abs", Bound.atLeast(0), d.nearOptimalAbs());
        double eigenRelTol = setting(e, section, "eigen_rel_tol", Bound.OPEN_UNIT, d.eigenRelTol());
        double singularTol = setting(e, section, "singular_tol", Bound.above(0), d.singularTol());
        double refineMaxDistance = setting(e, section, "refine_max_distance", Bound.above(0), d.refineMaxDistance());
        double clusterTol = setting(e, section, "cluster_tol", Bound.above(0), d.clusterTol());
        double driftMinGrowth = setting(e, section, "drift_min_growth", Bound.above(0), d.driftMinGrowth());
        try {
            return new AnalysisSettings(dipFactor, nearOptimalRatio, nearOptimalAbs, eigenRelTol, singularTol,
                    refineMaxDistance, clusterTol, driftMinGrowth);
        } catch (IllegalArgumentException ex) {
            throw settingsError(node, section, e, ex);
        }
    }

    private double setting(Map<String, YamlNode> entries, String section, String key, Bound bound, double fallback) {
        return entries.containsKey(key) ? real(entries.get(key), section + "." + key, bound) : fallback;
    }

    /** The entries of an optional section (absent or empty: none), after checking its keys. */
    private Map<String, YamlNode> sectionEntries(YamlNode node, String section, List<String> keys) {
        if (node == null || node instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.NULL) return Map.of();
        if (!(node instanceof YamlNode.Mapping m)) {
            throw ErrorLine.of(source, node.line(), section, node, "must be a mapping of " + String.join(", ", keys)
                    + ", got " + node.typeName());
        }
        checkKeys(m, section, keys);
        return m.entries();
    }

    /**
     * Turns a settings record's IllegalArgumentException ("eta must be > 0, got 0.0") into a job-file error
     * naming the key and the value as written.
     */
    private UserError settingsError(YamlNode section, String sectionName, Map<String, YamlNode> entries,
                                    IllegalArgumentException ex) {
        String msg = ex.getMessage() == null ? "invalid" : ex.getMessage();
        int space = msg.indexOf(' ');
        String key = space > 0 ? msg.substring(0, space) : "";
        if (entries.containsKey(key)) {
            String problem = msg.substring(space + 1).replaceFirst(", got .*$", "");
            YamlNode value = entries.get(key);
            return ErrorLine.of(source, value.line(), sectionName + "." + key, value, problem);
        }
        return ErrorLine.of(source, section == null ? 0 : section.line(), sectionName, msg);
    }

    // ---------------------------------------------------------------- keys

    /** Refuses keys not in {@code allowed}, suggesting the key probably meant. */
    private void checkKeys(YamlNode.Mapping m, String prefix, List<String> allowed) {
        for (String key : m.entries().keySet()) {
            if (allowed.contains(key)) continue;
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            String qualifier = prefix.isEmpty() ? "" : prefix + ".";
            String hint;
            String close = KeySuggester.suggest(key, allowed);
            String home = homeOf(key, prefix);
            if (close != null) {
                hint = "did you mean `" + qualifier + close + "`?";
            } else if (home != null) {
                hint = "`" + key + "` belongs " + (home.isEmpty() ? "at the top level" : "under `" + home + "`");
            } else {
                hint = "known keys" + (prefix.isEmpty() ? "" : " of " + prefix) + ": " + String.join(", ", allowed);
            }
            throw ErrorLine.of(source, m.keyLines().get(key), path, "unknown key; " + hint);
        }
    }

    /** The section (or "" for the top level) where {@code key} is a known key, other than {@code prefix}; null if none. */
    private static String homeOf(String key, String prefix) {
        if (!prefix.isEmpty() && JobKeys.TOP.contains(key)) return "";
        for (Map.Entry<String, List<String>> s : JobKeys.SECTIONS.entrySet()) {
            if (!s.getKey().equals(prefix) && s.getValue().contains(key)) return s.getKey();
        }
        return null;
    }

    // ---------------------------------------------------------------- scalars

    /** A finite real number within {@code bound}. */
    private double real(YamlNode node, String path, Bound bound) {
        double x;
        if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.FLOAT) {
            x = (Double) s.value();
        } else if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.INTEGER) {
            checkNoLeadingZero(s, path);
            x = s.value() instanceof BigInteger b ? b.doubleValue() : (double) (Long) s.value();
        } else {
            throw ErrorLine.of(source, node.line(), path, node, "must be a number, got " + node.typeName());
        }
        if (!Double.isFinite(x)) throw ErrorLine.of(source, node.line(), path, node, "must be a finite number");
        if (!bound.test(x)) throw ErrorLine.of(source, node.line(), path, node, bound.describe());
        return x;
    }

    /** An integer in [min, max]; {@code constraint} describes that range for messages. */
    private long integer(YamlNode node, String path, long min, long max, String constraint) {
        long v;
        if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.INTEGER) {
            checkNoLeadingZero(s, path);
            if (s.value() instanceof BigInteger) {
                throw ErrorLine.of(source, node.line(), path, node, "out of range (beyond 64-bit integers)");
            }
            v = (Long) s.value();
        } else if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.FLOAT) {
            double x = (Double) s.value();
            if (!Double.isFinite(x)) throw ErrorLine.of(source, node.line(), path, node, "must be a finite integer");
            if (x != Math.rint(x)) throw ErrorLine.of(source, node.line(), path, node, "must be an integer, got a fractional number");
            if (Math.abs(x) >= 0x1p63) throw ErrorLine.of(source, node.line(), path, node, "out of range (beyond 64-bit integers)");
            v = (long) x; // e.g. 1e6 written for max_steps
        } else {
            throw ErrorLine.of(source, node.line(), path, node, "must be an integer, got " + node.typeName());
        }
        if (v < min || v > max) {
            throw ErrorLine.of(source, node.line(), path, node,
                    constraint.isEmpty() ? "must be in " + min + ".." + max : constraint);
        }
        return v;
    }

    private boolean bool(YamlNode node, String path) {
        if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.BOOLEAN) return (Boolean) s.value();
        throw ErrorLine.of(source, node.line(), path, node, "must be true or false, got " + node.typeName());
    }

    /** YAML 1.1 reads 010 as octal 8: refuse it rather than surprise the user. */
    private void checkNoLeadingZero(YamlNode.Scalar s, String path) {
        if (LEADING_ZERO.matcher(s.text()).matches()) {
            throw ErrorLine.of(source, s.line(), path, s, "has a leading zero, which YAML reads as octal ("
                    + s.value() + "); write it without the zero");
        }
    }

    /** Allowed interval of a real setting, with its description for messages. */
    private record Bound(double low, boolean lowInclusive, double high, boolean highInclusive) {
        static final Bound ANY = new Bound(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true);
        static final Bound OPEN_UNIT = new Bound(0, false, 1, false);

        static Bound above(double low) {
            return new Bound(low, false, Double.POSITIVE_INFINITY, true);
        }

        static Bound atLeast(double low) {
            return new Bound(low, true, Double.POSITIVE_INFINITY, true);
        }

        boolean test(double x) {
            return (lowInclusive ? x >= low : x > low) && (highInclusive ? x <= high : x < high);
        }

        String describe() {
            boolean bounded = high != Double.POSITIVE_INFINITY;
            if (!bounded) return "must be " + (lowInclusive ? ">= " : "> ") + fmt(low);
            return "must be in " + (lowInclusive ? "[" : "(") + fmt(low) + ", " + fmt(high) + (highInclusive ? "]" : ")");
        }

        private static String fmt(double x) {
            return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
        }
    }
}
