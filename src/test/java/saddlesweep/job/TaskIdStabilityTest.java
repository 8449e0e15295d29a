package saddlesweep.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Jobs that use none of the new axes (eta, init_scale, input_std lists or ranges, a list of teachers) keep
 * the task ids, the task order and the definition hash they had before those axes existed, so that results
 * roots written then resume without recomputing. The expected ids in {@code src/test/resources/task-ids/}
 * were computed by the code at commit e4c41e1, before the axes were added ({@link TaskIdFixtures} rewrites
 * them, for a change of the ids that is meant).
 */
class TaskIdStabilityTest {

    private static final Path FIXTURES = TaskIdFixtures.DIR;

    @ParameterizedTest
    @ValueSource(strings = {"jobs/quickstart.yaml", "jobs/paper.yaml", "jobs/learning-curve.yaml",
            "src/test/resources/task-ids/settings.yaml"})
    void idsOrderAndDefinitionHashAreThoseOfBefore(String jobFile) throws IOException {
        List<String> lines = Files.readAllLines(TaskIdFixtures.fixtureFile(jobFile));
        String expectedHash = lines.get(0).replace("# definition ", "");
        List<String> expectedIds = lines.subList(1, lines.size());

        SweepJob job = JobParser.parse(Path.of(jobFile), false);
        assertEquals(expectedHash, job.definitionHash(), job.canonicalDefinition());
        assertEquals(expectedIds, ids(job));
        assertEquals(String.join("\n", lines) + "\n", TaskIdFixtures.fixture(job));
    }

    @ParameterizedTest
    @ValueSource(strings = {"settings"})
    void oneValueWrittenAsAListOrAsANamedTeacherListChangesNothing(String base) throws IOException {
        String text = Files.readString(FIXTURES.resolve(base + ".yaml"));
        List<String> lines = Files.readAllLines(FIXTURES.resolve(base + ".txt"));
        String spelt = text.replace("input_std: 0.7", "input_std: [0.7]")
                .replace("eta: 0.02", "eta: [0.02]")
                .replace("init_scale: 0.05", "init_scale: [5e-2]")
                .replace("teacher: {w: [0.5, 3], v: [1, -1]}", "teachers: [{name: teacher, w: [0.5, 3], v: [1, -1]}]");
        SweepJob job = JobParser.parse(spelt, false);
        assertEquals(lines.get(0).replace("# definition ", ""), job.definitionHash());
        assertEquals(lines.subList(1, lines.size()), ids(job));
    }

    private static List<String> ids(SweepJob job) {
        List<String> ids = new ArrayList<>();
        for (long i = 0; i < job.size(); i++) ids.add(job.task(i).taskId());
        return ids;
    }
}
