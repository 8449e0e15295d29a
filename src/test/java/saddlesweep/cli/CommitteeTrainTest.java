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

import saddlesweep.committee.CommitteeData;
import saddlesweep.spark.CliCapture;

/**
 * {@code train} on the committee machine (d &gt; 1), end to end in this JVM: teacher rows, data from CSV columns
 * x1..xd, the JSON's θ layout (W row by row, then v), L_N recomputed here from the CSV, and bad input.
 */
class CommitteeTrainTest {

    private static final String[] RUN = {"train", "--teacher-w", "1,0,0;0,1,0", "--teacher-v", "1,1", "--hidden", "2",
        "--n", "60", "--sigma2", "0.01", "--eta", "0.2", "--max-steps", "20000", "--json"};

    @Test
    void csvDataGiveTheGeneratedRunAndTheJsonAgreesWithAnIndependentLoss(@TempDir Path dir) throws Exception {
        CommitteeData data = CommitteeData.generate(new double[] {1, 0, 0, 0, 1, 0, 1, 1}, 3, 60, 0.01, 1.0, 1);
        StringBuilder csv = new StringBuilder("y,x1,x2,x3\n");                // any column order
        for (int n = 0; n < data.size(); n++) {
            csv.append(data.y()[n]);
            for (int k = 0; k < 3; k++) csv.append(',').append(data.x()[3 * n + k]);
            csv.append('\n');
        }
        Path file = Files.writeString(dir.resolve("data.csv"), csv);
        CliCapture.Result generated = CliCapture.run(RUN);
        assertEquals(0, generated.exit(), generated.stderr());
        String[] withData = java.util.Arrays.copyOf(RUN, RUN.length + 2);
        withData[RUN.length] = "--data";
        withData[RUN.length + 1] = file.toString();
        CliCapture.Result read = CliCapture.run(withData);
        assertEquals(0, read.exit(), read.stderr());
        JsonNode a = Json.mapper().readTree(generated.stdout()).get("run");
        JsonNode b = Json.mapper().readTree(read.stdout()).get("run");
        assertEquals(3, a.get("input_dim").asInt());
        for (String col : List.of("train_loss", "gen_excess", "attractor", "eigenvalues", "steps", "plateaus")) {
            assertEquals(a.get(col), b.get(col), col + ": the CSV's data are the generated data");
        }
        // L_N at the end point from the CSV's numbers and the JSON's θ (W row by row, then v)
        JsonNode theta = b.get("attractor");
        assertEquals(8, theta.size());
        double loss = 0;
        for (int n = 0; n < data.size(); n++) {
            double f = 0;
            for (int i = 0; i < 2; i++) {
                double a0 = 0;
                for (int k = 0; k < 3; k++) a0 += theta.get(3 * i + k).asDouble() * data.x()[3 * n + k];
                f += theta.get(6 + i).asDouble() * Math.tanh(a0);
            }
            loss += (f - data.y()[n]) * (f - data.y()[n]) / (2.0 * data.size());
        }
        assertEquals(loss, b.get("train_loss").asDouble(), 1e-15 + 1e-12 * loss);
        assertEquals("finite", b.get("attractor_kind").asText());
        // GD's fate in the runs table's fields, at run's top level as for a scalar input
        assertEquals("flow", b.get("gd_fate").asText());
        assertTrue(b.get("gd_certified").asBoolean());
        assertTrue(b.get("gd") == null, "no nested gd object");
        JsonNode events = Json.mapper().readTree(read.stdout()).get("events");
        assertEquals("origin", events.get(0).get("singularity").asText());
        assertEquals("attractor", events.get(events.size() - 1).get("kind").asText());
    }

    /** verify-gd in d = 2: past the edge (η = 2.4) plain GD, rerun from θ_0 with nothing else in the loop, settles on the reported 2-cycle. */
    @Test
    void verifyGdRerunsPlainGdForACommitteeMachine() throws Exception {
        String[] run = {"--teacher-w", "1,0;0,1", "--teacher-v", "1,1", "--hidden", "2", "--n", "100", "--sigma2", "0.01",
            "--eta", "2.4", "--init-scale", "0.1", "--data-seed", "3", "--init-seed", "5", "--max-steps", "20000"};
        String[] args = new String[run.length + 1];
        args[0] = "verify-gd";
        System.arraycopy(run, 0, args, 1, run.length);
        CliCapture.Result r = CliCapture.run(args);
        assertEquals(0, r.exit(), r.stderr());
        String out = r.stdout();
        assertTrue(out.startsWith("committee machine d=2"), out);
        assertTrue(out.contains("reported  period_2, certified (from theta0)"), out);
        assertTrue(out.contains("plain GD  from θ_0 (step 0)"), out);
        assertTrue(out.contains("verdict   agrees"), out);
        assertTrue(out.contains("plain GD settled on the reported orbit"), out);
    }

    @Test
    void badCommitteeArgumentsGiveOneLineAndStatusTwo(@TempDir Path dir) throws Exception {
        Path twoInputs = Files.writeString(dir.resolve("a.csv"), "x1,x2,y\n1,2,3\n3,4,5\n");
        Path gap = Files.writeString(dir.resolve("b.csv"), "x1,x3,y\n1,2,3\n3,4,5\n");
        String[][] cases = {
            {"train", "--teacher-w", "1,0,0;0,1", "--teacher-v", "1,1"},
            {"train", "--teacher-w", "1,0,0;0,1,0", "--teacher-v", "1"},
            {"train", "--teacher-w", "1,0,0;0,1,0", "--teacher-v", "1,1", "--data", twoInputs.toString()},
            {"train", "--teacher-w", "1,0;0,1", "--teacher-v", "1,1", "--data", gap.toString()},
            {"train", "--teacher-w", "1,0,0;0,1,0", "--teacher-v", "1,1", "--hidden", "2", "--init", "1,2,3,4"},
            {"train", "--teacher-w", "1,0,0;0,x,0", "--teacher-v", "1,1"},
            {"train", "--teacher-w", "1,0,0;", "--teacher-v", "NaN"},
            {"verify-gd", "--teacher-w", "1,0,0;0,1,0", "--teacher-v", "1,1", "--from", "edge"},
            {"verify-gd", "--teacher-w", "1,0,0;0,1", "--teacher-v", "1,1"},
            {"train", "--activation", "relu"},
        };
        for (String[] args : cases) {
            CliCapture.Result r = CliCapture.run(args);
            String what = String.join(" ", args);
            assertEquals(2, r.exit(), what + " -> " + r.stderr());
            List<String> errLines = r.stderr().lines().filter(l -> !l.isBlank()).toList();
            assertEquals(1, errLines.size(), what + " -> " + r.stderr());
            assertTrue(errLines.get(0).startsWith("error: "), what);
            assertFalse(r.stdout().contains("attractor"), what);
        }
    }
}
