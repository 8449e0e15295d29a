package saddlesweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import saddlesweep.gdfate.GdVerification;
import saddlesweep.model.Teacher;

/**
 * {@code verify-gd} ({@link VerifyGd}) on real runs of every kind of GD fate: plain GD rerun with nothing else in
 * the loop and held against the certificate — a 2-cycle reached after bursts, a relaxation oscillation that goes on
 * circling its cycle, chaos, a fixed point after a catapult.
 */
class VerifyGdTest {

    private static final Teacher ONE = new Teacher(new double[] {1}, new double[] {1});

    private static RunConfig run(int n, double sigma2, int data, int init, double eta, long maxSteps) {
        RunConfig c = RunConfig.of(ONE, n, sigma2, 2, data, init);
        return c.withTraining(c.training().withEta(eta).withMaxSteps(maxSteps));
    }

    @Test
    void aCycleReachedAfterBurstsIsWherePlainGdFromThetaZeroSettles() {
        // the run: six bursts in 4·10^4 steps, then plain GD settles (9e-15 from the cycle at 2·10^6)
        VerifyGd.Report<RunSummary> r = VerifyGd.verify(run(50, 0.1, 21, 1, 0.1, 1_000_000), null, null);
        assertEquals("period_2", r.run().gdFate());
        assertEquals(VerifyGd.FROM_THETA0, r.from());
        GdVerification.Result v = r.verification();
        assertEquals(0, v.startStep());
        assertEquals(GdVerification.Seen.SETTLED, v.seen(), v.explanation());
        assertEquals("agrees", v.verdict());
        assertTrue(v.finalDistance() < 1e-11, "" + v.finalDistance());
    }

    @Test
    void aRelaxationOscillationGoesOnCirclingAfterItsCertificate() {
        // N = 40, σ² = 0.001, H = 2, data 1, init 2, η = 0.4: plain GD from θ_0 meets the edge at 3.3·10^7 steps and
        // circles a stable 2-cycle (settling time 6.1·10^6 steps); certified after three settling times of bursts
        // that do not decay; plain GD run on past the certificate still bursts around it
        RunConfig c = run(40, 0.001, 1, 2, 0.4, 100_000);
        c = c.withAnalysis(c.analysis().withGdFateWork(5e9).withGdTheta0Work(5e9));
        VerifyGd.Report<RunSummary> r = VerifyGd.verify(c, VerifyGd.FROM_THETA0, 57_000_000L);
        RunSummary s = r.run();
        assertEquals("aperiodic", s.gdFate(), s.error());
        assertTrue(s.gdCertified());
        assertEquals(GdFateOfRun.START_THETA0, s.gdStart());
        assertTrue(s.gdBurstSpan() >= 2.9 && s.gdBursts() >= 12, s.gdEvidence());
        assertTrue(s.gdStep() < 57_000_000L);
        GdVerification.Result v = r.verification();
        assertEquals(GdVerification.Seen.CIRCLING, v.seen(), v.explanation());
        assertEquals("agrees", v.verdict());
    }

    @Test
    void chaosHasAPositiveExponentOnTheRerunToo() {
        VerifyGd.Report<RunSummary> r = VerifyGd.verify(run(100, 0.1, 1, 2, 2.7, 200_000), null, 200_000L);
        RunSummary s = r.run();
        assertEquals("aperiodic", s.gdFate());
        assertTrue(s.gdCertified());
        assertTrue(s.gdLyapunovError() < 0.1 * s.gdLyapunov(), "converged: " + s.gdLyapunov() + " ± " + s.gdLyapunovError());
        GdVerification.Result v = r.verification();
        assertEquals(GdVerification.Seen.NO_CYCLE, v.seen(), v.explanation());
        assertEquals("agrees", v.verdict());
        double rerun = v.lyapunov().exponent();
        assertTrue(Math.abs(rerun - s.gdLyapunov()) <= 3 * Math.hypot(s.gdLyapunovError(), v.lyapunov().error()),
                v.lyapunov().describe() + " vs " + s.gdLyapunov());
    }

    @Test
    void aFixedPointAfterACatapultIsWherePlainGdGoes() {
        // edge-of-stability data 2, init 1, η = 0.2: GD is thrown off the edge onto flatter ground and follows a flow
        // to a finite minimum, stable at this η; plain GD from θ_0 approaches it (1e-2 at 5·10^6 steps, falling)
        VerifyGd.Report<RunSummary> r = VerifyGd.verify(run(100, 0.1, 2, 1, 0.2, 200_000), null, 5_000_000L);
        RunSummary s = r.run();
        assertEquals("fixed_point", s.gdFate());
        assertEquals(GdFateOfRun.START_CATAPULT, s.gdStart());
        GdVerification.Result v = r.verification();
        assertEquals(GdVerification.Seen.APPROACHING, v.seen(), v.explanation());
        assertEquals("agrees", v.verdict());
        assertTrue(v.foundDistance() < 1e-6, "Newton from plain GD's last iterate reaches the reported point: " + v.foundDistance());
    }
}
