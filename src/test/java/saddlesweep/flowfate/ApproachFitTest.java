package saddlesweep.flowfate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;

import org.junit.jupiter.api.Test;

import saddlesweep.train.TrainingRecord;

/** The approach of constructed gaps: a power law is algebraic with its exponent, an exponential geometric with its rate. */
class ApproachFitTest {

    private static final double L_INF = 0.01;
    private static final double REACHED = 1e-12 * L_INF + 64 * Math.ulp(L_INF);

    /** Records at 50 per decade from 10^4 to 10^5 with L_N = L_INF + gap(step). */
    private static List<TrainingRecord> records(LongToDoubleFunction gap) {
        List<TrainingRecord> out = new ArrayList<>();
        for (int k = 0; k <= 50; k++) {
            long step = Math.round(1e4 * Math.pow(10, k / 50.0));
            out.add(new TrainingRecord(step, L_INF + gap.applyAsDouble(step), 0, 0, new double[] {1, 1}));
        }
        return out;
    }

    private static ApproachFit fit(List<TrainingRecord> r) {
        return ApproachFit.of(r, 0, r.size() - 1, L_INF, REACHED);
    }

    @Test
    void aPowerLawIsAlgebraicWithItsExponent() {
        ApproachFit f = fit(records(s -> 3e-4 * Math.pow(s, -0.5)));
        assertEquals("algebraic", f.kind());
        assertEquals(0.5, f.rate(), 1e-6);
    }

    @Test
    void anExponentialIsGeometricWithItsRate() {
        ApproachFit f = fit(records(s -> 1e-3 * Math.exp(-1e-4 * s)));
        assertEquals("geometric", f.kind());
        assertEquals(1e-4, f.rate(), 1e-9);
    }

    @Test
    void aGapAtRoundingLevelAtTheEndIsFittedOverTheDecadeBefore() {
        // algebraic with α = 1/3 up to step 5·10^4, then at the limit: the rounding-level records say nothing
        List<TrainingRecord> r = new ArrayList<>(records(s -> s <= 50_000 ? 1e-4 * Math.pow(s, -1.0 / 3) : 0.0));
        ApproachFit f = fit(r);
        assertEquals("algebraic", f.kind());
        assertEquals(1.0 / 3, f.rate(), 1e-6);
    }

    @Test
    void fewerThanThreeRecordsAboveTheLimitSayNothing() {
        assertNull(fit(records(s -> s < 10_500 ? 1e-4 : 0.0)));       // steps 10 000 and 10 471
    }
}
