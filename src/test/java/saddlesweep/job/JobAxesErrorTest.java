package saddlesweep.job;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import saddlesweep.error.UserError;

/** Bad forms of the new axes end, like every bad job, with one line naming the key and the value as written. */
class JobAxesErrorTest {

    private static String error(String text) {
        UserError e = assertThrows(UserError.class, () -> JobParser.parse(text, "job.yaml", false));
        String msg = e.getMessage();
        assertFalse(msg.contains("\n") || msg.contains("\r"), "one line: " + msg);
        assertTrue(msg.startsWith("job.yaml"), msg);
        return msg;
    }

    private static void assertContains(String msg, String... parts) {
        for (String p : parts) assertTrue(msg.contains(p), "expected «" + p + "» in: " + msg);
    }

    private static String training(String line) {
        return JobTexts.plus("training:\n  " + line);
    }

    private static String teachers(String list) {
        return JobTexts.BASE.replace("teacher:\n  w: [1.0]\n  v: [1.0]\n", "teachers:\n" + list);
    }

    // ------------------------------------------------------------ eta, init_scale, input_std, sigma2 as axes

    @Test
    void axisValuesKeepTheirBounds() {
        assertEquals("job.yaml:11: training.eta[1] = 0: must be > 0", error(training("eta: [0.05, 0]")));
        assertContains(error(training("init_scale: [0.1, -0.1]")), "job.yaml:11: training.init_scale[1] = -0.1: must be >= 0");
        assertContains(error(JobTexts.plus("input_std: [1, 0]")), "job.yaml:10: input_std[1] = 0: must be > 0");
        assertContains(error(training("eta: [0.05, .inf]")), "training.eta[1] = .inf: must be a finite number");
        assertContains(error(training("eta: [0.05, \"fast\"]")), "training.eta[1] = \"fast\": must be a number, got a string");
    }

    @Test
    void emptyAndRepeatedAxes() {
        assertContains(error(training("eta: []")), "job.yaml:11: training.eta = []: empty axis");
        assertContains(error(training("init_scale: [0.1, 1e-1]")), "training.init_scale[1] = 1e-1: duplicate of training.init_scale[0]");
        assertContains(error(JobTexts.plus("input_std: [2, 2.0]")), "input_std[1] = 2.0: duplicate of input_std[0]");
        assertContains(error(training("eta:")), "training.eta = (empty): must be a number, a list of numbers or a range");
    }

    @Test
    void inputStdHasNoRange() {
        assertContains(error(JobTexts.plus("input_std: {from: 1, factor: 0.5, count: 3}")),
                "job.yaml:10: input_std = {from: 1, factor: 0.5, count: 3}: must be a number or a list of numbers, got a mapping");
    }

    @Test
    void geometricFactorMustBePositiveAndNotOne() {
        assertEquals("job.yaml:11: training.eta.factor = 1: must not be 1 (the values would repeat)",
                error(training("eta: {from: 0.1, factor: 1, count: 3}")));
        assertContains(error(training("eta: {from: 0.1, factor: 0, count: 3}")), "training.eta.factor = 0: must be > 0");
        assertContains(error(training("init_scale: {from: 0.1, factor: -2, count: 3}")), "training.init_scale.factor = -2: must be > 0");
        assertContains(error(JobTexts.with("sigma2", "sigma2: {from: 0.01, factor: 1.0, count: 2}")), "sigma2.factor = 1.0: must not be 1");
    }

    @Test
    void geometricCountAndFrom() {
        assertContains(error(training("eta: {from: 0.1, factor: 0.5, count: 0}")), "job.yaml:11: training.eta.count = 0: must be >= 1");
        assertContains(error(training("eta: {from: 0.1, factor: 0.5, count: -2}")), "training.eta.count = -2: must be >= 1");
        assertContains(error(training("eta: {from: 0.1, factor: 0.5, count: 2.5}")), "training.eta.count = 2.5: must be an integer");
        assertContains(error(training("eta: {from: 0.1, factor: 0.5, count: 100001}")), "training.eta.count = 100001: must be <= 100000");
        assertContains(error(training("init_scale: {from: 0, factor: 0.5, count: 2}")), "training.init_scale.from = 0: must be > 0");
        assertContains(error(JobTexts.with("sigma2", "sigma2: {from: -1, factor: 2, count: 2}")), "sigma2.from = -1: must be > 0");
    }

    @Test
    void geometricRangeMustStayWithinDoubles() {
        assertContains(error(training("eta: {from: 0.1, factor: 1e-100, count: 5}")),
                "training.eta = {from: 0.1, factor: 1e-100, count: 5}: value 5 of 5 leaves the range of doubles");
    }

    @Test
    void geometricRangeKeys() {
        assertContains(error(training("eta: {from: 0.1, count: 3}")),
                "training.eta = {from: 0.1, count: 3}: a {from, count} range only works for integer axes; a real axis takes a list or a geometric range");
        assertContains(error(training("eta: {from: 0.1, factor: 0.5}")), "training.eta.count: missing; a geometric range is written {from: A, factor: F, count: K}");
        assertContains(error(training("eta: {factor: 0.5, count: 2}")), "training.eta.from: missing");
        assertContains(error(training("eta: {from: 0.1, factr: 0.5, count: 2}")), "training.eta.factr: unknown key; did you mean `training.eta.factor`?");
        assertContains(error(training("eta: {from: 0.1, factor: 0.5, count: 2, step: 1}")), "training.eta.step: unknown key");
        assertContains(error(JobTexts.with("n", "n: {from: 10, factor: 2, count: 3}")), "n.factor: unknown key");
    }

    @Test
    void newAxesEnterTheGridSizeLimit() {
        String text = training("eta: {from: 1, factor: 0.5, count: 50}\n  init_scale: {from: 1, factor: 0.5, count: 100}");
        assertContains(error(text), "job.yaml: grid = 50 eta x 100 init_scale x 2 n x 1 sigma2 x 2 hidden x 2 data_seed x 3 init_seed = 120000 tasks",
                "pass --allow-large");
        assertEquals(120_000L, assertDoesNotThrow(() -> JobParser.parse(text, true)).size());
    }

    // ------------------------------------------------------------ teachers

    @Test
    void teachersAndTeacherTogetherAreRefused() {
        String text = JobTexts.plus("teachers:\n  - {name: a, w: [1], v: [1]}");
        assertEquals("job.yaml:10: teachers: cannot be given together with `teacher`; write one teacher as `teacher:` "
                + "or all of them under `teachers:`", error(text));
    }

    @Test
    void teachersMustBeANonEmptyListOfMappings() {
        assertContains(error(teachers("  {name: a, w: [1], v: [1]}\n")), "job.yaml:3: teachers = {name: \"a\", w: [1], v: [1]}: must be a list of teachers");
        assertContains(error(JobTexts.BASE.replace("teacher:\n  w: [1.0]\n  v: [1.0]\n", "teachers: []\n")),
                "job.yaml:2: teachers = []: empty; give at least one teacher");
        assertContains(error(teachers("  - [1, 1]\n")), "teachers[0] = [1, 1]: must be a mapping with keys name, w and v, got a list");
    }

    @Test
    void eachTeacherOfAListNeedsNameWAndV() {
        assertContains(error(teachers("  - {w: [1], v: [1]}\n")), "job.yaml:3: teachers[0].name: missing; each teacher of the list needs a name, w and v");
        assertContains(error(teachers("  - {name: a, w: [1], v: [1]}\n  - {name: b, w: [2]}\n")), "teachers[1].v: missing");
        assertContains(error(teachers("  - {name: a, w: [1], v: [1, 2]}\n")),
                "teachers[0].v = [1, 2]: has 2 values but teachers[0].w has 1; they must have the same length");
        assertContains(error(teachers("  - {name: a, w: [1], v: [.nan]}\n")), "teachers[0].v[0] = .nan: must be a finite number");
        assertContains(error(teachers("  - {name: a, w: [1], vv: [1]}\n")), "teachers[0].vv: unknown key; did you mean `teachers[0].v`?");
    }

    @Test
    void aCommitteeTeachersRowsHaveOneLengthAndOneVEach() {
        assertContains(error(teachers("  - {name: a, w: [[1, 0], [0, 1, 0]], v: [1, 1]}\n")),
                "teachers[0].w[1] = [0, 1, 0]: has 3 values but teachers[0].w[0] has 2; every row has the input dimension d");
        assertContains(error(teachers("  - {name: a, w: [[1, 0], [0, 1]], v: [1]}\n")),
                "teachers[0].v = [1]: has 1 value but teachers[0].w has 2 rows; one v per row");
        assertContains(error(teachers("  - {name: a, w: [[1, 0], 2], v: [1, 1]}\n")), "teachers[0].w[1] = 2: must be a row");
        // the same function up to the order and signs of its rows is the same teacher
        assertContains(error(teachers("  - {name: a, w: [[1, 0], [0, 1]], v: [1, 1]}\n  - {name: b, w: [[0, -1], [1, 0]], v: [-1, 1]}\n")),
                "the same teacher function as teachers[0]");
    }

    @Test
    void inputDimIsAnAxisOfDimensionsNoTeacherExceeds() {
        assertContains(error(teachers("  - {name: a, w: [[1, 0, 0], [0, 1, 0]], v: [1, 1]}\n") + "input_dim: [2, 4]\n"),
                "input_dim", "2 is below teacher a's input dimension 3");
        assertContains(error(JobTexts.plus("input_dim: [0, 2]")), "input_dim", "must be in 1..4096");
        assertContains(error(JobTexts.plus("input_dim: [2, 2]")), "input_dim");
        assertContains(error(JobTexts.plus("input_dim: 2.5")), "input_dim");
    }

    @Test
    void teacherNamesAreSafeAndDistinct() {
        assertContains(error(teachers("  - {name: my teacher, w: [1], v: [1]}\n")),
                "teachers[0].name = \"my teacher\": must be 1 to 100 characters from A-Z a-z 0-9 _ . -");
        assertEquals("job.yaml:4: teachers[1].name = \"a\": duplicate of teachers[0].name",
                error(teachers("  - {name: a, w: [1], v: [1]}\n  - {name: a, w: [2], v: [1]}\n")));
        assertContains(error(JobTexts.BASE.replace("teacher:\n", "teacher:\n  name: \"\"\n")), "teacher.name = \"\": must be 1 to 100 characters");
    }

    @Test
    void theSameTeacherTwiceIsRefusedAlsoUpToSymmetry() {
        assertEquals("job.yaml:4: teachers[1] = {name: \"b\", w: [1.0], v: [1]}: the same teacher function as teachers[0] (\"a\"); give each teacher once",
                error(teachers("  - {name: a, w: [1], v: [1]}\n  - {name: b, w: [1.0], v: [1]}\n")));
        assertContains(error(teachers("  - {name: a, w: [0.5, 3], v: [1, 2]}\n  - {name: b, w: [-3, 0.5], v: [-2, 1]}\n")),
                "teachers[1] = {name: \"b\", w: [-3, 0.5], v: [-2, 1]}: the same teacher function as teachers[0] (\"a\") up to the order and signs of its units");
    }

    @Test
    void withoutTeacherOrTeachersTheTeacherIsMissing() {
        assertContains(error(JobTexts.BASE.replace("teacher:\n  w: [1.0]\n  v: [1.0]\n", "")), "job.yaml: teacher: missing");
    }

    @Test
    void aValidTeacherListParses() {
        SweepJob job = JobParser.parse(teachers("  - {name: a, w: [1], v: [1]}\n  - {name: b.2, w: [0.5, 3], v: [1, 1]}\n"), false);
        assertEquals(2, job.teachers().size());
        assertEquals(48, job.size());
        assertEquals("b.2", job.task(47).teacher().name());
    }
}
