package saddlesweep.flowfate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import saddlesweep.train.TrainingRecord;

/**
 * The trends of constructed runs: records whose θ at T/10 and at T are chosen so that each unit does one thing
 * (saturates, turns linear, fades, stays), pairs and triples meet; each role read as built, whatever the units'
 * sign flips, and records before the last decade ignored.
 */
class DecadeTrendsTest {

    /** Records at steps 10, 10^3 (garbage: before the decade), 10^4 (a) and 10^5 (b). */
    static List<TrainingRecord> records(double[] a, double[] b) {
        List<TrainingRecord> out = new ArrayList<>();
        double[] junk = new double[a.length];
        for (int i = 0; i < junk.length; i++) junk[i] = 100 + i;
        out.add(new TrainingRecord(10, 1.0, 1.0, 1.0, junk));
        out.add(new TrainingRecord(1_000, 1.0, 1.0, 1.0, junk));
        out.add(new TrainingRecord(10_000, 0.5, 1e-3, 0.1, a));
        out.add(new TrainingRecord(100_000, 0.4, 1e-4, 0.1, b));
        return out;
    }

    /** θ with unit i flipped, (w_i, v_i) → (−w_i, −v_i): the same function. */
    static double[] flip(double[] theta, int i) {
        double[] t = theta.clone();
        int h = t.length / 2;
        t[i] = -t[i];
        t[h + i] = -t[h + i];
        return t;
    }

    @Test
    void eachUnitTakesTheRoleItWasBuiltWith() {
        //               w: sat  lin   fade  tanh      v: sat  lin  fade  tanh
        double[] a = {5.0, 0.10, 1.0, 1.5, 0.5, 3.0, 0.05, 1.0};
        double[] b = {8.0, 0.05, 1.0, 1.5, 0.5, 6.0, 0.01, 1.0};
        for (int flipped = -1; flipped < 4; flipped++) {
            double[] fa = flipped < 0 ? a : flip(a, flipped);
            double[] fb = flipped < 0 ? b : flip(b, flipped);
            DecadeTrends t = DecadeTrends.of(records(fa, fb), 1.0);
            assertArrayEquals(new UnitRole[] {UnitRole.SIGN, UnitRole.LINEAR, UnitRole.REMOVED, UnitRole.TANH}, t.roles(),
                    "unit " + flipped + " flipped");
            assertTrue(t.pairs().isEmpty() && t.triples().isEmpty());
            assertArrayEquals(b, t.tb(), "units read after the flip to w ≥ 0");
            assertArrayEquals(a, t.ta());
            assertArrayEquals(fb, t.full());
        }
    }

    @Test
    void theInputScaleDecidesSaturation() {
        // |w| = 8 growing saturates at s_x = 1 (8 ≥ 4) but not at s_x = 0.25 (|w| s_x = 2)
        double[] a = {5.0, 1.5, 0.5, 1.0};
        double[] b = {8.0, 1.5, 0.5, 1.0};
        assertEquals(UnitRole.SIGN, DecadeTrends.of(records(a, b), 1.0).roles()[0]);
        assertEquals(UnitRole.TANH, DecadeTrends.of(records(a, b), 0.25).roles()[0]);
    }

    @Test
    void changesBelowOnePercentAreNoTrend() {
        double[] a = {0.1000, 1.5, 3.00, 1.0};
        double[] b = {0.0995, 1.5, 3.02, 1.0};     // |w| −0.5 %, |v| +0.7 %
        assertArrayEquals(new UnitRole[] {UnitRole.TANH, UnitRole.TANH}, DecadeTrends.of(records(a, b), 1.0).roles());
        assertFalse(DecadeTrends.of(records(a, b), 1.0).turningLinear(0));
        double[] c = {0.098, 1.5, 3.1, 1.0};       // −2 %, +3 %
        assertTrue(DecadeTrends.of(records(a, c), 1.0).turningLinear(0));
    }

    @Test
    void aDerivativePairIsFoundBeforeRolesAndAMergingPairAfter() {
        // units 0, 1: a derivative pair (|w| closing, v growing with opposite signs); units 2, 3: merging (bounded v)
        double[] a = {1.00, 1.20, 3.0, 3.6, 2.0, -2.0, 0.5, 0.3};
        double[] b = {1.05, 1.10, 3.2, 3.3, 5.0, -5.0, 0.5, 0.3};
        for (double[][] ab : new double[][][] {{a, b}, {flip(a, 1), flip(b, 1)}}) {
            DecadeTrends t = DecadeTrends.of(records(ab[0], ab[1]), 1.0);
            assertEquals(2, t.pairs().size());
            assertArrayEquals(new int[] {0, 1}, t.pairs().get(0));
            assertArrayEquals(new int[] {2, 3}, t.pairs().get(1));
            assertArrayEquals(new boolean[] {true, false}, t.deriv());
        }
        // units 0, 1 with bounded v of one sign: no derivative pair, two merging pairs, the closer first
        double[] sameA = a.clone();
        double[] same = b.clone();
        sameA[4] = sameA[5] = same[4] = same[5] = 0.5;
        DecadeTrends t = DecadeTrends.of(records(sameA, same), 1.0);
        assertEquals(2, t.pairs().size());
        assertArrayEquals(new boolean[] {false, false}, t.deriv());
    }

    @Test
    void threeUnitsMeetingWithGrowingVAreATriple() {
        double[] a = {1.2, 1.4, 1.6, 0.2, 1.0, -2.0, 1.0, 0.4};
        double[] b = {1.3, 1.37, 1.44, 0.2, 4.0, -8.0, 4.0, 0.4};
        DecadeTrends t = DecadeTrends.of(records(a, b), 1.0);
        assertEquals(1, t.triples().size());
        assertArrayEquals(new int[] {0, 1, 2}, t.triples().get(0));
        // with one of the three v bounded they are no triple
        double[] c = b.clone();
        c[6] = 1.0;
        assertTrue(DecadeTrends.of(records(a, c), 1.0).triples().isEmpty());
    }

    @Test
    void unitsActingAsOneAreMergedBeforeTheTrendsAreRead() {
        // units 0 and 2 share |w| (unit 2 flipped) and v's sign: one unit (w 0.05, v 4 + 2) at T; it turns linear
        double[] a = {0.10, 2.0, -0.10, 2.0, 1.0, -1.0};
        double[] b = {0.05, 2.0, -0.05, 4.0, 1.0, -2.0};
        DecadeTrends t = DecadeTrends.of(records(a, b), 1.0);
        assertEquals(2, t.units());
        assertArrayEquals(new int[][] {{0, 2}, {1}}, t.groups());
        assertArrayEquals(new double[] {0.05, 2.0, 6.0, 1.0}, t.tb());
        assertArrayEquals(new UnitRole[] {UnitRole.LINEAR, UnitRole.TANH}, t.roles());
        assertArrayEquals(b, t.full());
    }
}
