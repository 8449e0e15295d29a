package saddlesweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import saddlesweep.spark.CliCapture;

/**
 * The {@code verify-gd} command in this JVM: its report and verdict on a run whose 2-cycle plain GD reaches after
 * bursts (the runs of every other kind are in run/VerifyGdTest), its JSON, and bad input.
 */
class VerifyGdCommandTest {

    private static final String[] RUN = {"--n", "50", "--sigma2", "0.1", "--hidden", "2", "--data-seed", "21", "--init-seed", "1", "--eta", "0.1"};

    private static String[] with(String first, String... more) {
        String[] all = new String[1 + RUN.length + more.length];
        all[0] = first;
        System.arraycopy(RUN, 0, all, 1, RUN.length);
        System.arraycopy(more, 0, all, 1 + RUN.length, more.length);
        return all;
    }

    @Test
    void theReportSaysWherePlainGdWentAndTheVerdict() throws Exception {
        CliCapture.Result r = CliCapture.run(with("verify-gd", "--steps", "1200000"));
        assertEquals(0, r.exit(), r.stderr());
        String out = r.stdout();
        assertTrue(out.contains("reported  period_2, certified (from theta0)"), out);
        assertTrue(out.contains("plain GD  from θ_0 (step 0), 1200000 steps"), out);
        assertTrue(out.contains("verdict   agrees"), out);
        CliCapture.Result j = CliCapture.run(with("verify-gd", "--steps", "1200000", "--json"));
        assertEquals(0, j.exit(), j.stderr());
        JsonNode doc = Json.mapper().readTree(j.stdout());
        assertEquals("period_2", doc.at("/run/gd_fate").asText());
        assertEquals("APPROACHING", doc.at("/verification/seen").asText(), doc.at("/verification/explanation").asText());
        assertEquals("agrees", doc.at("/verification/verdict").asText());
    }

    @Test
    void aBadStartOrStepCountIsOneLineAndStatusTwo() {
        CliCapture.Result r = CliCapture.run("verify-gd", "--from", "edge");
        assertEquals(2, r.exit());
        assertEquals("error: --from = edge: must be theta0 or record", r.stderr().strip());
        CliCapture.Result s = CliCapture.run("verify-gd", "--steps", "0.5");
        assertEquals(2, s.exit());
        assertEquals("error: --steps = 0.5: must be a whole number of steps >= 1", s.stderr().strip());
    }
}
