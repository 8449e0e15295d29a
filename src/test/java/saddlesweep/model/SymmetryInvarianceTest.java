package saddlesweep.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The loss is invariant under unit permutations and sign flips (w_i, v_i) → (−w_i, −v_i): L_N and E are
 * compared at every member of an orbit, and the canonical form must be bit-identical across the orbit.
 */
class SymmetryInvarianceTest {

    private static final Teacher TEACHER = new Teacher(new double[] {1, 4}, new double[] {2, -1});

    /** All H! permutations of 0..H−1. */
    static List<int[]> permutations(int h) {
        List<int[]> out = new ArrayList<>();
        permute(new int[h], new boolean[h], 0, out);
        return out;
    }

    private static void permute(int[] p, boolean[] used, int k, List<int[]> out) {
        if (k == p.length) {
            out.add(p.clone());
            return;
        }
        for (int i = 0; i < p.length; i++) {
            if (used[i]) continue;
            used[i] = true;
            p[k] = i;
            permute(p, used, k + 1, out);
            used[i] = false;
        }
    }

    /** All 2^H sign patterns. */
    static List<int[]> signs(int h) {
        List<int[]> out = new ArrayList<>();
        for (int mask = 0; mask < (1 << h); mask++) {
            int[] s = new int[h];
            for (int i = 0; i < h; i++) s[i] = (mask >> i & 1) == 0 ? 1 : -1;
            out.add(s);
        }
        return out;
    }

    /** The 48 members of the orbit of θ for H = 3. */
    static List<double[]> orbit(double[] theta) {
        int h = Mlp.units(theta);
        List<double[]> out = new ArrayList<>();
        for (int[] p : permutations(h)) for (int[] s : signs(h)) out.add(Symmetry.transform(theta, p, s));
        return out;
    }

    @Test
    void orbitHasFortyEightDistinctMembersForH3() {
        double[] theta = {0.7, -2.3, 4.1, 1.5, 0.4, -0.9};
        List<double[]> orbit = orbit(theta);
        assertEquals(48, orbit.size());
        long distinct = orbit.stream().map(java.util.Arrays::toString).distinct().count();
        assertEquals(48, distinct);
    }

    @Test
    void empiricalLossAndExcessAreInvariantOnTheOrbit() {
        double[] theta = {0.7, -2.3, 4.1, 1.5, 0.4, -0.9};
        SquaredLoss lossN = SquaredLoss.empirical(DataSet.generate(TEACHER, 200, 0.01, 1.0, 3));
        PopulationExcess e = new PopulationExcess(TEACHER, 1.0);
        double l0 = lossN.value(theta);
        double e0 = e.value(theta);
        for (double[] t : orbit(theta)) {
            assertEquals(l0, lossN.value(t), 1e-14 * l0, "L_N at " + java.util.Arrays.toString(t));
            assertEquals(e0, e.value(t), 1e-14 * e0, "E at " + java.util.Arrays.toString(t));
            // the function itself is the same at a few inputs
            for (double x : new double[] {-2.2, 0.3, 1.7}) assertEquals(Mlp.eval(theta, x), Mlp.eval(t, x), 1e-15);
        }
    }

    @Test
    void gradientTransformsWithTheGroup() {
        // ∇L(gθ) = g ∇L(θ): the same permutation and signs act on the gradient
        double[] theta = {0.7, -2.3, 4.1, 1.5, 0.4, -0.9};
        SquaredLoss lossN = SquaredLoss.empirical(DataSet.generate(TEACHER, 100, 0.01, 1.0, 4));
        double[] g = lossN.gradient(theta);
        for (int[] p : permutations(3)) {
            for (int[] s : signs(3)) {
                double[] gt = lossN.gradient(Symmetry.transform(theta, p, s));
                assertArrayEquals(Symmetry.transform(g, p, s), gt, 1e-14 * Vectors.norm(g));
            }
        }
    }

    @Test
    void canonicalFormIsIdenticalForEveryMemberOfTheOrbit() {
        double[] theta = {0.7, -2.3, 4.1, 1.5, 0.4, -0.9};
        double[] c = Symmetry.canonical(theta);
        // independent expectation: flip to w ≥ 0 → units (0.7, 1.5), (2.3, −0.4), (4.1, −0.9); sort by w
        assertArrayEquals(new double[] {0.7, 2.3, 4.1, 1.5, -0.4, -0.9}, c);
        for (double[] t : orbit(theta)) {
            assertArrayEquals(c, Symmetry.canonical(t), "canonical of " + java.util.Arrays.toString(t));
            assertEquals(0.0, Symmetry.distance(theta, t));
        }
        assertTrue(Symmetry.distance(theta, new double[] {0.7, -2.3, 4.1, 1.5, 0.4, -0.8}) > 0.09);
    }

    @Test
    void canonicalFormHandlesTiesAndZeroWeightsBitExactly() {
        // a unit with w = 0 (flipped by the sign of v), and two units with equal |w| (sorted by v);
        // assertArrayEquals without delta compares bits, so a −0.0 left in the canonical form would fail
        double[] theta = {0.0, 1.2, -1.2, -0.5, 0.3, 0.8};
        double[] expected = {0.0, 1.2, 1.2, 0.5, -0.8, 0.3};
        for (double[] t : orbit(theta)) assertArrayEquals(expected, Symmetry.canonical(t), java.util.Arrays.toString(t));
    }
}
