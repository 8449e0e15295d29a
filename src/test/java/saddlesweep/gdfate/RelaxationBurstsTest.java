package saddlesweep.gdfate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The circling evidence on constructed burst sequences around a 2-cycle with a known settling time: the envelope
 * of a settling transient (peaks shrinking by e per settling time, as measured on real runs) never counts as
 * circling, however many bursts; a level envelope counts only once it spans {@value RelaxationBursts#SPAN} settling
 * times and {@value RelaxationBursts#COUNT} bursts; a slow decay of a tenth of the transient's rate is caught by the
 * slope's bound.
 */
class RelaxationBurstsTest {

    /** A 2-cycle p ↔ q in R², ‖p − q‖ = 1e-3, largest multiplier 1 − 2/T: settling time T = 1e5 GD steps. */
    private static final double TS = 1e5;
    private static final Cycle CYCLE = new Cycle(new double[][] {{0, 0}, {1e-3, 0}},
            new Multipliers(new double[] {1 - 2 / TS, 0.5}, new double[] {0, 0}, new double[0][]), 0);

    /**
     * Feeds bursts every {@code every} steps from step 0 to {@code until}: each rises (GD's step at the cycle's size),
     * peaks at a distance peak(t) from the cycle, and collapses (GD's step 1e-6 of it); samples every 16 steps.
     */
    private static RelaxationBursts feed(long every, long until, java.util.function.LongToDoubleFunction peak) {
        RelaxationBursts b = new RelaxationBursts();
        for (long t = 0; t < until; t += 16) {
            long phase = t % every;
            boolean high = phase < every / 4;
            double d = high ? peak.applyAsDouble(t - phase) * Math.sin(Math.PI * phase / (every / 4.0)) : 0;
            b.sample(CYCLE, new double[] {0, d}, high ? 1e-3 : 1e-9, t);
        }
        return b;
    }

    @Test
    void aTransientShrinkingAtTheLinearRateIsNeverCircling() {
        long every = 4_000;                                      // 25 bursts per settling time
        RelaxationBursts b = feed(every, (long) (8 * TS), t -> 1e-2 * Math.exp(-t / TS));
        for (long at = every; at <= 8 * TS; at += every) {
            BurstEnvelope e = b.evidence(at);
            if (e != null) assertFalse(e.circling(), "at step " + at + ": " + e.describe());
        }
        BurstEnvelope e = b.evidence((long) (8 * TS));
        assertEquals(-1.0, e.slope(), 0.02, "the fitted slope is the transient's rate: " + e.describe());
    }

    @Test
    void aLevelEnvelopeIsCirclingOnlyAfterThreeSettlingTimes() {
        long every = 4_000;
        RelaxationBursts b = feed(every, (long) (4 * TS), t -> 5e-3 * (1 + 0.1 * Math.sin(t * 0.37)));
        BurstEnvelope early = b.evidence((long) (2.5 * TS));
        assertNotNull(early);
        assertFalse(early.circling(), "2.5 settling times are not enough: " + early.describe());
        BurstEnvelope late = b.evidence((long) (4 * TS) - every);
        assertTrue(late.circling(), late.describe());
        assertEquals(0, late.slope(), 3 * late.slopeError() + 0.01);
        assertTrue(late.span() >= RelaxationBursts.SPAN - 0.1 && late.span() <= RelaxationBursts.SPAN + 0.1, late.describe());
    }

    @Test
    void aDecayOfAQuarterOfTheLinearRateIsNotCircling() {
        RelaxationBursts b = feed(4_000, (long) (6 * TS), t -> 5e-3 * Math.exp(-0.25 * t / TS));
        BurstEnvelope e = b.evidence((long) (6 * TS) - 4_000);
        assertFalse(e.circling(), e.describe());
        assertEquals(-0.25, e.slope(), 0.02);
    }

    @Test
    void fewBurstsOverManySettlingTimesAreNotEnough() {
        // bursts rarer than settling times: 8 in the window, COUNT needed
        RelaxationBursts b = feed((long) (0.5 * TS), (long) (4 * TS), t -> 5e-3);
        BurstEnvelope e = b.evidence((long) (4 * TS) - 1000);
        assertFalse(e.circling(), e.describe());
        assertTrue(e.bursts() < RelaxationBursts.COUNT);
    }
}
