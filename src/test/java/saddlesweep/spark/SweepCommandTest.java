package saddlesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import saddlesweep.job.JobParser;
import saddlesweep.job.SweepJob;

/**
 * {@code sweep} on bad input: exit 2, one line on stderr, nothing written; a retired key: one warning line,
 * and the sweep runs with the ids of the job without it.
 */
class SweepCommandTest {

    @TempDir
    Path dir;

    private void assertOneErrorLine(CliCapture.Result r, String... fragments) {
        assertEquals(2, r.exit(), r.stderr());
        List<String> lines = r.errorLines();
        assertEquals(1, lines.size(), "expected one line, got:\n" + r.stderr());
        assertTrue(lines.get(0).startsWith("error: "), lines.get(0));
        for (String f : fragments) assertTrue(lines.get(0).contains(f), lines.get(0) + " lacks " + f);
    }

    private List<String> listing() throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void badJobFileEndsWithOneLineAndWritesNothing() throws Exception {
        Path job = dir.resolve("bad.yaml");
        Files.writeString(job, SweepFixture.jobYaml("bad", 0.01).replace("n: [20]", "n: [0]"));
        CliCapture.Result r = CliCapture.run("sweep", job.toString(), "--out", dir.resolve("out").toString());
        assertOneErrorLine(r, "n");
        assertEquals(List.of("bad.yaml"), listing(), "nothing may be created");

        Files.writeString(job, SweepFixture.jobYaml("bad", 0.01) + "colour: blue\n");
        assertOneErrorLine(CliCapture.run("sweep", job.toString(), "--out", dir.resolve("out").toString()), "colour");
        assertEquals(List.of("bad.yaml"), listing());

        assertOneErrorLine(CliCapture.run("sweep", dir.resolve("missing.yaml").toString(), "--out", dir.resolve("out").toString()));
        assertEquals(List.of("bad.yaml"), listing());

        // the axis forms: a geometric factor of 1, two teachers of one name
        Files.writeString(job, SweepFixture.jobYaml("bad", 0.01).replace("eta: 0.05", "eta: {from: 0.1, factor: 1, count: 2}"));
        assertOneErrorLine(CliCapture.run("sweep", job.toString(), "--out", dir.resolve("out").toString()),
                "training.eta.factor = 1: must not be 1");
        Files.writeString(job, SweepFixture.jobYaml("bad", 0.01).replace("teacher: {w: [1.0], v: [1.0]}",
                "teachers: [{name: a, w: [1.0], v: [1.0]}, {name: a, w: [2.0], v: [1.0]}]"));
        assertOneErrorLine(CliCapture.run("sweep", job.toString(), "--out", dir.resolve("out").toString()),
                "teachers[1].name = \"a\": duplicate of teachers[0].name");
        assertEquals(List.of("bad.yaml"), listing());
    }

    @Test
    void outputThatIsAFileEndsWithOneLineAndWritesNothing() throws Exception {
        Path job = SweepFixture.writeJob(dir, "good", 0.01);
        Path file = dir.resolve("afile");
        Files.writeString(file, "not a directory");
        assertOneErrorLine(CliCapture.run("sweep", job.toString(), "--out", file.toString()), "not a directory");
        assertOneErrorLine(CliCapture.run("sweep", job.toString(), "--out", file.resolve("sub").toString()), "not a directory");
        assertEquals("not a directory", Files.readString(file));
        assertEquals(List.of("afile", job.getFileName().toString()), listing());
    }

    @Test
    void badOptionsEndWithOneLine() throws Exception {
        Path job = SweepFixture.writeJob(dir, "good", 0.01);
        assertOneErrorLine(CliCapture.run("sweep", job.toString(), "--out", dir.resolve("o").toString(), "--chunk-size", "0"), "--chunk-size");
        assertOneErrorLine(CliCapture.run("sweep", job.toString(), "--bogus"), "--bogus");
        assertFalse(Files.exists(dir.resolve("o")));
    }

    @Test
    void aRetiredKeyGivesOneWarningLineAndTheIdsOfTheJobWithoutIt() throws Exception {
        String plain = SweepFixture.jobYaml("retired", 0.01).replace("hidden: [1, 2]", "hidden: [1]")
                .replace("data_seed: {from: 1, count: 2}", "data_seed: [1]").replace("max_steps: 2000", "max_steps: 200");
        Path job = dir.resolve("retired.yaml");
        Files.writeString(job, plain + "analysis: {drift_min_growth: 0.05}\n");
        Path out = dir.resolve("out");
        CliCapture.Result r = CliCapture.run("sweep", job.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.stderr());
        List<String> warnings = r.errorLines().stream().filter(l -> l.startsWith("warning: ")).toList();
        assertEquals(1, warnings.size(), r.stderr());
        assertTrue(warnings.get(0).contains("retired.yaml:10: analysis.drift_min_growth: no longer used"), warnings.get(0));
        assertFalse(r.stderr().contains("error:"), r.stderr());

        SweepJob without = JobParser.parse(plain, false);
        List<String> expected = new ArrayList<>();
        for (long i = 0; i < without.size(); i++) expected.add(without.task(i).taskId());
        List<String> ids = new ArrayList<>();
        for (Row row : SweepFixture.table(TestSpark.session(), out, ResultTable.RUNS, "retired").select("task_id").collectAsList()) {
            ids.add(row.getString(0));
        }
        ids.sort(null);
        expected.sort(null);
        assertEquals(expected, ids);
    }
}
