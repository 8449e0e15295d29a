package saddlesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --replay FILE}: bad files as one line and exit 2; a small replay prints wall time and utilisation. */
class ReplayBenchTest {

    @TempDir
    Path dir;

    private void assertOneLine(CliCapture.Result r, String fragment) {
        assertEquals(2, r.exit(), r.stderr());
        List<String> lines = r.errorLines().stream().filter(l -> !l.startsWith("WARNING: Using incubator")).toList();
        assertEquals(1, lines.size(), r.stderr());
        assertTrue(lines.get(0).startsWith("error: --replay ") && lines.get(0).contains(fragment), lines.get(0));
    }

    @Test
    void badDurationFilesAreOneLine() throws Exception {
        assertOneLine(CliCapture.run("bench", "--replay", dir.resolve("missing.txt").toString()), "no such file");
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "# ms\n10\n\nfast\n");
        assertOneLine(CliCapture.run("bench", "--replay", bad.toString()), "bad.txt:4: 'fast' is not a duration in ms");
        Files.writeString(bad, "10\n-3\n");
        assertOneLine(CliCapture.run("bench", "--replay", bad.toString()), "bad.txt:2: '-3'");
        Files.writeString(bad, "# nothing\n");
        assertOneLine(CliCapture.run("bench", "--replay", bad.toString()), "no durations");
    }

    @Test
    void aReplayPrintsItsWallTimeAndUtilisationAndLeavesNothing() throws Exception {
        Path file = dir.resolve("durations.txt");
        StringBuilder s = new StringBuilder("# 40 tasks, two stragglers\n");
        for (int i = 0; i < 40; i++) s.append(i == 7 || i == 29 ? 800 : 30).append('\n');
        Files.writeString(file, s.toString());
        long before = tempReplays();
        CliCapture.Result r = CliCapture.run("bench", "--replay", file.toString());
        assertEquals(0, r.exit(), r.stderr());
        assertTrue(r.stdout().contains("40 tasks, 2.7 s of work (30 ms .. 0.8 s)"), r.stdout());
        assertTrue(r.stdout().contains("2 slots"), r.stdout());
        assertTrue(r.stdout().matches("(?s).*wall \\d+\\.\\d\\d s: chunk jobs \\d+\\.\\d\\d s \\(ideal work / slots 1\\.37 s\\).*"), r.stdout());
        assertTrue(r.stdout().matches("(?s).*executor slots busy \\d+\\.\\d % during the chunk jobs.*"), r.stdout());
        assertTrue(r.stderr().contains("sweep replay: complete, 40/40 runs"), r.stderr());
        assertEquals(before, tempReplays(), "the temporary results root was left behind");
    }

    private static long tempReplays() throws Exception {
        try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("saddlesweep-replay-")).count();
        }
    }
}
