package saddlesweep.flowfate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import saddlesweep.model.ClosureNetwork;
import saddlesweep.model.Mlp;

/**
 * The candidate limit models of constructed trends: each candidate's closure network, at the parameters read off
 * the last record, is the run's own function up to the Taylor remainder its form leaves out (checked against the
 * network, not against the formulas), its kind and mechanisms are those of the trend, and a degenerate
 * candidate's limit embeds back into a full network with the same function.
 */
class LimitCandidatesTest {

    private static final double[] XS = {-2.0, -1.1, -0.4, 0.05, 0.3, 0.9, 1.7};

    private static List<LimitCandidate> candidates(double[] a, double[] b) {
        return LimitCandidates.of(DecadeTrendsTest.records(a, b), 1.0);
    }

    private static LimitCandidate labelled(List<LimitCandidate> cs, String label) {
        return cs.stream().filter(c -> c.shape().label().equals(label)).findFirst().orElseThrow(() -> new AssertionError(
                "no candidate " + label + " among " + cs.stream().map(c -> c.shape().label()).toList()));
    }

    /** max over XS of |shape(x) − f(x; θ)|. */
    private static double misfit(ClosureNetwork shape, double[] theta) {
        double m = 0;
        for (double x : XS) m = Math.max(m, Math.abs(shape.eval(x) - Mlp.eval(theta, x)));
        return m;
    }

    @Test
    void aDerivativePairIsOneDerivTermAndItsAlternativeOneMergedUnit() {
        // |w| 1.0995 / 1.1005 closing, v ±500 growing: u tanh(wx) + c x sech²(wx), u = 0, c = (v_j − v_i)(w_j − w_i)/2
        double[] a = {1.09, 1.11, 2.5, 200, -200, 0.7};
        double[] b = {1.0995, 1.1005, 2.5, 500, -500, 0.7};
        List<LimitCandidate> cs = candidates(a, b);
        assertEquals(2, cs.size());
        LimitCandidate d = labelled(cs, "deriv,tanh");
        assertEquals(AttractorKind.AT_INFINITY, d.kind());
        assertEquals("derivative_pair", d.mechanisms());
        double[] p = d.shape().params();
        assertEquals(1.1, p[0], 1e-15);
        assertEquals(0.0, p[1], 0.0);
        assertEquals(-0.5, p[2], 1e-12);
        // the pair's terms of order δ² cancel (δ = ±5e-4, v = ±500): what is left is O(v δ³) ~ 1e-7
        assertTrue(misfit(d.shape(), b) < 1e-6, "deriv misfit " + misfit(d.shape(), b));
        LimitCandidate merged = labelled(cs, "tanh,tanh");
        assertEquals(AttractorKind.DEGENERATE, merged.kind());
        assertNull(merged.mechanisms());
    }

    @Test
    void twoUnitsTurningLinearAreOneLinearTermAndAlsoALinearPlusCubicOne() {
        double[] a = {0.04, 0.08, 1.5, 7.5, -2.5, 1.0};
        double[] b = {0.02, 0.04, 1.5, 15.0, -5.0, 1.0};
        List<LimitCandidate> cs = candidates(a, b);
        LimitCandidate lin = labelled(cs, "tanh,linear");
        LimitCandidate cub = labelled(cs, "tanh,linear,cubic");
        for (LimitCandidate c : List.of(lin, cub)) {
            assertEquals(AttractorKind.AT_INFINITY, c.kind());
            assertEquals("linear", c.mechanisms());
        }
        assertEquals(15.0 * 0.02 - 5.0 * 0.04, lin.shape().params()[2], 1e-15);          // c = Σ v w
        assertEquals(-(15.0 * Math.pow(0.02, 3) - 5.0 * Math.pow(0.04, 3)) / 3, cub.shape().params()[3], 1e-18);  // d = −Σ v w³/3
        // c x + d x³ is the run's function to 2 Σ v w⁵ x⁵/15 ~ 2e-6 at |x| = 2, c x alone only to Σ v w³ x³/3 ~ 5e-4
        assertTrue(misfit(cub.shape(), b) < 1e-5, "cubic misfit " + misfit(cub.shape(), b));
        assertTrue(misfit(lin.shape(), b) > 100 * misfit(cub.shape(), b));
        // each of the two may instead stop at a finite w: kept as a tanh unit, the other one's c = v w alone linear
        List<LimitCandidate> kept = cs.stream().filter(c -> c.shape().label().equals("tanh,tanh,linear")).toList();
        assertEquals(2, kept.size());
        assertArrayEquals(new double[] {0.02, 15.0, 1.5, 1.0, -5.0 * 0.04}, kept.get(0).shape().params(), 1e-15);
        assertArrayEquals(new double[] {0.04, -5.0, 1.5, 1.0, 15.0 * 0.02}, kept.get(1).shape().params(), 1e-15);
        for (int k = 0; k < 2; k++) {
            assertEquals("linear", kept.get(k).mechanisms());
            // the kept unit exact: what is left is the other unit's v (tanh(w x) − w x)
            int other = 1 - k;
            double left = 0;
            for (double x : XS) left = Math.max(left, Math.abs(b[3 + other] * (Math.tanh(b[other] * x) - b[other] * x)));
            assertEquals(left, misfit(kept.get(k).shape(), b), 1e-12);
        }
    }

    @Test
    void saturatingUnitsAreOneSignTermWithTheirFlips() {
        // 0.5 tanh(8x) + 0.3 tanh(−9x) → (0.5 − 0.3) sign(x), whichever way the second unit is written
        double[] a = {5.0, -6.0, 1.5, 0.5, 0.3, 1.0};
        double[] b = {8.0, -9.0, 1.5, 0.5, 0.3, 1.0};
        for (double[][] ab : new double[][][] {{a, b}, {DecadeTrendsTest.flip(a, 1), DecadeTrendsTest.flip(b, 1)}}) {
            List<LimitCandidate> cs = candidates(ab[0], ab[1]);
            assertEquals(1, cs.size());
            LimitCandidate s = labelled(cs, "tanh,sign");
            assertEquals("saturating", s.mechanisms());
            assertArrayEquals(new double[] {1.5, 1.0, 0.2}, s.shape().params(), 1e-15);
        }
    }

    @Test
    void threeUnitsMeetingAreOneSecondOrderTerm() {
        double[] a = {1.2, 1.4, 1.6, 0.2, 1.0, -2.0, 1.0, 0.4};
        double[] b = {1.33, 1.37, 1.41, 0.2, 40.0, -80.0, 40.0, 0.4};
        LimitCandidate t = labelled(candidates(a, b), "deriv2,tanh");
        assertEquals(AttractorKind.AT_INFINITY, t.kind());
        assertEquals("derivative_triple", t.mechanisms());
        assertEquals(1.37, t.shape().params()[0], 1e-14);
        // u T + c T' + e T'' is the run's function up to Σ v δ⁴ T''''/24 ~ 2e-5 (the δ³ terms cancel)
        assertTrue(misfit(t.shape(), b) < 5e-5, "deriv2 misfit " + misfit(t.shape(), b));
    }

    @Test
    void aNetworkWithNothingTurningHasNoCandidates() {
        double[] a = {0.8, 2.0, 1.0, -0.5};
        double[] b = {0.81, 2.02, 1.0, -0.5};
        assertTrue(candidates(a, b).isEmpty());
    }

    @Test
    void degenerateLimitsEmbedIntoTheFullNetworkWithTheSameFunction() {
        // a fading unit (removed), a merging pair (v split 5 : 3), units that already act as one (one of them flipped)
        double[][][] cases = {
                {{1.5, 1.0, 1.0, 0.05}, {1.5, 1.0, 1.0, 0.01}},
                {{1.0, 1.3, 0.5, 0.3}, {1.1, 1.2, 0.5, 0.3}},
                {{1.0, 2.0, -1.0, 0.6, 1.0, -0.3}, {1.0, 2.0, -1.0, 0.6, 1.0, -0.3}},
        };
        for (double[][] ab : cases) {
            List<LimitCandidate> cs = candidates(ab[0], ab[1]);
            LimitCandidate c = cs.get(0);
            assertEquals(AttractorKind.DEGENERATE, c.kind(), c.shape().label());
            double[] p = c.shape().params();
            for (int k = 0; k < p.length; k++) p[k] *= 1 + 0.1 * (k + 1);       // a limit somewhere else
            ClosureNetwork limit = c.shape().withParams(p);
            double[] theta = c.embed(limit);
            assertEquals(ab[1].length, theta.length);
            assertEquals(0.0, misfit(limit, theta), 1e-15, c.shape().label());
        }
        double[] pair = candidates(cases[1][0], cases[1][1]).get(0).embed(ClosureNetwork.ofMlp(new double[] {1.16, 0.8}));
        assertArrayEquals(new double[] {1.16, 1.16, 0.5, 0.3}, pair, 1e-15);
    }
}
