package saddlesweep.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the fixtures of {@link TaskIdStabilityTest}: for each ready job (and {@code settings.yaml}), its
 * definition hash and the task ids in grid order. Run it only when a change of the ids is intended (it makes
 * every stored sweep recompute), from the project directory after {@code mvn test-compile} (target/classpath.txt
 * is written by any {@code ./submit.sh} command):
 * {@code java -cp target/classes:target/test-classes:$(cat target/classpath.txt) saddlesweep.job.TaskIdFixtures}.
 */
public final class TaskIdFixtures {

    static final Path DIR = Path.of("src/test/resources/task-ids");
    static final String[] JOBS = {"jobs/quickstart.yaml", "jobs/paper.yaml", "jobs/learning-curve.yaml",
            "src/test/resources/task-ids/settings.yaml"};

    private TaskIdFixtures() {
    }

    /** The fixture text of a job: {@code # definition HASH}, then one task id per line in grid order. */
    static String fixture(SweepJob job) {
        StringBuilder b = new StringBuilder("# definition ").append(job.definitionHash()).append('\n');
        for (long i = 0; i < job.size(); i++) b.append(job.task(i).taskId()).append('\n');
        return b.toString();
    }

    /** The fixture file of a job file. */
    static Path fixtureFile(String jobFile) {
        return DIR.resolve(Path.of(jobFile).getFileName().toString().replace(".yaml", ".txt"));
    }

    public static void main(String[] args) throws IOException {
        for (String jobFile : JOBS) {
            Files.writeString(fixtureFile(jobFile), fixture(JobParser.parse(Path.of(jobFile), false)));
            System.out.println("wrote " + fixtureFile(jobFile));
        }
    }
}
