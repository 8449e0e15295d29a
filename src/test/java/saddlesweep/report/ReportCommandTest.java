package saddlesweep.report;

import saddlesweep.spark.TestSpark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import saddlesweep.cli.Main;

/**
 * {@code report} on real sweeps run in-process in local mode: a small sweep over N, σ² and H, and a noiseless
 * one beside it in the same results root. Checks the figures, index.html and the bad-input paths.
 */
class ReportCommandTest {

    /** Figures the small sweep must produce (plateau figures depend on whether the runs show plateaus). */
    static final List<String> EXPECTED = List.of("dynamics-H1.png", "dynamics-H2.png", "parameters-H1.png",
            "parameters-H2.png", "phase-H1.png", "overfitting-H1.png", "overfitting-H2.png", "theorem.png");

    @TempDir
    static Path dir;
    static Path results;
    static Path report;
    static String index;

    @BeforeAll
    static void sweepsAndReport() throws IOException {
        SparkSession spark = TestSpark.session();
        assertTrue(spark != null);
        results = dir.resolve("results");
        Path small = write("small.yaml", """
                name: small
                teacher: {w: [1.0], v: [1.0]}
                n: [20, 40]
                sigma2: [0.0, 0.01]
                hidden: [1, 2]
                data_seed: {from: 1, count: 1}
                init_seed: {from: 1, count: 2}
                training: {eta: 0.05, init_scale: 0.1, max_steps: 2000, tail: gd}
                chunk_size: 16
                """);
        Path noiseless = write("noiseless.yaml", """
                name: noiseless
                teacher: {w: [1.0], v: [1.0]}
                n: [20, 40]
                sigma2: [0.0]
                hidden: [1]
                data_seed: {from: 1, count: 1}
                init_seed: {from: 1, count: 1}
                training: {eta: 0.05, init_scale: 0.1, max_steps: 2000, tail: gd}
                """);
        assertEquals(0, Main.execute("sweep", small.toString(), "--out", results.toString()));
        assertEquals(0, Main.execute("sweep", noiseless.toString(), "--out", results.toString()));
        report = dir.resolve("report-small");
        assertEquals(0, Main.execute("report", results.toString(), "--sweep", "small", "--out", report.toString()));
        index = Files.readString(report.resolve("index.html"), StandardCharsets.UTF_8);
    }

    private static Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static List<String> images(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<img src=\"([^\"]+)\"").matcher(html);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void everyExpectedFigureIsDrawnAndReferenced() {
        List<String> referenced = images(index);
        for (String f : EXPECTED) assertTrue(referenced.contains(f), "index.html does not show " + f + ": " + referenced);
        for (String f : referenced) Pngs.assertFigure(report.resolve(f));
        try (var files = Files.list(report)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".png")).toList()) {
                assertTrue(referenced.contains(p.getFileName().toString()), p + " written but not in index.html");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void figuresWithoutDataAreLeftOutWithAReason() {
        // no H = 2 run converges within 2000 steps: no dominant attractor to map
        assertFalse(Files.exists(report.resolve("phase-H2.png")));
        assertTrue(index.contains("Left out: <b>Share of runs at the dominant attractor, H = 2</b>"), index);
        if (!images(index).contains("plateau-durations.png")) {
            assertTrue(index.contains("Left out: <b>Plateau durations</b>: no plateau passage"), index);
        }
        assertTrue(index.contains("Runs by status") && index.contains("Runs by attractor kind"));
    }

    @Test
    void keyNumbersNameTheTeacherAndTheTrainingSettings() {
        assertTrue(index.contains("η ∈ {0.05}, init_scale ∈ {0.1}, input_std ∈ {1.0}. Teacher(s) teacher: w* = [1.0], v* = [1.0]."), index);
    }

    @Test
    void aNoiselessSweepLeavesOutTheTheoremAndOverfittingFiguresAndShowsTheChosenTask() throws IOException {
        String task = firstTask("noiseless");
        Path out = dir.resolve("report-noiseless");
        assertEquals(0, Main.execute("report", results.toString(), "--sweep", "noiseless", "--task", task,
                "--out", out.toString()));
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("sweep <code>noiseless</code>"), html);
        assertFalse(Files.exists(out.resolve("theorem.png")));
        assertTrue(html.contains("Left out: <b>‖∇L_N(θ*)‖ vs σ/√N</b>: no noisy runs (σ² &gt; 0)"), html);
        assertTrue(html.contains("Left out: <b>Overfitting</b>: no noisy runs"), html);
        List<String> imgs = images(html);
        assertTrue(imgs.contains("dynamics-task-" + task + ".png"), imgs.toString());
        assertTrue(imgs.contains("parameters-task-" + task + ".png"), imgs.toString());
        assertFalse(imgs.contains("dynamics-H1.png"));
        for (String f : imgs) Pngs.assertFigure(out.resolve(f));
    }

    private static String firstTask(String sweep) {
        return TestSpark.session().read().parquet(results.resolve("runs").toString())
                .filter("sweep = '" + sweep + "'").orderBy("task_id")
                .select("task_id").first().getString(0);
    }

    @Test
    void badInputEndsWithExitTwoAndWritesNothing() throws IOException {
        Path out = dir.resolve("never");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path file = write("a-file.txt", "not a directory");
        assertEquals(2, Main.execute("report", dir.resolve("missing").toString(), "--out", out.toString()));
        assertEquals(2, Main.execute("report", empty.toString(), "--out", out.toString()));
        assertEquals(2, Main.execute("report", results.toString(), "--out", out.toString()), "two sweeps, no --sweep");
        assertEquals(2, Main.execute("report", results.toString(), "--sweep", "nope", "--out", out.toString()));
        assertEquals(2, Main.execute("report", results.toString(), "--sweep", "small", "--task", "0000", "--out", out.toString()));
        assertFalse(Files.exists(out), "OUTDIR created on bad input");
        assertEquals(2, Main.execute("report", results.toString(), "--sweep", "small", "--out", file.toString()));
        assertEquals("not a directory", Files.readString(file));
        assertEquals(2, Main.execute("report", results.toString(), "--sweep", "small", "--out", file.resolve("sub").toString()));
    }
}
