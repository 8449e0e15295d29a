package saddlesweep.committee;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import saddlesweep.model.Singularity;
import saddlesweep.model.Symmetry;
import saddlesweep.model.Vectors;

/** The canonical form and singular sets: the scalar model's at d = 1, invariant under the group in d = 3. */
class CommitteeSymmetryTest {

    @Test
    void atDimensionOneTheyAreTheScalarModels() {
        Random rng = new Random(3);
        for (int trial = 0; trial < 200; trial++) {
            int h = 1 + rng.nextInt(4);
            double[] theta = new double[2 * h];
            for (int i = 0; i < theta.length; i++) theta[i] = rng.nextInt(5) == 0 ? 0.0 : rng.nextGaussian();
            if (h > 1 && rng.nextBoolean()) theta[1] = -theta[0];          // an overlap
            assertArrayEquals(Symmetry.canonical(theta), CommitteeSymmetry.canonical(theta, 1), 0.0);
            assertEquals(Singularity.of(theta, 1e-4).label(), CommitteeSymmetry.singularity(theta, 1, 1e-4));
        }
    }

    @Test
    void theCanonicalFormIsConstantOnAnOrbit() {
        double[] theta = {0.5, -0.2, 0.1, -0.7, 0.3, 0.0, 0.0, 0.4, -1.2, 1.5, -0.8, 0.6};   // H = 3, d = 3
        double[] c = CommitteeSymmetry.canonical(theta, 3);
        // swap units 1 and 3, flip unit 2
        double[] g = {0.0, 0.4, -1.2, 0.7, -0.3, -0.0, 0.5, -0.2, 0.1, 0.6, 0.8, 1.5};
        assertArrayEquals(c, CommitteeSymmetry.canonical(g, 3), 0.0);
        assertEquals(0.0, CommitteeSymmetry.distance(theta, g, 3), 0.0);
        // the canonical form is canonical: u · w_i ≥ 0, units in order of u · w_i (u = (1, 1/π, 1/π²))
        assertArrayEquals(c, CommitteeSymmetry.canonical(c, 3), 0.0);
        double previous = 0;
        for (int i = 0; i < 3; i++) {
            double p = c[3 * i] + c[3 * i + 1] / Math.PI + c[3 * i + 2] / (Math.PI * Math.PI);
            assertTrue(p >= previous, "unit " + i);
            previous = p;
        }
    }

    @Test
    void theCanonicalOrbitIsTheSameForEveryImageAndPhaseOfACycle() {
        Random rng = new Random(11);
        int d = 3;
        int h = 3;
        double[][] orbit = new double[3][h * (d + 1)];
        for (double[] p : orbit) for (int a = 0; a < p.length; a++) p[a] = rng.nextGaussian();
        double[][] c = CommitteeSymmetry.canonicalOrbit(orbit, d);
        // one symmetry for every point (units 1 and 3 swapped, unit 2 flipped), the phase shifted by one
        double[][] image = new double[3][];
        for (int j = 0; j < 3; j++) {
            double[] p = orbit[(j + 1) % 3];
            double[] q = new double[p.length];
            int[] perm = {2, 1, 0};
            int[] sign = {1, -1, 1};
            for (int i = 0; i < h; i++) {
                for (int k = 0; k < d; k++) q[i * d + k] = sign[i] * p[perm[i] * d + k];
                q[h * d + i] = sign[i] * p[h * d + perm[i]];
            }
            image[j] = q;
        }
        double[][] ci = CommitteeSymmetry.canonicalOrbit(image, d);
        for (int j = 0; j < 3; j++) assertArrayEquals(c[j], ci[j], 0.0, "point " + j);
        // one symmetry for all: the points keep their distances, and some point is in canonical form
        boolean someCanonical = false;
        for (int j = 0; j < 3; j++) {
            someCanonical |= Arrays.equals(c[j], CommitteeSymmetry.canonical(c[j], d));
            assertEquals(Vectors.distance(orbit[0], orbit[1]) + Vectors.distance(orbit[1], orbit[2])
                    + Vectors.distance(orbit[2], orbit[0]), Vectors.distance(c[0], c[1])
                    + Vectors.distance(c[1], c[2]) + Vectors.distance(c[2], c[0]), 1e-12);
        }
        assertTrue(someCanonical);
        // a fixed point's canonical orbit is its canonical form
        assertArrayEquals(CommitteeSymmetry.canonical(orbit[0], d), CommitteeSymmetry.canonicalOrbit(new double[][] {orbit[0]}, d)[0], 0.0);
    }

    @Test
    void roundingNoiseInARowDoesNotFlipIt() {
        // rows (0, −1, 0) and (1e-17, −1, 0) are the same unit up to rounding: their canonical forms are close
        double[] a = {0, -1, 0, 0.5, 0.5, 0.5, 1, 2};
        double[] b = {1e-17, -1, 1e-17, 0.5, 0.5, 0.5, 1, 2};
        double[] bFlipped = {-1e-17, -1, 0, 0.5, 0.5, 0.5, 1, 2};
        assertTrue(CommitteeSymmetry.distance(a, b, 3) < 1e-15);
        assertTrue(CommitteeSymmetry.distance(a, bFlipped, 3) < 1e-15);
    }

    @Test
    void singularSetsInThreeDimensions() {
        assertEquals("overlap", CommitteeSymmetry.singularity(new double[] {0.3, -1, 2, -0.3, 1, -2, 1, 1}, 3, 1e-9));
        assertEquals("none", CommitteeSymmetry.singularity(new double[] {0.3, -1, 2, 0.3, -1, 2.1, 1, 1}, 3, 1e-9));
        assertEquals("elimination", CommitteeSymmetry.singularity(new double[] {0, 0, 0, 0.3, -1, 2.1, 1, 1}, 3, 1e-9));
        assertEquals("elimination", CommitteeSymmetry.singularity(new double[] {1, 0, 0, 0.3, -1, 2.1, 0, 1}, 3, 1e-9));
    }
}
