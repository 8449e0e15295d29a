package saddlesweep.flowfate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

import saddlesweep.train.TrainingRecord;

/** The power-law extrapolation of L_N against constructed laws, on decade records and on an uneven last record. */
class PowerLawLimitTest {

    /** Records at 50 per decade from 10^6 to last, L = loss(step). */
    private static List<TrainingRecord> records(long last, DoubleUnaryOperator loss) {
        List<TrainingRecord> out = new ArrayList<>();
        for (int k = 0; ; k++) {
            long step = Math.round(1e6 * Math.pow(10, k / 50.0));
            if (step > last) break;
            out.add(new TrainingRecord(step, loss.applyAsDouble(step), 0, 0, new double[] {1, 1}));
        }
        if (out.get(out.size() - 1).step() != last) out.add(new TrainingRecord(last, loss.applyAsDouble(last), 0, 0, new double[] {1, 1}));
        return out;
    }

    @Test
    void anExactPowerLawExtrapolatesToItsLimit() {
        // L = 0.3 + 2e-3 t^−1/4 from 10^6 to 10^12: the gap at the end is 2e-6, the limit found to rounding
        for (long last : new long[] {1_000_000_000_000L, 377_000_000_000L}) {
            PowerLawLimit p = PowerLawLimit.of(records(last, t -> 0.3 + 2e-3 * Math.pow(t, -0.25)));
            assertEquals(0.3, p.limit(), 1e-14, "last step " + last);
            assertEquals(0.25, p.alpha(), 1e-7);
        }
    }

    @Test
    void aLawWithACorrectionLandsCloserThanTheLastRecord() {
        // L = L∞ + a t^−α (1 + b t^−α): the extrapolation leaves a small share of the last gap
        double lInf = 4e-4;
        List<TrainingRecord> r = records(1_000_000_000_000L, t -> lInf + 1e-4 * Math.pow(t, -0.25) * (1 + 2 * Math.pow(t, -0.25)));
        double gap = r.get(r.size() - 1).trainLoss() - lInf;
        PowerLawLimit p = PowerLawLimit.of(r);
        assertEquals(lInf, p.limit(), 0.05 * gap);
    }

    @Test
    void noPowerLawWithoutAFallingLossOrTwoDecades() {
        assertNull(PowerLawLimit.of(records(1_000_000_000_000L, t -> 0.3)));
        assertNull(PowerLawLimit.of(records(1_000_000_000_000L, t -> 0.3 + 1e-9 * Math.log(t))));
        assertNull(PowerLawLimit.of(records(50_000_000L, t -> 0.3 + Math.pow(t, -0.5))));      // less than two decades
    }
}
