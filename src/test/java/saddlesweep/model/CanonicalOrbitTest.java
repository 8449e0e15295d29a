package saddlesweep.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import saddlesweep.gdfate.GdAttractor;
import saddlesweep.train.GdMap;

/**
 * The canonical form of a cycle of GD's map is the same for every member of its orbit under the symmetry group
 * (one permutation and sign flips applied to every point) and for every phase (which point comes first); the
 * transformed orbit is still an orbit of G (the loss is invariant), and two such orbits are one GD attractor in
 * function space while a different orbit is not.
 */
class CanonicalOrbitTest {

    private static final Teacher ONE = new Teacher(new double[] {1}, new double[] {1});

    /** A 3-unit "orbit" of three points with distinct units (no ties). */
    private static final double[][] ORBIT = {
        {0.7, -1.3, 0.2, 2.5, 0.4, -3.1},
        {0.6, -1.25, 0.25, 2.4, 0.5, -3.0},
        {0.65, -1.4, 0.21, 2.6, 0.45, -3.2},
    };

    @Test
    void everySymmetryAndPhaseGivesTheSameCanonicalOrbit() {
        double[][] reference = Symmetry.canonicalOrbit(ORBIT);
        for (int[] perm : SymmetryInvarianceTest.permutations(3)) {
            for (int signs = 0; signs < 8; signs++) {
                int[] sign = {(signs & 1) == 0 ? 1 : -1, (signs & 2) == 0 ? 1 : -1, (signs & 4) == 0 ? 1 : -1};
                for (int shift = 0; shift < 3; shift++) {
                    double[][] moved = new double[3][];
                    for (int j = 0; j < 3; j++) moved[j] = Symmetry.transform(ORBIT[(j + shift) % 3], perm, sign);
                    double[][] c = Symmetry.canonicalOrbit(moved);
                    for (int j = 0; j < 3; j++) assertArrayEquals(reference[j], c[j], 0.0);
                }
            }
        }
        // its first point is canonical, and the others carry the same symmetry (not each its own)
        assertArrayEquals(Symmetry.canonical(reference[0]), reference[0], 0.0);
        for (int j = 0; j < 3; j++) assertEquals(Vectors.norm(ORBIT[j]), Vectors.norm(reference[(j + 3 - phaseOf(reference)) % 3]), 1e-15);
    }

    /** The index of ORBIT[0]'s image in the canonical orbit (found by norms, distinct here). */
    private static int phaseOf(double[][] canon) {
        for (int j = 0; j < 3; j++) if (Math.abs(Vectors.norm(canon[j]) - Vectors.norm(ORBIT[0])) < 1e-15) return j;
        throw new AssertionError("no image of the first point");
    }

    @Test
    void aTransformedCycleIsACycleAndTheSameGdAttractor() {
        DataSet data = DataSet.generate(ONE, 60, 0.01, 1.0, 3);
        SquaredLoss loss = SquaredLoss.empirical(data);
        GdMap map = new GdMap(loss, 0.05);
        double[] p = {0.4, -0.9, 1.7, 2.2};
        double[][] orbit = map.iterates(p, 1);          // any two consecutive iterates: G maps the first to the second
        double[] q = Symmetry.transform(orbit[0], new int[] {1, 0}, new int[] {-1, 1});
        double[] gq = map.apply(q);
        assertArrayEquals(Symmetry.transform(orbit[1], new int[] {1, 0}, new int[] {-1, 1}), gq, 1e-14);
        PopulationExcess pop = new PopulationExcess(ONE, 1.0);
        GdAttractor a = GdAttractor.of("period_2", true, 2, flatten(orbit[0], orbit[1]), 2, null);
        GdAttractor b = GdAttractor.of("period_2", true, 2, flatten(gq, q), 2, null);     // other phase, other symmetry
        assertTrue(a.same(b, pop, 1e-12));
        double[] far = orbit[1].clone();
        far[2] += 1e-3;
        GdAttractor c = GdAttractor.of("period_2", true, 2, flatten(orbit[0], far), 2, null);
        assertTrue(!a.same(c, pop, 1e-6));
        assertTrue(GdAttractor.of("aperiodic", true, 2, flatten(orbit[0], orbit[1]), 2, null) == null);
    }

    private static double[] flatten(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
