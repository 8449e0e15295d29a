package saddlesweep.job;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import saddlesweep.analysis.AnalysisSettings;
import saddlesweep.error.UserError;
import saddlesweep.model.Symmetry;
import saddlesweep.model.Teacher;
import saddlesweep.train.TrainingSettings;

/**
 * Reads and validates a sweep job file. Every problem ends the parse with a {@link UserError} whose message
 * is one line naming the file, the line, the key path and the value as written, e.g.
 * {@code job.yaml:7: sigma2[2] = -0.5: must be >= 0}. See docs/jobs.md for the format.
 */
public final class JobParser {

    /** Name used in messages for text that did not come from a file. */
    public static final String TEXT_SOURCE = "job";

    private static final Pattern LEADING_ZERO = Pattern.compile("[-+]?0[0-9_]+");

    private final String source;
    private final Consumer<String> warnings;

    private JobParser(String source, Consumer<String> warnings) {
        this.source = source;
        this.warnings = warnings;
    }

    /**
     * Reads and validates a job file; warnings (a retired key) are dropped.
     *
     * @param allowLarge  accept grids of more than {@value SweepJob#MAX_TASKS_DEFAULT} tasks
     * @throws UserError  one line naming the file, key and value
     */
    public static SweepJob parse(Path file, boolean allowLarge) {
        return parse(file, allowLarge, w -> { });
    }

    /**
     * Reads and validates a job file, handing each warning (one line naming the file, line and key, e.g. a
     * retired key) to {@code warnings}.
     */
    public static SweepJob parse(Path file, boolean allowLarge, Consumer<String> warnings) {
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
        return parse(text, source, allowLarge, warnings);
    }

    /** Validates job text; messages name the source {@value #TEXT_SOURCE}. */
    public static SweepJob parse(String yamlText, boolean allowLarge) {
        return parse(yamlText, TEXT_SOURCE, allowLarge);
    }

    /** Validates job text; {@code source} is the name messages start with. */
    public static SweepJob parse(String yamlText, String source, boolean allowLarge) {
        return parse(yamlText, source, allowLarge, w -> { });
    }

    /** Validates job text, handing warnings to {@code warnings}. */
    public static SweepJob parse(String yamlText, String source, boolean allowLarge, Consumer<String> warnings) {
        return new JobParser(source, warnings).job(YamlTreeReader.read(yamlText, source), allowLarge);
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
            if (key.equals(JobKeys.TEACHER) && top.entries().containsKey(JobKeys.TEACHERS)) continue;
            if (!top.entries().containsKey(key)) {
                throw ErrorLine.of(source, 0, key, "missing; every job needs " + String.join(", ", JobKeys.REQUIRED));
            }
        }
        Map<String, YamlNode> e = top.entries();

        String name = name(e.get(JobKeys.NAME));
        List<Teacher> teachers = teachers(top);
        DoubleAxis inputStd = e.containsKey(JobKeys.INPUT_STD)
                ? doubleAxis(e.get(JobKeys.INPUT_STD), JobKeys.INPUT_STD, Bound.above(0), false)
                : DoubleAxis.of(saddlesweep.run.RunConfig.DEFAULT_INPUT_STD);

        LongAxis n = longAxis(e.get(JobKeys.N), JobKeys.N, 1, Integer.MAX_VALUE, "must be > 0");
        DoubleAxis sigma2 = doubleAxis(e.get(JobKeys.SIGMA2), JobKeys.SIGMA2, Bound.atLeast(0), true);
        LongAxis hidden = longAxis(e.get(JobKeys.HIDDEN), JobKeys.HIDDEN, 1, Integer.MAX_VALUE, "must be >= 1");
        LongAxis dataSeed = longAxis(e.get(JobKeys.DATA_SEED), JobKeys.DATA_SEED, Long.MIN_VALUE, Long.MAX_VALUE, "");
        LongAxis initSeed = longAxis(e.get(JobKeys.INIT_SEED), JobKeys.INIT_SEED, Long.MIN_VALUE, Long.MAX_VALUE, "");

        TrainingSection training = training(e.get(JobKeys.TRAINING));
        AnalysisSettings analysis = analysis(e.get(JobKeys.ANALYSIS));
        int chunkSize = e.containsKey(JobKeys.CHUNK_SIZE)
                ? (int) integer(e.get(JobKeys.CHUNK_SIZE), JobKeys.CHUNK_SIZE, 1, SweepJob.MAX_CHUNK_SIZE,
                "must be in 1.." + SweepJob.MAX_CHUNK_SIZE)
                : SweepJob.DEFAULT_CHUNK_SIZE;

        checkGridSize(SweepJob.radices(teachers, inputStd, training.eta(), training.initScale(),
                n, sigma2, hidden, dataSeed, initSeed), allowLarge);
        try {
            return new SweepJob(name, teachers, inputStd, training.eta(), training.initScale(),
                    n, sigma2, hidden, dataSeed, initSeed, training.settings(), analysis, chunkSize);
        } catch (IllegalArgumentException ex) {
            throw ErrorLine.of(source, 0, "job", ex.getMessage());
        }
    }

    private String name(YamlNode node) {
        return name(node, JobKeys.NAME, "quickstart");
    }

    /** A sweep or teacher name: 1 to 100 characters from [A-Za-z0-9_.-]. */
    private String name(YamlNode node, String path, String example) {
        if (!(node instanceof YamlNode.Scalar s) || s.kind() == YamlNode.ScalarKind.NULL) {
            throw ErrorLine.of(source, node.line(), path, node, "must be a name such as " + example + ", got " + node.typeName());
        }
        if (!SweepJob.NAME_PATTERN.matcher(s.text()).matches()) {
            throw ErrorLine.of(source, node.line(), path, node,
                    "must be 1 to 100 characters from A-Z a-z 0-9 _ . -");
        }
        return s.text();
    }

    // ---------------------------------------------------------------- teachers

    /**
     * The teacher axis: {@code teacher: {w, v}} (named {@value Teacher#DEFAULT_NAME} unless it has a
     * {@code name}) or {@code teachers: [{name, w, v}, ...]} with distinct names and distinct functions.
     */
    private List<Teacher> teachers(YamlNode.Mapping top) {
        YamlNode single = top.entries().get(JobKeys.TEACHER);
        YamlNode list = top.entries().get(JobKeys.TEACHERS);
        if (single != null && list != null) {
            throw ErrorLine.of(source, top.keyLines().get(JobKeys.TEACHERS), JobKeys.TEACHERS,
                    "cannot be given together with `teacher`; write one teacher as `teacher:` or all of them under `teachers:`");
        }
        if (single != null) return List.of(teacher(single, JobKeys.TEACHER, false));
        if (!(list instanceof YamlNode.Sequence seq)) {
            throw ErrorLine.of(source, list.line(), JobKeys.TEACHERS, list,
                    "must be a list of teachers [{name: A, w: [...], v: [...]}, ...], got " + list.typeName());
        }
        if (seq.items().isEmpty()) {
            throw ErrorLine.of(source, list.line(), JobKeys.TEACHERS, list, "empty; give at least one teacher {name, w, v}");
        }
        List<Teacher> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            YamlNode item = seq.items().get(i);
            String path = JobKeys.TEACHERS + "[" + i + "]";
            Teacher t = teacher(item, path, true);
            for (int j = 0; j < i; j++) {
                Teacher other = out.get(j);
                String otherPath = JobKeys.TEACHERS + "[" + j + "]";
                if (other.name().equals(t.name())) {
                    YamlNode nameNode = ((YamlNode.Mapping) item).entries().get("name");
                    throw ErrorLine.of(source, nameNode.line(), path + ".name", nameNode, "duplicate of " + otherPath + ".name");
                }
                if (sameFunction(other, t)) {
                    throw ErrorLine.of(source, item.line(), path, item, "the same teacher function as " + otherPath
                            + " (\"" + other.name() + "\")" + (Arrays.equals(other.theta(), t.theta()) ? ""
                            : " up to the order and signs of its units") + "; give each teacher once");
                }
            }
            out.add(t);
        }
        return out;
    }

    /** Whether two teachers are one function: equal modulo unit permutations and sign flips. */
    private static boolean sameFunction(Teacher a, Teacher b) {
        return a.units() == b.units() && Arrays.equals(Symmetry.canonical(a.theta()), Symmetry.canonical(b.theta()));
    }

    /** One teacher {@code {name, w, v}} at {@code path}; {@code name} is required in a list, optional for {@code teacher:}. */
    private Teacher teacher(YamlNode node, String path, boolean nameRequired) {
        if (!(node instanceof YamlNode.Mapping m)) {
            throw ErrorLine.of(source, node.line(), path, node, "must be a mapping with keys " + (nameRequired ? "name, " : "")
                    + "w and v, got " + node.typeName());
        }
        checkKeys(m, path, JobKeys.TEACHER_KEYS);
        for (String key : JobKeys.TEACHER_KEYS) {
            if (key.equals("name") && !nameRequired) continue;
            if (!m.entries().containsKey(key)) {
                throw ErrorLine.of(source, m.line(), path + "." + key, nameRequired
                        ? "missing; each teacher of the list needs a name, w and v (lists of equal length)"
                        : "missing; the teacher needs w and v (lists of equal length)");
            }
        }
        String name = m.entries().containsKey("name") ? name(m.entries().get("name"), path + ".name", "wide")
                : Teacher.DEFAULT_NAME;
        YamlNode wNode = m.entries().get("w");
        YamlNode vNode = m.entries().get("v");
        double[] w = numbers(wNode, path + ".w");
        double[] v = numbers(vNode, path + ".v");
        if (w.length != v.length) {
            throw ErrorLine.of(source, vNode.line(), path + ".v", vNode, "has " + v.length + (v.length == 1 ? " value" : " values")
                    + " but " + path + ".w has " + w.length + "; they must have the same length");
        }
        return new Teacher(name, w, v);
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

    /** A real axis: a list, a single value, or (when {@code geometric}) a range {from, factor, count}. */
    private DoubleAxis doubleAxis(YamlNode node, String path, Bound bound, boolean geometric) {
        String forms = geometric ? "a number, a list of numbers or a range {from: A, factor: F, count: K}"
                : "a number or a list of numbers";
        if (node instanceof YamlNode.Mapping m) {
            if (!geometric) throw ErrorLine.of(source, node.line(), path, node, "must be " + forms + ", got " + node.typeName());
            return geometricRange(m, path);
        }
        if (!(node instanceof YamlNode.Sequence) && !(node instanceof YamlNode.Scalar s && s.kind() != YamlNode.ScalarKind.NULL)) {
            throw ErrorLine.of(source, node.line(), path, node, "must be " + forms + ", got " + node.typeName());
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

    /**
     * The geometric range from, from·factor, …, from·factor^(count−1) of a real axis (see
     * {@link DoubleAxis#geometric}); from > 0, so every value satisfies the axis' own bound (> 0 or >= 0).
     */
    private DoubleAxis geometricRange(YamlNode.Mapping m, String path) {
        if (!m.entries().containsKey("factor") && JobKeys.RANGE_KEYS.containsAll(m.entries().keySet())) {
            throw ErrorLine.of(source, m.line(), path, m, "a {from, count} range only works for integer axes; "
                    + "a real axis takes a list or a geometric range {from: A, factor: F, count: K}");
        }
        checkKeys(m, path, JobKeys.GEOMETRIC_KEYS);
        for (String key : JobKeys.GEOMETRIC_KEYS) {
            if (!m.entries().containsKey(key)) {
                throw ErrorLine.of(source, m.line(), path + "." + key,
                        "missing; a geometric range is written {from: A, factor: F, count: K}");
            }
        }
        double from = real(m.entries().get("from"), path + ".from", Bound.above(0));
        YamlNode factorNode = m.entries().get("factor");
        double factor = real(factorNode, path + ".factor", Bound.above(0));
        if (factor == 1) throw ErrorLine.of(source, factorNode.line(), path + ".factor", factorNode, "must not be 1 (the values would repeat)");
        YamlNode countNode = m.entries().get("count");
        long count = integer(countNode, path + ".count", 1, Long.MAX_VALUE, "must be >= 1");
        if (count > JobKeys.MAX_GEOMETRIC_COUNT) {
            throw ErrorLine.of(source, countNode.line(), path + ".count", countNode, "must be <= " + JobKeys.MAX_GEOMETRIC_COUNT);
        }
        try {
            return DoubleAxis.geometric(from, factor, (int) count);
        } catch (IllegalArgumentException e) {
            throw ErrorLine.of(source, m.line(), path, m, e.getMessage());
        }
    }

    /** The items of a list, or a single scalar as a list of one. */
    private List<YamlNode> items(YamlNode node, String path) {
        if (node instanceof YamlNode.Sequence s) return s.items();
        if (node instanceof YamlNode.Scalar s && s.kind() != YamlNode.ScalarKind.NULL) return List.of(node);
        throw ErrorLine.of(source, node.line(), path, node, "must be a list of values, a range {from: A, count: K} or a single value, got "
                + node.typeName());
    }

    /** Axis names in the order of {@link SweepJob#radices()}. */
    private static final List<String> GRID_AXES = List.of(JobKeys.TEACHERS, JobKeys.INPUT_STD, "eta", "init_scale",
            JobKeys.N, JobKeys.SIGMA2, JobKeys.HIDDEN, JobKeys.DATA_SEED, JobKeys.INIT_SEED);
    /** The first axes, which are named in the grid size only when they have more than one value. */
    private static final int OPTIONAL_AXES = 4;

    private void checkGridSize(long[] radices, boolean allowLarge) {
        StringJoiner f = new StringJoiner(" x ");
        for (int a = 0; a < radices.length; a++) {
            if (a >= OPTIONAL_AXES || radices[a] > 1) f.add(radices[a] + " " + GRID_AXES.get(a));
        }
        String factors = f.toString();
        long size;
        try {
            size = SweepJob.gridSize(radices);
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

    /**
     * The {@code training} section: the settings shared by every task, and the eta and init_scale axes
     * ({@code settings} holds their first values).
     */
    private record TrainingSection(TrainingSettings settings, DoubleAxis eta, DoubleAxis initScale) {
    }

    private TrainingSection training(YamlNode node) {
        String section = JobKeys.TRAINING;
        TrainingSettings d = TrainingSettings.defaults();
        Map<String, YamlNode> e = sectionEntries(node, section, JobKeys.TRAINING_KEYS);
        DoubleAxis etaAxis = settingAxis(e, section, "eta", Bound.above(0), d.eta());
        DoubleAxis initScaleAxis = settingAxis(e, section, "init_scale", Bound.atLeast(0), d.initScale());
        double eta = etaAxis.get(0);
        double initScale = initScaleAxis.get(0);
        long maxSteps = e.containsKey("max_steps")
                ? integer(e.get("max_steps"), section + ".max_steps", 1, Long.MAX_VALUE, "must be > 0") : d.maxSteps();
        double gradTol = e.containsKey("grad_tol") ? real(e.get("grad_tol"), section + ".grad_tol", Bound.atLeast(0)) : d.gradTol();
        int recordsPerDecade = e.containsKey("records_per_decade")
                ? (int) integer(e.get("records_per_decade"), section + ".records_per_decade", 50, 1_000_000,
                "must be in 50..1000000") : d.recordsPerDecade();
        boolean polish = e.containsKey("polish") ? bool(e.get("polish"), section + ".polish") : d.polish();
        String tail = e.containsKey("tail") ? tail(e.get("tail"), section + ".tail") : d.tail();
        long horizon = e.containsKey("horizon_steps")
                ? integer(e.get("horizon_steps"), section + ".horizon_steps", 1, Long.MAX_VALUE, "must be > 0") : d.horizonSteps();
        try {
            return new TrainingSection(new TrainingSettings(eta, initScale, maxSteps, gradTol, recordsPerDecade, polish,
                    tail, horizon), etaAxis, initScaleAxis);
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
        double fnClusterTol = setting(e, section, "fn_cluster_tol", Bound.above(0), d.fnClusterTol());
        try {
            return new AnalysisSettings(dipFactor, nearOptimalRatio, nearOptimalAbs, eigenRelTol, singularTol,
                    refineMaxDistance, clusterTol, fnClusterTol);
        } catch (IllegalArgumentException ex) {
            throw settingsError(node, section, e, ex);
        }
    }

    /** A setting that may be a grid axis (a number, a list or a geometric range); absent: the one value {@code fallback}. */
    private DoubleAxis settingAxis(Map<String, YamlNode> entries, String section, String key, Bound bound, double fallback) {
        return entries.containsKey(key) ? doubleAxis(entries.get(key), section + "." + key, bound, true) : DoubleAxis.of(fallback);
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

    /** Refuses keys not in {@code allowed}, suggesting the key probably meant; warns of retired keys. */
    private void checkKeys(YamlNode.Mapping m, String prefix, List<String> allowed) {
        for (String key : m.entries().keySet()) {
            if (allowed.contains(key)) continue;
            String retired = JobKeys.RETIRED.getOrDefault(prefix, Map.of()).get(key);
            if (retired != null) {
                warnings.accept("warning: " + ErrorLine.text(source, m.keyLines().get(key), prefix + "." + key, retired));
                continue;
            }
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

    private String tail(YamlNode node, String path) {
        if (node instanceof YamlNode.Scalar s && (TrainingSettings.TAIL_FLOW.equals(s.text()) || TrainingSettings.TAIL_GD.equals(s.text()))) {
            return s.text();
        }
        throw ErrorLine.of(source, node.line(), path, node, "must be flow or gd");
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
