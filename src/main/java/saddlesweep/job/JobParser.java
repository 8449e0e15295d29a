package saddlesweep.job;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;

import saddlesweep.analysis.AnalysisSettings;
import saddlesweep.error.UserError;
import saddlesweep.model.Teacher;

/**
 * Reads and validates a sweep job file. Every problem ends the parse with a {@link UserError} whose message
 * is one line naming the file, the line, the key path and the value as written, e.g.
 * {@code job.yaml:7: sigma2[2] = -0.5: must be >= 0}. See docs/jobs.md for the format. The parts of the file
 * are read by {@link TeacherReader}, {@link AxisReader} and {@link SettingsReader}, their scalars by
 * {@link ScalarReader}, and every mapping's keys are checked by {@link KeyChecker}; this class assembles the
 * job and checks the grid's size.
 */
public final class JobParser {

    /** Name used in messages for text that did not come from a file. */
    public static final String TEXT_SOURCE = "job";

    /** Axis names in the order of {@link SweepJob#radices()}. */
    private static final List<String> GRID_AXES = List.of(JobKeys.TEACHERS, JobKeys.INPUT_DIM, JobKeys.INPUT_STD, "eta", "init_scale",
            JobKeys.N, JobKeys.SIGMA2, JobKeys.HIDDEN, JobKeys.DATA_SEED, JobKeys.INIT_SEED);
    /** The first axes, which are named in the grid size only when they have more than one value. */
    private static final int OPTIONAL_AXES = 5;

    private final String source;
    private final ScalarReader scalars;
    private final KeyChecker keys;
    private final AxisReader axes;

    private JobParser(String source, Consumer<String> warnings) {
        this.source = source;
        this.scalars = new ScalarReader(source);
        this.keys = new KeyChecker(source, warnings);
        this.axes = new AxisReader(source, scalars, keys);
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

    private SweepJob job(YamlNode root, boolean allowLarge) {
        if (root == null) {
            throw ErrorLine.of(source, 0, "job file", "empty; it needs the keys " + String.join(", ", JobKeys.REQUIRED));
        }
        if (!(root instanceof YamlNode.Mapping top)) {
            throw ErrorLine.of(source, root.line(), "top level", root,
                    "must be a mapping of keys (" + String.join(", ", JobKeys.REQUIRED) + ", ...), got " + root.typeName());
        }
        keys.check(top, "", JobKeys.TOP);
        for (String key : JobKeys.REQUIRED) {
            if (key.equals(JobKeys.TEACHER) && top.entries().containsKey(JobKeys.TEACHERS)) continue;
            if (!top.entries().containsKey(key)) {
                throw ErrorLine.of(source, 0, key, "missing; every job needs " + String.join(", ", JobKeys.REQUIRED));
            }
        }
        Map<String, YamlNode> e = top.entries();

        String name = name(e.get(JobKeys.NAME));
        List<Teacher> teachers = new TeacherReader(source, scalars, axes, keys).read(top);
        LongAxis inputDim = e.containsKey(JobKeys.INPUT_DIM)
                ? axes.longAxis(e.get(JobKeys.INPUT_DIM), JobKeys.INPUT_DIM, 1, SweepJob.MAX_INPUT_DIM, "must be in 1.." + SweepJob.MAX_INPUT_DIM)
                : null;
        if (inputDim != null) {
            for (Teacher t : teachers) {
                if (t.dim() > inputDim.min()) {
                    throw ErrorLine.of(source, e.get(JobKeys.INPUT_DIM).line(), JobKeys.INPUT_DIM, e.get(JobKeys.INPUT_DIM),
                            inputDim.min() + " is below teacher " + t.name() + "'s input dimension " + t.dim()
                                    + " (the length of its rows); each value must be at least that");
                }
            }
        }
        DoubleAxis inputStd = e.containsKey(JobKeys.INPUT_STD)
                ? axes.doubleAxis(e.get(JobKeys.INPUT_STD), JobKeys.INPUT_STD, Bound.above(0), false)
                : DoubleAxis.of(saddlesweep.run.RunConfig.DEFAULT_INPUT_STD);

        LongAxis n = axes.longAxis(e.get(JobKeys.N), JobKeys.N, 1, Integer.MAX_VALUE, "must be > 0");
        DoubleAxis sigma2 = axes.doubleAxis(e.get(JobKeys.SIGMA2), JobKeys.SIGMA2, Bound.atLeast(0), true);
        LongAxis hidden = axes.longAxis(e.get(JobKeys.HIDDEN), JobKeys.HIDDEN, 1, Integer.MAX_VALUE, "must be >= 1");
        LongAxis dataSeed = axes.longAxis(e.get(JobKeys.DATA_SEED), JobKeys.DATA_SEED, Long.MIN_VALUE, Long.MAX_VALUE, "");
        LongAxis initSeed = axes.longAxis(e.get(JobKeys.INIT_SEED), JobKeys.INIT_SEED, Long.MIN_VALUE, Long.MAX_VALUE, "");

        SettingsReader settings = new SettingsReader(source, scalars, axes, keys);
        SettingsReader.TrainingSection training = settings.training(e.get(JobKeys.TRAINING));
        AnalysisSettings analysis = settings.analysis(e.get(JobKeys.ANALYSIS));
        int chunkSize = e.containsKey(JobKeys.CHUNK_SIZE)
                ? (int) scalars.integer(e.get(JobKeys.CHUNK_SIZE), JobKeys.CHUNK_SIZE, 1, SweepJob.MAX_CHUNK_SIZE,
                "must be in 1.." + SweepJob.MAX_CHUNK_SIZE)
                : SweepJob.DEFAULT_CHUNK_SIZE;

        checkGridSize(SweepJob.radices(teachers, inputDim, inputStd, training.eta(), training.initScale(),
                n, sigma2, hidden, dataSeed, initSeed), allowLarge);
        try {
            return new SweepJob(name, teachers, inputDim, inputStd, training.eta(), training.initScale(),
                    n, sigma2, hidden, dataSeed, initSeed, training.settings(), analysis, chunkSize);
        } catch (IllegalArgumentException ex) {
            throw ErrorLine.of(source, 0, "job", ex.getMessage());
        }
    }

    private String name(YamlNode node) {
        return scalars.name(node, JobKeys.NAME, "quickstart");
    }

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
}
