package saddlesweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import saddlesweep.spark.CliCapture;

/**
 * {@code verify-gd} on real runs of every kind of GD fate: plain GD rerun with nothing else in the loop, held
 * against the certificate — a 2-cycle reached after bursts, a relaxation oscillation that goes on circling its
 * cycle, chaos, a fixed point after a catapult — and bad input.
 */
class VerifyGdCommandTest {

    private static JsonNode verify(String... args) throws Exception {
        String[] all = new String[args.length + 2];
        all[0] = "verify-gd";
        System.arraycopy(args, 0, all, 1, args.length);
        all[all.length - 1] = "--json";
        CliCapture.Result r = CliCapture.run(all);
        assertEquals(0, r.exit(), r.stderr() + r.stdout());
        return Json.mapper().readTree(r.stdout());
    }

    @Test
    void aCycleReachedAfterBurstsIsWherePlainGdFromThetaZeroSettles() throws Exception {
        // the run: three collapses in 3·10^4 steps, then plain GD settles (9e-15 from the cycle at 2·10^6)
        JsonNode doc = verify("--n", "50", "--sigma2", "0.1", "--hidden", "2", "--data-seed", "21", "--init-seed", "1", "--eta", "0.1");
        assertEquals("period_2", doc.at("/run/gd_fate").asText());
        JsonNode v = doc.get("verification");
        assertEquals(0, v.get("start_step").asLong(), "from θ_0");
        assertEquals("SETTLED", v.get("seen").asText(), v.get("explanation").asText());
        assertEquals("agrees", v.get("verdict").asText());
        assertTrue(v.get("final_distance").asDouble() < 1e-11);
    }

    @Test
    void aRelaxationOscillationGoesOnCirclingAfterItsCertificate() throws Exception {
        // N = 40, σ² = 0.001, H = 2, data 1, init 2, η = 0.4: plain GD from θ_0 meets the edge at 3.3·10^7 steps and
        // circles a stable 2-cycle (settling time 6.1·10^6 steps); certified after three settling times of bursts
        // that do not decay; plain GD run on past the certificate still bursts around it
        JsonNode doc = verify("--n", "40", "--sigma2", "0.001", "--hidden", "2", "--data-seed", "1", "--init-seed", "2",
                "--eta", "0.4", "--max-steps", "100000", "--gd-fate-work", "5e9", "--gd-theta0-work", "5e9",
                "--from", "theta0", "--steps", "62000000");
        JsonNode run = doc.get("run");
        assertEquals("aperiodic", run.get("gd_fate").asText(), run.get("error").asText());
        assertTrue(run.get("gd_certified").asBoolean());
        assertEquals("theta0", run.get("gd_start").asText());
        assertTrue(run.get("gd_burst_span").asDouble() >= 2.9 && run.get("gd_bursts").asInt() >= 12, run.get("gd_evidence").asText());
        assertTrue(run.get("gd_step").asLong() < 62_000_000L);
        JsonNode v = doc.get("verification");
        assertEquals("CIRCLING", v.get("seen").asText(), v.get("explanation").asText());
        assertEquals("agrees", v.get("verdict").asText());
    }

    @Test
    void chaosHasAPositiveExponentOnTheRerunToo() throws Exception {
        JsonNode doc = verify("--n", "100", "--sigma2", "0.1", "--hidden", "2", "--data-seed", "1", "--init-seed", "2",
                "--eta", "2.7", "--max-steps", "200000", "--steps", "400000");
        JsonNode run = doc.get("run");
        assertEquals("aperiodic", run.get("gd_fate").asText());
        assertTrue(run.get("gd_certified").asBoolean());
        double exponent = run.get("gd_lyapunov").asDouble();
        double error = run.get("gd_lyapunov_error").asDouble();
        assertTrue(error < 0.1 * exponent, "converged: " + exponent + " ± " + error);
        JsonNode v = doc.get("verification");
        assertEquals("NO_CYCLE", v.get("seen").asText(), v.get("explanation").asText());
        assertEquals("agrees", v.get("verdict").asText());
        double rerun = v.at("/lyapunov/exponent").asDouble();
        double rerunError = v.at("/lyapunov/error").asDouble();
        assertTrue(Math.abs(rerun - exponent) <= 3 * Math.hypot(error, rerunError), rerun + " ± " + rerunError + " vs " + exponent);
    }

    @Test
    void aFixedPointAfterACatapultIsWherePlainGdSettles() throws Exception {
        // edge-of-stability data 2, init 1, η = 0.2: GD is thrown off the edge onto flatter ground and follows a flow
        // to a finite minimum, stable at this η
        JsonNode doc = verify("--n", "100", "--sigma2", "0.1", "--hidden", "2", "--data-seed", "2", "--init-seed", "1",
                "--eta", "0.2", "--max-steps", "200000");
        JsonNode run = doc.get("run");
        assertEquals("fixed_point", run.get("gd_fate").asText());
        assertEquals("catapult", run.get("gd_start").asText());
        JsonNode v = doc.get("verification");
        assertEquals("SETTLED", v.get("seen").asText(), v.get("explanation").asText());
        assertEquals("agrees", v.get("verdict").asText());
    }

    @Test
    void aBadStartIsOneLineAndStatusTwo() {
        CliCapture.Result r = CliCapture.run("verify-gd", "--from", "edge");
        assertEquals(2, r.exit());
        assertEquals("error: --from = edge: must be theta0 or record", r.stderr().strip());
    }
}
