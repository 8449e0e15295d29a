package saddlesweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import saddlesweep.spark.CliCapture;

import saddlesweep.model.DataSet;
import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Teacher;

/** The {@code train} command end to end, in this JVM: JSON columns, CSV data in and out, bad input. */
class TrainCommandTest {

    static CliCapture.Result run(String... args) {
        return CliCapture.run(args);
    }

    @Test
    void jsonHasTheTableColumnsAndAgreesWithAnIndependentLossOnTheGivenData(@TempDir Path dir) throws Exception {
        // a data set written to CSV, read back by --data; L_N at the attractor recomputed here from the CSV values
        DataSet data = DataSet.generate(new Teacher(new double[] {1}, new double[] {1}), 40, 0.01, 1.0, 7);
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < data.size(); i++) csv.append(data.x()[i]).append(',').append(data.y()[i]).append('\n');
        Path file = dir.resolve("data.csv");
        Files.writeString(file, csv);
        CliCapture.Result r = run("train", "--data", file.toString(), "--hidden", "1", "--init", "0.3,0.2", "--max-steps", "200000", "--json");
        assertEquals(0, r.exit(), r.stderr());
        JsonNode doc = Json.mapper().readTree(r.stdout());
        JsonNode run = doc.get("run");
        for (String col : List.of("task_id", "n", "sigma2", "hidden", "data_seed", "init_seed", "eta", "init_scale",
                "max_steps", "teacher_w", "teacher_v", "status", "error", "steps", "wall_ms", "train_loss",
                "gen_excess", "attractor_kind", "attractor", "attractor_eigenvalues", "attractor_index",
                "opt_train_loss", "opt_grad_norm", "opt_gen_excess", "min_gen_excess", "min_gen_step", "plateaus",
                "plateau_steps", "near_optimal_step")) {
            assertTrue(run.has(col), "runs column " + col);
        }
        assertEquals(40, run.get("n").asInt());
        assertEquals("finite", run.get("attractor_kind").asText());
        // H = 1 at η = 0.05 stays stable: GD's fate is the flow's, with the flow's limit
        assertEquals("flow", run.get("gd_fate").asText());
        assertTrue(run.get("gd_certified").asBoolean());
        assertEquals(run.get("limit_train_loss").asDouble(), run.get("gd_train_loss").asDouble(), 0.0);
        double[] theta = new double[2];
        for (int i = 0; i < 2; i++) theta[i] = run.get("attractor").get(i).asDouble();
        double independent = 0;
        for (int i = 0; i < data.size(); i++) {
            double r0 = theta[1] * Math.tanh(theta[0] * data.x()[i]) - data.y()[i];
            independent += r0 * r0 / (2.0 * data.size());
        }
        assertEquals(independent, run.get("train_loss").asDouble(), 1e-14 * independent);
        assertEquals(SquaredLoss.empirical(data).value(theta), independent, 1e-14 * independent);
        JsonNode events = doc.get("events");
        JsonNode last = events.get(events.size() - 1);
        for (String col : List.of("seq", "kind", "step_enter", "step_dip", "step_exit", "train_loss", "gen_excess",
                "grad_norm", "refined", "point", "eigenvalues", "morse_index", "null_dim", "singularity")) {
            assertTrue(last.has(col), "events column " + col);
        }
        assertEquals("attractor", last.get("kind").asText());
        assertEquals(0, last.get("morse_index").asInt());
        JsonNode t0 = doc.get("trajectory").get(0);
        assertEquals(0, t0.get("step").asLong());
        assertEquals(0.3, t0.get("theta").get(0).asDouble(), 0.0);
    }

    @Test
    void phaseTableAndTraceFile(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("trace.csv");
        CliCapture.Result r = run("train", "--n", "50", "--hidden", "1", "--max-steps", "5000", "--no-polish", "--tail", "gd",
                "--trace", trace.toString());
        assertEquals(0, r.exit(), r.stderr());
        assertTrue(r.stdout().contains("attractor"), r.stdout());
        assertTrue(r.stdout().contains("L_N(θ*)"), r.stdout());
        List<String> lines = Files.readAllLines(trace);
        assertEquals("step,train_loss,gen_excess,grad_norm,w1,v1", lines.get(0));
        // log grid: step 0, every step up to 10, at least 50 records in each full decade, and the last step
        List<Long> steps = lines.subList(1, lines.size()).stream().map(l -> Long.parseLong(l.split(",")[0])).toList();
        assertEquals(0L, steps.get(0));
        assertEquals(5000L, steps.get(steps.size() - 1));
        assertTrue(steps.stream().filter(s -> s >= 100 && s < 1000).count() >= 50);
        assertTrue(steps.stream().filter(s -> s >= 1000 && s < 5000).count() >= 0.7 * 50 * Math.log10(5));
    }

    @Test
    void badArgumentsGiveOneLineAndStatusTwo(@TempDir Path dir) throws Exception {
        Path missingY = Files.writeString(dir.resolve("a.csv"), "x,z\n1,2\n3,4\n");
        Path nonNumeric = Files.writeString(dir.resolve("b.csv"), "x,y\n1,2\n3,abc\n");
        Path nonFinite = Files.writeString(dir.resolve("c.csv"), "x,y\n1,2\nInfinity,4\n");
        Path oneRow = Files.writeString(dir.resolve("d.csv"), "x,y\n1,2\n");
        String[][] cases = {
            {"train", "--eta", "-1"},
            {"train", "--eta", "abc"},
            {"train", "--hidden", "0"},
            {"train", "--n", "0"},
            {"train", "--sigma2", "-0.1"},
            {"train", "--teacher-w", "1,2", "--teacher-v", "1"},
            {"train", "--teacher-w", "NaN"},
            {"train", "--hidden", "2", "--init", "0.1,0.2,0.3"},
            {"train", "--max-steps", "0"},
            {"train", "--data", dir.resolve("missing.csv").toString()},
            {"train", "--data", missingY.toString()},
            {"train", "--data", nonNumeric.toString()},
            {"train", "--data", nonFinite.toString()},
            {"train", "--data", oneRow.toString()},
            {"train", "--bogus"},
        };
        for (String[] args : cases) {
            CliCapture.Result r = run(args);
            String what = String.join(" ", args);
            assertEquals(2, r.exit(), what);
            List<String> errLines = r.stderr().lines().filter(l -> !l.isBlank()).toList();
            assertEquals(1, errLines.size(), what + " -> " + r.stderr());
            assertTrue(errLines.get(0).startsWith("error: "), what);
            assertFalse(r.stdout().contains("attractor"), what);
        }
        assertTrue(run("train", "--data", nonNumeric.toString()).stderr().contains("abc"));
        assertTrue(run("train", "--data", missingY.toString()).stderr().contains("x and y"));
    }
}
