package saddlesweep.job;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import saddlesweep.error.UserError;

/** Every bad job file ends with one line naming the key and the value as written. */
class JobParserErrorTest {

    /** Parses {@code text} as file "job.yaml", expects a UserError on one line, returns its message. */
    private static String error(String text) {
        UserError e = assertThrows(UserError.class, () -> JobParser.parse(text, "job.yaml", false));
        return checkedMessage(e);
    }

    private static String checkedMessage(UserError e) {
        String msg = e.getMessage();
        assertFalse(msg.contains("\n") || msg.contains("\r"), "message must be one line: " + msg);
        assertTrue(msg.startsWith("job.yaml") || msg.contains(".yaml"), "message names the file: " + msg);
        return msg;
    }

    private static void assertContains(String msg, String... parts) {
        for (String p : parts) assertTrue(msg.contains(p), "expected «" + p + "» in: " + msg);
    }

    // ------------------------------------------------------------ the file itself

    @Test
    void missingFile(@TempDir Path dir) {
        Path f = dir.resolve("nope.yaml");
        String msg = checkedMessage(assertThrows(UserError.class, () -> JobParser.parse(f, false)));
        assertContains(msg, f.toString(), "not found");
    }

    @Test
    void directoryInsteadOfFile(@TempDir Path dir) throws IOException {
        Path d = Files.createDirectory(dir.resolve("jobs.yaml"));
        String msg = checkedMessage(assertThrows(UserError.class, () -> JobParser.parse(d, false)));
        assertContains(msg, d.toString(), "is a directory");
    }

    @Test
    void unreadableBytes(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("latin1.yaml");
        Files.write(f, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9, '\n'});
        String msg = checkedMessage(assertThrows(UserError.class, () -> JobParser.parse(f, false)));
        assertContains(msg, f.toString(), "not UTF-8");
    }

    @Test
    void errorsFromAFileNameTheFileAndLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("mine.yaml");
        Files.writeString(f, JobTexts.with("sigma2", "sigma2: [0.01, -0.5]"));
        String msg = checkedMessage(assertThrows(UserError.class, () -> JobParser.parse(f, false)));
        assertEquals(f + ":6: sigma2[1] = -0.5: must be >= 0", msg);
    }

    @Test
    void emptyFile() {
        assertContains(error("# nothing but a comment\n"), "job.yaml", "empty", "name");
    }

    // ------------------------------------------------------------ YAML syntax

    @Test
    void malformedYamlGivesLineAndColumn() {
        String msg = error(JobTexts.with("n", "n: [50, 200"));
        assertContains(msg, "malformed YAML at line 6, column", "expected ',' or ']'");
    }

    @Test
    void tabIndentationIsMalformed() {
        assertContains(error("name: t\nteacher:\n\tw: [1]\n"), "malformed YAML at line 3, column 1", "TAB");
    }

    @Test
    void duplicateKey() {
        assertContains(error(JobTexts.plus("n: [100]")), "job.yaml:10: n: duplicate key (first given on line 5)");
    }

    @Test
    void aliasesAreRefused() {
        String text = JobTexts.with("n", "n: &sizes [50, 200]").replace("hidden: [1, 2]", "hidden: *sizes");
        assertContains(error(text), "*sizes", "aliases are not supported");
    }

    @Test
    void secondDocumentIsRefused() {
        assertContains(error(JobTexts.BASE + "---\nname: other\n"), "one YAML document");
    }

    @Test
    void topLevelNotAMapping() {
        assertContains(error("- 1\n- 2\n"), "job.yaml:1: top level = [1, 2]: must be a mapping", "got a list");
        assertContains(error("just words\n"), "top level = \"just words\"", "got a string");
    }

    // ------------------------------------------------------------ keys

    @Test
    void unknownTopLevelKeySuggestsTheClosest() {
        assertContains(error(JobTexts.with("sigma2", "sigma: [0.01]")),
                "job.yaml:6: sigma: unknown key; did you mean `sigma2`?");
    }

    @Test
    void unknownNestedKeySuggestsTheClosest() {
        assertContains(error(JobTexts.plus("training:\n  etaa: 0.1")),
                "job.yaml:11: training.etaa: unknown key; did you mean `training.eta`?");
        assertContains(error(JobTexts.with("data_seed", "data_seed: {from: 1, cnt: 2}")),
                "data_seed.cnt: unknown key; did you mean `data_seed.count`?");
        assertContains(error(JobTexts.BASE.replace("  v: [1.0]", "  vv: [1.0]")),
                "teacher.vv: unknown key; did you mean `teacher.v`?");
        assertContains(error(JobTexts.plus("analysis: {dip_factr: 5}")),
                "analysis.dip_factr: unknown key; did you mean `analysis.dip_factor`?");
    }

    @Test
    void keyInTheWrongSectionSaysWhereItBelongs() {
        assertContains(error(JobTexts.plus("eta: 0.1")), "eta: unknown key; `eta` belongs under `training`");
        assertContains(error(JobTexts.plus("training: {hidden: 2}")),
                "training.hidden: unknown key; `hidden` belongs at the top level");
    }

    @Test
    void unrelatedUnknownKeyListsTheKnownKeys() {
        assertContains(error(JobTexts.plus("colour: red")), "colour: unknown key; known keys: name, teacher,");
    }

    @Test
    void missingRequiredKeys() {
        for (String key : JobKeys.REQUIRED) {
            String text = key.equals("teacher")
                    ? JobTexts.BASE.replace("teacher:\n  w: [1.0]\n  v: [1.0]\n", "")
                    : JobTexts.with(key, "");
            assertContains(error(text), "job.yaml: " + key + ": missing");
        }
        assertContains(error(JobTexts.BASE.replace("  v: [1.0]\n", "")), "teacher.v: missing");
        assertContains(error(JobTexts.with("data_seed", "data_seed: {count: 2}")), "data_seed.from: missing");
    }

    // ------------------------------------------------------------ types

    @Test
    void stringWhereNumberExpected() {
        assertContains(error(JobTexts.with("sigma2", "sigma2: [\"a lot\"]")),
                "job.yaml:6: sigma2[0] = \"a lot\": must be a number, got a string");
        assertContains(error(JobTexts.with("n", "n: [\"50\"]")), "n[0] = \"50\": must be an integer, got a string");
    }

    @Test
    void fractionalWhereIntegerExpected() {
        assertContains(error(JobTexts.with("n", "n: [50, 200.5]")),
                "n[1] = 200.5: must be an integer, got a fractional number");
        assertContains(error(JobTexts.plus("training: {max_steps: 2.5e-1}")),
                "training.max_steps = 2.5e-1: must be an integer, got a fractional number");
    }

    @Test
    void listWhereScalarExpected() {
        assertContains(error(JobTexts.plus("training:\n  max_steps: [1000, 2000]")),
                "job.yaml:11: training.max_steps = [1000, 2000]: must be an integer, got a list");
        assertContains(error(JobTexts.plus("input_std: {a: 1}")),
                "input_std = {a: 1}: must be a number or a list of numbers, got a mapping");
    }

    @Test
    void listInsideAxisIsRefused() {
        assertContains(error(JobTexts.with("hidden", "hidden: [[1, 2]]")),
                "hidden[0] = [1, 2]: must be an integer, got a list");
    }

    @Test
    void emptyValue() {
        assertContains(error(JobTexts.with("n", "n:")), "n = (empty): must be a list of values, a range");
        assertContains(error(JobTexts.plus("training: {eta: }")), "training.eta = (empty): must be a number");
    }

    @Test
    void sectionMustBeAMapping() {
        assertContains(error(JobTexts.plus("training: 5")), "training = 5: must be a mapping of eta,");
        assertContains(error(JobTexts.BASE.replace("teacher:\n  w: [1.0]\n  v: [1.0]", "teacher: [1, 1]")),
                "teacher = [1, 1]: must be a mapping with keys w and v");
    }

    @Test
    void polishMustBeABoolean() {
        assertContains(error(JobTexts.plus("training: {polish: \"yes\"}")),
                "training.polish = \"yes\": must be true or false, got a string");
    }

    @Test
    void nameMustBeSafe() {
        assertContains(error(JobTexts.with("name", "name: my sweep")),
                "job.yaml:1: name = \"my sweep\": must be 1 to 100 characters from A-Z a-z 0-9 _ . -");
        assertContains(error(JobTexts.with("name", "name: ../x/y")), "name = \"../x/y\"");
        assertContains(error(JobTexts.with("name", "name:")), "name = (empty)");
    }

    @Test
    void leadingZeroIntegerIsRefused() {
        assertContains(error(JobTexts.with("data_seed", "data_seed: [010]")),
                "data_seed[0] = 010: has a leading zero, which YAML reads as octal (8)");
    }

    @Test
    void integerBeyond64Bits() {
        assertContains(error(JobTexts.with("init_seed", "init_seed: [99999999999999999999]")),
                "init_seed[0] = 99999999999999999999: out of range");
    }

    @Test
    void sizeBeyondInt() {
        assertContains(error(JobTexts.with("n", "n: [3000000000]")), "n[0] = 3000000000: must be > 0");
    }

    // ------------------------------------------------------------ values

    @Test
    void nMustBePositive() {
        assertContains(error(JobTexts.with("n", "n: [50, 0]")), "job.yaml:5: n[1] = 0: must be > 0");
        assertContains(error(JobTexts.with("n", "n: -3")), "n = -3: must be > 0");
        assertContains(error(JobTexts.with("n", "n: {from: 0, count: 3}")), "n.from = 0: must be > 0");
        assertContains(error(JobTexts.with("n", "n: {from: 10, count: 3, step: -5}")),
                "n = {from: 10, count: 3, step: -5}: its last value 0 must be > 0");
    }

    @Test
    void sigma2MustBeNonNegative() {
        assertContains(error(JobTexts.with("sigma2", "sigma2: [0.01, 0.1, -0.5]")),
                "job.yaml:6: sigma2[2] = -0.5: must be >= 0");
    }

    @Test
    void sigma2MustBeFinite() {
        assertContains(error(JobTexts.with("sigma2", "sigma2: [.nan]")), "sigma2[0] = .nan: must be a finite number");
        assertContains(error(JobTexts.with("sigma2", "sigma2: [0.1, .inf]")), "sigma2[1] = .inf: must be a finite number");
    }

    @Test
    void sigma2HasNoRange() {
        assertContains(error(JobTexts.with("sigma2", "sigma2: {from: 0, count: 3}")),
                "sigma2 = {from: 0, count: 3}: a {from, count} range only works for integer axes");
    }

    @Test
    void hiddenAtLeastOne() {
        assertContains(error(JobTexts.with("hidden", "hidden: [0, 1]")), "job.yaml:7: hidden[0] = 0: must be >= 1");
    }

    @Test
    void etaMustBePositive() {
        assertContains(error(JobTexts.plus("training: {eta: 0}")), "job.yaml:10: training.eta = 0: must be > 0");
        assertContains(error(JobTexts.plus("training: {eta: -0.05}")), "training.eta = -0.05: must be > 0");
        assertContains(error(JobTexts.plus("training: {eta: .inf}")), "training.eta = .inf: must be a finite number");
    }

    @Test
    void maxStepsMustBePositive() {
        assertContains(error(JobTexts.plus("training: {max_steps: 0}")), "training.max_steps = 0: must be > 0");
    }

    @Test
    void initScaleMustBeNonNegative() {
        assertContains(error(JobTexts.plus("training: {init_scale: -0.1}")), "training.init_scale = -0.1: must be >= 0");
    }

    @Test
    void recordsPerDecadeAtLeastFifty() {
        assertContains(error(JobTexts.plus("training: {records_per_decade: 20}")),
                "training.records_per_decade = 20: must be in 50..");
    }

    @Test
    void gradTolMustBeNonNegative() {
        assertContains(error(JobTexts.plus("training: {grad_tol: -1e-9}")), "training.grad_tol = -1e-9: must be >= 0");
    }

    @Test
    void analysisSettingsAreChecked() {
        assertContains(error(JobTexts.plus("analysis: {dip_factor: 1}")), "analysis.dip_factor = 1: must be > 1");
        assertContains(error(JobTexts.plus("analysis: {near_optimal_ratio: 0.5}")),
                "analysis.near_optimal_ratio = 0.5: must be >= 1");
        assertContains(error(JobTexts.plus("analysis: {eigen_rel_tol: 1.5}")),
                "analysis.eigen_rel_tol = 1.5: must be in (0, 1)");
        assertContains(error(JobTexts.plus("analysis: {cluster_tol: 0}")), "analysis.cluster_tol = 0: must be > 0");
    }

    @Test
    void emptyAxis() {
        assertContains(error(JobTexts.with("hidden", "hidden: []")), "job.yaml:7: hidden = []: empty axis");
        assertContains(error(JobTexts.with("sigma2", "sigma2: []")), "sigma2 = []: empty axis");
    }

    @Test
    void duplicateAxisValues() {
        assertContains(error(JobTexts.with("n", "n: [50, 200, 50]")), "n[2] = 50: duplicate of n[0]");
        assertContains(error(JobTexts.with("sigma2", "sigma2: [0.01, 1e-2]")), "sigma2[1] = 1e-2: duplicate of sigma2[0]");
        assertContains(error(JobTexts.with("sigma2", "sigma2: [0.0, -0.0]")), "sigma2[1] = -0.0: duplicate of sigma2[0]");
    }

    @Test
    void rangeCountMustBePositive() {
        assertContains(error(JobTexts.with("init_seed", "init_seed: {from: 1, count: 0}")),
                "job.yaml:9: init_seed.count = 0: must be >= 1");
        assertContains(error(JobTexts.with("init_seed", "init_seed: {from: 1, count: -4}")),
                "init_seed.count = -4: must be >= 1");
    }

    @Test
    void rangeStepMustNotBeZero() {
        assertContains(error(JobTexts.with("data_seed", "data_seed: {from: 1, count: 2, step: 0}")),
                "data_seed.step = 0: must not be 0");
    }

    @Test
    void rangePastTheLongLimit() {
        assertContains(error(JobTexts.with("data_seed", "data_seed: {from: 9223372036854775800, count: 10}")),
                "data_seed = {from: 9223372036854775800, count: 10}: the range runs past the 64-bit integer limit");
    }

    @Test
    void teacherListsMustHaveEqualLength() {
        assertContains(error(JobTexts.BASE.replace("  v: [1.0]", "  v: [1.0, 2.0]")),
                "job.yaml:4: teacher.v = [1.0, 2.0]: has 2 values but teacher.w has 1; they must have the same length");
    }

    @Test
    void teacherListsMustNotBeEmpty() {
        assertContains(error(JobTexts.BASE.replace("  w: [1.0]", "  w: []")),
                "teacher.w = []: must have at least one value");
    }

    @Test
    void teacherValuesMustBeFinite() {
        assertContains(error(JobTexts.BASE.replace("  w: [1.0]", "  w: [.inf]")),
                "job.yaml:3: teacher.w[0] = .inf: must be a finite number");
        assertContains(error(JobTexts.BASE.replace("  v: [1.0]", "  v: [.NaN]")), "teacher.v[0] = .NaN: must be a finite number");
    }

    @Test
    void inputStdMustBePositive() {
        assertContains(error(JobTexts.plus("input_std: 0")), "job.yaml:10: input_std = 0: must be > 0");
        assertContains(error(JobTexts.plus("input_std: -1.5")), "input_std = -1.5: must be > 0");
    }

    @Test
    void chunkSizeBounds() {
        assertContains(error(JobTexts.plus("chunk_size: 0")), "chunk_size = 0: must be in 1..100000");
        assertContains(error(JobTexts.plus("chunk_size: 100001")), "chunk_size = 100001: must be in 1..100000");
    }

    @Test
    void largeGridNeedsAllowLarge() {
        String text = JobTexts.with("init_seed", "init_seed: {from: 1, count: 30000}");
        String msg = error(text);
        assertContains(msg, "job.yaml: grid = 2 n x 1 sigma2 x 2 hidden x 2 data_seed x 30000 init_seed = 240000 tasks",
                "more than 100000", "pass --allow-large");
        assertEquals(240_000L, assertDoesNotThrow(() -> JobParser.parse(text, true)).size());
    }

    @Test
    void gridSizeOverflowIsAlwaysRefused() {
        String text = JobTexts.with("data_seed", "data_seed: {from: 1, count: 4000000000000000000}")
                .replace("init_seed: {from: 1, count: 3}", "init_seed: {from: 1, count: 1000}");
        UserError e = assertThrows(UserError.class, () -> JobParser.parse(text, "job.yaml", true));
        assertContains(checkedMessage(e), "grid = 2 n x 1 sigma2 x 2 hidden x 4000000000000000000 data_seed x 1000 init_seed",
                "refused even with --allow-large");
    }

    @Test
    void longValuesAreShortenedInMessages() {
        StringBuilder list = new StringBuilder("[");
        for (int i = 1; i <= 100; i++) list.append(i).append(", ");
        list.append("0]");
        String msg = error(JobTexts.with("hidden", "hidden: " + list));
        assertContains(msg, "hidden[100] = 0: must be >= 1");
        String msg2 = error(JobTexts.plus("training: {grad_tol: " + list + "}"));
        assertTrue(msg2.length() < 200, msg2);
        assertContains(msg2, "training.grad_tol = [1, 2, 3", "...: must be a number, got a list");
    }

    @Test
    void multiLineStringValueStaysOnOneLine() {
        String msg = error(JobTexts.with("name", "name: |\n  two\n  lines"));
        assertContains(msg, "name = \"two\\nlines\\n\"");
    }
}
