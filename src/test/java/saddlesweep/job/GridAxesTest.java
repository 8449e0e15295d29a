package saddlesweep.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import saddlesweep.model.Teacher;
import saddlesweep.run.RunConfig;

/** The axes beyond n, sigma2, hidden and the seeds: eta, init_scale, input_std, sigma2 ranges and teachers. */
class GridAxesTest {

    /** 2 teachers × 2 input_std × 3 eta × 2 init_scale × 2 n × 1 sigma2 × 1 hidden × 1 data_seed × 2 init_seed = 96. */
    private static final String AXES = """
            name: axes
            teachers:
              - {name: narrow, w: [1.0], v: [1.0]}
              - {name: wide, w: [0.5, 3.0], v: [1.0, -1.0]}
            input_std: [1.0, 0.25]
            n: [20, 40]
            sigma2: 0.01
            hidden: 2
            data_seed: 1
            init_seed: {from: 1, count: 2}
            training:
              eta: {from: 0.1, factor: 0.5, count: 3}
              init_scale: [0.1, 0.001]
              max_steps: 500
            """;

    private static final String SINGLE = """
            name: single
            teacher: {w: [1.0], v: [1.0]}
            input_std: INPUT_STD
            n: [20, 40]
            sigma2: 0.01
            hidden: 2
            data_seed: 1
            init_seed: {from: 1, count: 2}
            training:
              eta: ETA
              init_scale: INIT_SCALE
              max_steps: 500
            """;

    /**
     * input_dim: each teacher's rows zero-padded to every d of the axis (the same function of the first coordinates);
     * the task at a teacher's own d is the task (and id) of a job without the key; the axis sits after the teachers.
     */
    @Test
    void inputDimEmbedsEveryTeacherInEachDimension() {
        String plane = SINGLE.replace("teacher: {w: [1.0], v: [1.0]}", "teacher: {w: [[1.0, 0.5], [0.0, 1.0]], v: [1.0, 1.0]}")
                .replace("INPUT_STD", "1.0").replace("ETA", "0.1").replace("INIT_SCALE", "0.1");
        SweepJob own = JobParser.parse(plane, false);
        SweepJob job = JobParser.parse(plane + "input_dim: [2, 5]\n", false);
        assertEquals(2 * own.size(), job.size());
        for (long i = 0; i < own.size(); i++) {
            RunConfig a = job.task(i);
            RunConfig b = job.task(own.size() + i);
            assertEquals(own.task(i).taskId(), a.taskId(), "d = 2 is the teacher's own: the same task");
            assertEquals(5, b.teacher().dim());
            assertArrayEquals(new double[] {1.0, 0.5, 0, 0, 0, 0.0, 1.0, 0, 0, 0}, b.teacher().w(), 0.0);
            assertArrayEquals(a.teacher().v(), b.teacher().v(), 0.0);
            assertEquals(a.n(), b.n());
            assertEquals(a.initSeed(), b.initSeed());
            assertNotEquals(a.taskId(), b.taskId());
        }
        // a scalar teacher in d = 3: w e_1 per row; the job's text keeps the axis, and without it the definition is as before
        SweepJob scalar = JobParser.parse(SINGLE.replace("INPUT_STD", "1.0").replace("ETA", "0.1").replace("INIT_SCALE", "0.1")
                + "input_dim: [1, 3]\n", false);
        assertArrayEquals(new double[] {1.0, 0, 0}, scalar.task(scalar.size() - 1).teacher().w(), 0.0);
        assertTrue(scalar.task(scalar.size() - 1).committee());
        assertEquals(scalar.definitionHash(), JobParser.parse(scalar.canonicalYaml(), false).definitionHash());
        assertTrue(scalar.canonicalDefinition().contains("input_dim: "), scalar.canonicalDefinition());
        assertTrue(!own.canonicalDefinition().contains("input_dim"));
    }

    /** jobs/committee.yaml in its input_dim form runs the tasks (ids) of the same job written with one teacher per d. */
    @Test
    void theCommitteeJobsInputDimFormHasTheTasksOfOneTeacherPerDimension() throws Exception {
        SweepJob axis = JobParser.parse(Path.of("jobs/committee.yaml"), false);
        String text = Files.readString(Path.of("jobs/committee.yaml"));
        String perTeacher = text.replaceAll("(?s)teacher:\n  w: \\[\\[1, 0\\], \\[0, 1\\]\\]\n  v: \\[1, 1\\]\ninput_dim: \\[2, 4, 8\\]\n",
                "teachers:\n  - {name: d2, w: [[1, 0], [0, 1]], v: [1, 1]}\n  - {name: d4, w: [[1, 0, 0, 0], [0, 1, 0, 0]], v: [1, 1]}\n"
                        + "  - {name: d8, w: [[1, 0, 0, 0, 0, 0, 0, 0], [0, 1, 0, 0, 0, 0, 0, 0]], v: [1, 1]}\n");
        assertNotEquals(text, perTeacher, "the teacher and input_dim lines were replaced");
        SweepJob teachers = JobParser.parse(perTeacher, false);
        assertEquals(teachers.size(), axis.size());
        Set<String> a = new HashSet<>();
        Set<String> b = new HashSet<>();
        for (long i = 0; i < axis.size(); i++) {
            a.add(axis.task(i).taskId());
            b.add(teachers.task(i).taskId());
        }
        assertEquals(192, a.size());
        assertEquals(b, a);
    }

    @Test
    void gridIsTheProductOfAllAxesDecodedSlowestFirst() {
        SweepJob job = JobParser.parse(AXES, false);
        assertEquals(96, job.size());
        String[] teachers = {"narrow", "wide"};
        double[] inputStds = {1.0, 0.25};
        double[] etas = {0.1, 0.05, 0.025};
        double[] scales = {0.1, 0.001};
        int[] ns = {20, 40};
        long index = 0;
        for (String t : teachers) {
            for (double s : inputStds) {
                for (double eta : etas) {
                    for (double scale : scales) {
                        for (int n : ns) {
                            for (long seed = 1; seed <= 2; seed++) {
                                RunConfig c = job.task(index++);
                                assertEquals(t, c.teacher().name());
                                assertEquals(s, c.inputStd());
                                assertEquals(eta, c.training().eta());
                                assertEquals(scale, c.training().initScale());
                                assertEquals(n, c.n());
                                assertEquals(seed, c.initSeed());
                                assertEquals(500L, c.training().maxSteps());
                            }
                        }
                    }
                }
            }
        }
        assertArrayEquals(new double[] {0.5, 3.0}, job.task(95).teacher().w());
        assertArrayEquals(new double[] {1.0, -1.0}, job.task(95).teacher().v());
    }

    @Test
    void eachTaskHasTheIdOfTheSameRunInAJobWithoutAxes() {
        // A point of the axes is the same computation as a job that fixes that point: the same task id.
        SweepJob job = JobParser.parse(AXES.replace("  - {name: wide, w: [0.5, 3.0], v: [1.0, -1.0]}\n", ""), false);
        assertEquals(48, job.size());
        Set<String> ids = new HashSet<>();
        for (long i = 0; i < job.size(); i++) ids.add(job.task(i).taskId());
        assertEquals(48, ids.size());
        Set<String> fromSingles = new HashSet<>();
        for (String s : List.of("1.0", "0.25")) {
            for (String eta : List.of("0.1", "0.05", "0.025")) {
                for (String scale : List.of("0.1", "0.001")) {
                    SweepJob single = JobParser.parse(SINGLE.replace("INPUT_STD", s).replace("ETA", eta)
                            .replace("INIT_SCALE", scale), false);
                    for (long i = 0; i < single.size(); i++) fromSingles.add(single.task(i).taskId());
                }
            }
        }
        assertEquals(ids, fromSingles);
    }

    @Test
    void geometricRangeValuesAreTheDecimalsMeant() {
        SweepJob job = JobParser.parse(SINGLE.replace("INPUT_STD", "1").replace("ETA", "0.05")
                .replace("init_scale: INIT_SCALE", "init_scale: {from: 0.1, factor: 0.1, count: 4}")
                .replace("sigma2: 0.01", "sigma2: {from: 1e-4, factor: 10, count: 3}"), false);
        assertArrayEquals(new double[] {0.1, 0.01, 0.001, 0.0001}, job.initScale().values());
        assertArrayEquals(new double[] {1e-4, 1e-3, 1e-2}, job.sigma2().values());
        assertEquals(4 * 3 * 2 * 2, job.size());
        DoubleAxis halving = DoubleAxis.geometric(0.4, 0.5, 5);
        assertArrayEquals(new double[] {0.4, 0.2, 0.1, 0.05, 0.025}, halving.values());
        DoubleAxis sqrt2 = DoubleAxis.geometric(1, 1.4142135623730951, 3);
        assertEquals(2.0, sqrt2.get(2), 1e-15);
        assertTrue(sqrt2.get(1) < sqrt2.get(2));
    }

    @Test
    void definitionHashIgnoresHowAnAxisIsWrittenAndTheTeachersOrder() {
        SweepJob a = JobParser.parse(AXES, false);
        SweepJob b = JobParser.parse(AXES.replace("eta: {from: 0.1, factor: 0.5, count: 3}", "eta: [0.025, 0.1, 0.05]")
                .replace("init_scale: [0.1, 0.001]", "init_scale: {from: 0.001, factor: 100, count: 2}")
                .replace("""
                          - {name: narrow, w: [1.0], v: [1.0]}
                          - {name: wide, w: [0.5, 3.0], v: [1.0, -1.0]}
                        """, """
                          - {name: wide, w: [0.5, 3.0], v: [1.0, -1.0]}
                          - {name: narrow, w: [1.0], v: [1.0]}
                        """), false);
        assertNotEquals(a.task(0).taskId(), b.task(0).taskId(), "another order of the grid");
        assertEquals(a.definitionHash(), b.definitionHash());
        assertEquals(ids(a), ids(b));

        assertNotEquals(a.definitionHash(), JobParser.parse(AXES.replace("count: 3}", "count: 4}"), false).definitionHash());
        assertNotEquals(a.definitionHash(), JobParser.parse(AXES.replace("input_std: [1.0, 0.25]", "input_std: [1.0, 0.5]"), false).definitionHash());
        // a teacher's name is in the tables, so renaming one is another definition (the task ids stay)
        SweepJob renamed = JobParser.parse(AXES.replace("name: wide", "name: broad"), false);
        assertNotEquals(a.definitionHash(), renamed.definitionHash());
        assertEquals(ids(a), ids(renamed));
    }

    @Test
    void canonicalYamlReadsBackAsTheSameJob() throws Exception {
        SweepJob job = JobParser.parse(AXES, false);
        String yaml = job.canonicalYaml();
        assertTrue(yaml.contains("eta: {from: 0.1, factor: 0.5, count: 3}"), yaml);
        assertTrue(yaml.contains("teachers:\n  - name: \"narrow\""), yaml);
        SweepJob back = JobParser.parse(yaml, false);
        assertEquals(job, back);
        assertEquals(job.definitionHash(), back.definitionHash());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(job);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            SweepJob read = (SweepJob) in.readObject();
            assertEquals(job, read);
            assertEquals(job.task(77).taskId(), read.task(77).taskId());
        }
    }

    @Test
    void aSingleTeacherMayBeNamed() {
        SweepJob job = JobParser.parse(JobTexts.BASE.replace("teacher:\n", "teacher:\n  name: one_unit\n"), false);
        Teacher t = job.teachers().get(0);
        assertEquals("one_unit", t.name());
        assertEquals(job.task(0).taskId(), JobParser.parse(JobTexts.BASE, false).task(0).taskId(), "the name is a label");
        assertEquals(Teacher.DEFAULT_NAME, JobParser.parse(JobTexts.BASE, false).teachers().get(0).name());
    }

    private static Set<String> ids(SweepJob job) {
        Set<String> ids = new HashSet<>();
        for (long i = 0; i < job.size(); i++) ids.add(job.task(i).taskId());
        return ids;
    }
}
