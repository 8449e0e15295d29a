package saddlesweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

import saddlesweep.job.JobParser;
import saddlesweep.job.SweepJob;
import saddlesweep.spark.CliCapture;

/**
 * Every default is stated once, in the settings records: the job parser, {@code train}'s options and its
 * {@code --help}, the keys table of docs/jobs.md and the ready jobs' "(default X)" comments must agree on each.
 * The parser's defaults are read from the settings of a job that gives none, component by component.
 */
class DefaultsAgreeTest {

    /** A job with the required keys only: the values are train's own defaults, so that train describes its task 0. */
    private static final String MINIMAL = """
            name: defaults
            teacher: {w: [1], v: [1]}
            n: 100
            sigma2: 0.01
            hidden: 2
            data_seed: 1
            init_seed: 1
            """;

    /**
     * Options of train for what a job must give (no default there): train's own example run; and --activation, which
     * only train has (jobs run tanh).
     */
    private static final Set<String> TRAIN_ONLY = new TreeSet<>(Set.of("--teacher-w", "--teacher-v", "--n", "--sigma2",
            "--hidden", "--data-seed", "--init-seed", "--activation"));

    /** Job key (e.g. {@code training.max_steps}) to the parser's default. */
    static Map<String, String> parserDefaults() {
        SweepJob job = JobParser.parse(MINIMAL, false);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("input_std", Double.toString(job.inputStd().get(0)));
        out.put("chunk_size", Integer.toString(job.chunkSize()));
        components(out, "training", job.training());
        components(out, "analysis", job.analysis());
        return out;
    }

    /** Each component of a settings record under its key: maxSteps is {@code section.max_steps}. */
    private static void components(Map<String, String> out, String section, Record settings) {
        for (RecordComponent c : settings.getClass().getRecordComponents()) {
            String key = section + "." + c.getName().replaceAll("([A-Z])", "_$1").toLowerCase();
            try {
                out.put(key, String.valueOf(c.getAccessor().invoke(settings)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Equal as numbers when both are numbers (1e12 and 1000000000000), else as text. */
    private static boolean same(String a, String b) {
        try {
            return Double.parseDouble(a) == Double.parseDouble(b);
        } catch (NumberFormatException e) {
            return a.equals(b);
        }
    }

    /** docs/jobs.md's keys table: {@code | `key` | type | `default` | constraint |}, rows whose default is one literal. */
    static Map<String, String> documentedDefaults() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^\\| `([a-z0-9_.]+)` \\| [^|]+ \\| `([^`|]+)` \\|").matcher(Files.readString(Path.of("docs/jobs.md")));
        while (m.find()) out.put(m.group(1), m.group(2));
        return out;
    }

    /** train --help: option to the value of its "(default: X)", the help's wrapped lines joined per option. */
    static Map<String, String> helpDefaults() {
        CliCapture.Result r = CliCapture.run("train", "--help");
        assertEquals(0, r.exit(), r.stderr());
        String joined = r.stdout().replaceAll("\\n {20,}", " ");
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^\\s+(--[a-z0-9-]+)[^\\n]*\\(default:\\s+([^)\\s]+)\\)").matcher(joined);
        while (m.find()) out.put(m.group(1), m.group(2));
        return out;
    }

    @Test
    void docsAndHelpStateTheParsersDefaults() throws IOException {
        Map<String, String> parser = parserDefaults();
        Map<String, String> docs = documentedDefaults();
        Map<String, String> help = helpDefaults();
        assertTrue(help.size() >= 10, "defaults found in --help: " + help);
        Set<String> jobOptions = new TreeSet<>();
        for (Map.Entry<String, String> e : parser.entrySet()) {
            String key = e.getKey();
            assertTrue(docs.containsKey(key), "docs/jobs.md has no default for " + key);
            assertTrue(same(e.getValue(), docs.get(key)), key + ": parser " + e.getValue() + ", docs/jobs.md " + docs.get(key));
            String option = "--" + key.substring(key.lastIndexOf('.') + 1).replace('_', '-');
            if (help.containsKey(option)) {
                assertTrue(same(e.getValue(), help.get(option)), key + ": parser " + e.getValue() + ", train --help " + help.get(option));
                jobOptions.add(option);
            }
        }
        Set<String> others = new TreeSet<>(help.keySet());
        others.removeAll(jobOptions);
        assertEquals(TRAIN_ONLY, others, "every other default of --help is a job key's");
    }

    @Test
    void trainWithoutOptionsRunsTheTaskOfTheJobWithoutSettings() {
        TrainCommand train = new TrainCommand();
        new CommandLine(train).parseArgs();
        assertEquals(JobParser.parse(MINIMAL, false).task(0).taskId(), train.run.config().taskId(),
                "train's defaults give the task id of a job that leaves every setting out");
    }

    @Test
    void theReadyJobsCommentsStateTheDefaults() throws IOException {
        Map<String, String> parser = parserDefaults();
        Pattern keyLine = Pattern.compile("^( *)([a-z0-9_]+):.*\\(default ([^)\\s;,]+)\\)");
        List<Path> jobs;
        try (Stream<Path> s = Files.list(Path.of("jobs"))) {
            jobs = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        int stated = 0;
        for (Path job : jobs) {
            String section = "";
            for (String line : Files.readAllLines(job)) {
                if (line.matches("^[a-z_]+:.*")) section = line.substring(0, line.indexOf(':'));
                Matcher m = keyLine.matcher(line);
                if (!m.find()) continue;
                String key = m.group(1).isEmpty() ? m.group(2) : section + "." + m.group(2);
                if (!parser.containsKey(key)) fail(job + ": \"(default …)\" on " + key + ", which has no default: " + line);
                assertTrue(same(parser.get(key), m.group(3)), job + ": " + key + " default " + m.group(3) + ", parser " + parser.get(key));
                stated++;
            }
            assertTrue(!Files.readString(job).contains("values here are the defaults"), job + " claims its values are the defaults");
        }
        assertTrue(stated > 0, "no (default X) comment in the ready jobs");
    }
}
