package saddlesweep.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import saddlesweep.cli.Main;

/** {@code bench --quick} runs and prints a table of the right shape (speed is not asserted). */
class BenchCommandTest {

    /** N, H, then scalar, direct, vector, loop, gd, gd+checks, scalar/vector, gd/loop [, numpy, numpy/gd]. */
    private static final Pattern ROW = Pattern.compile("^\\s*(\\d+)\\s+(\\d+)((\\s+[0-9.]+){11})(\\s+([0-9.]+|NaN)\\s+([0-9.]+|NaN))?\\s*$");

    /** The 11 Java figures of a row. */
    static double[] figures(java.util.regex.Matcher m) {
        return java.util.Arrays.stream(m.group(3).trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }

    record Run(int status, String out, String err) {
    }

    static Run bench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            return Main.EXIT_BAD_INPUT;
        });
        String[] all = new String[args.length + 1];
        all[0] = "bench";
        System.arraycopy(args, 0, all, 1, args.length);
        return new Run(cl.execute(all), out.toString(), err.toString());
    }

    static List<String> rows(String out) {
        return out.lines().filter(l -> ROW.matcher(l).matches()).toList();
    }

    @Test
    void committeeTablePrintsEveryDimension() {
        Run r = bench("--quick", "--no-kernels", "--committee", "--n", "100", "--hidden", "2", "--reps", "2", "--rep-ms", "5",
                "--warmup-ms", "20");
        assertEquals(0, r.status, r.err);
        Pattern row = Pattern.compile("^\\s*100\\s+2\\s+(1|4|16)((\\s+[0-9.]+){5})\\s*$");
        List<String> rows = r.out.lines().filter(l -> row.matcher(l).matches()).toList();
        assertEquals(3, rows.size(), r.out);        // d = 1, 4, 16
        for (String line : rows) {
            var m = row.matcher(line);
            assertTrue(m.matches());
            for (String x : m.group(2).trim().split("\\s+")) assertTrue(Double.parseDouble(x) > 0, line);
        }
    }

    @Test
    void quickRunPrintsOneRowPerCase() {
        Run r = bench("--quick", "--reps", "2", "--rep-ms", "5", "--warmup-ms", "20");
        assertEquals(0, r.status, r.err);
        assertTrue(r.out.contains("ns per sample·unit·step"), r.out);
        for (String col : new String[]{"scalar_ns", "direct_ns", "vector_ns", "loop_ns", "gd_ns", "batch1_ns", "batch4_ns", "batch8_ns", "gd+checks_ns", "scalar/vector", "gd/loop"}) {
            assertTrue(r.out.contains(col), col + " in " + r.out);
        }
        List<String> rows = rows(r.out);
        assertEquals(4, rows.size(), r.out);   // N ∈ {100, 1000} × H ∈ {1, 4}
        for (String row : rows) {
            var m = ROW.matcher(row);
            assertTrue(m.matches());
            double[] f = figures(m);
            for (double v : f) assertTrue(v > 0, row);
            assertEquals(f[0] / f[2], f[9], 0.01 * f[9] + 0.01, "scalar/vector is the ratio of its columns: " + row);
            assertEquals(f[4] / f[3], f[10], 0.01 * f[10] + 0.001, "gd/loop is the ratio of its columns: " + row);
        }
    }

    @Test
    void customSizes() {
        Run r = bench("--n", "3,17", "--hidden", "2", "--reps", "1", "--rep-ms", "2", "--warmup-ms", "5");
        assertEquals(0, r.status, r.err);
        List<String> rows = rows(r.out);
        assertEquals(2, rows.size(), r.out);
        assertTrue(rows.get(0).trim().startsWith("3 "), rows.get(0));
        assertTrue(rows.get(1).trim().startsWith("17 "), rows.get(1));
    }

    @Test
    void numpyWithoutPythonIsSkippedWithOneLine() {
        Run r = bench("--n", "8", "--hidden", "1", "--reps", "1", "--rep-ms", "2", "--warmup-ms", "5",
                "--numpy", "--python", "/nonexistent/python3");
        assertEquals(0, r.status, r.err);
        assertTrue(r.out.lines().anyMatch(l -> l.startsWith("numpy: skipped (")), r.out);
        assertEquals(1, rows(r.out).size(), r.out);
    }

    @Test
    void numpyColumnsWhenAvailable() {
        Run r = bench("--n", "64", "--hidden", "2", "--reps", "1", "--rep-ms", "5", "--warmup-ms", "5", "--numpy");
        assertEquals(0, r.status, r.err);
        List<String> rows = rows(r.out);
        assertEquals(1, rows.size(), r.out);
        if (r.out.contains("numpy: skipped")) return;   // no python3 or numpy on this machine
        var m = ROW.matcher(rows.get(0));
        assertTrue(m.matches() && m.group(5) != null, r.out);
        assertTrue(Double.parseDouble(m.group(6)) > 0, r.out);
    }

    @Test
    void theCReferenceIsCompiledHereAndTimedBesideTheProductsLoop() {
        Run r = bench("--n", "50", "--hidden", "2", "--reps", "1", "--rep-ms", "20", "--warmup-ms", "20", "--c-reference");
        assertEquals(0, r.status, r.err);
        if (r.out.contains("c reference: skipped")) return;   // no C compiler on this machine
        List<String> rows = rows(r.out);
        assertEquals(1, rows.size(), r.out);
        var m = ROW.matcher(rows.get(0));
        assertTrue(m.matches() && m.group(5) != null, r.out);
        double c = Double.parseDouble(m.group(6));
        double gd = figures(m)[4];
        assertTrue(c > 0 && Double.parseDouble(m.group(7)) > 0, r.out);
        assertEquals(c / gd, Double.parseDouble(m.group(7)), 0.01 * c / gd + 0.01, "c/gd is the ratio of the two columns");
    }

    @Test
    void cReferenceOutputLineIsParsed() {
        var m = ReferenceRun.line("c").matcher("c n=50 hidden=2 reps=3 steps=164082 ns_per_sample_unit_step=3.0720");
        assertTrue(m.matches());
        assertEquals("3.0720", m.group(3));
    }

    @Test
    void badSizesAreAUserError() {
        assertEquals(Main.EXIT_BAD_INPUT, Main.execute("bench", "--n", "0"));
        assertEquals(Main.EXIT_BAD_INPUT, Main.execute("bench", "--hidden", "x"));
    }

    @Test
    void numpyOutputLineIsParsed() {
        var m = NumpyBench.LINE.matcher("numpy n=1000 hidden=4 reps=5 steps=2400 ns_per_sample_unit_step=16.21");
        assertTrue(m.matches());
        assertEquals("16.21", m.group(3));
    }
}
