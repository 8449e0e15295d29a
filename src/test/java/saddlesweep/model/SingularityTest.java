package saddlesweep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Singularity labels: elimination (v_i or w_i ≈ 0) before overlap (|w_i| ≈ |w_j|), else none. */
class SingularityTest {

    @Test
    void labelsEliminationOverlapAndNone() {
        double tol = 1e-4;
        assertEquals(Singularity.NONE, Singularity.of(new double[] {0.5, 3, 1, 1}, tol));
        assertEquals(Singularity.ELIMINATION, Singularity.of(new double[] {0.5, 3, 1, 5e-5}, tol));      // v_2 ≈ 0
        assertEquals(Singularity.ELIMINATION, Singularity.of(new double[] {-5e-5, 3, 7, 1}, tol));       // w_1 ≈ 0
        assertEquals(Singularity.OVERLAP, Singularity.of(new double[] {1.05, 1.05 + 5e-5, 1, 2}, tol));
        assertEquals(Singularity.OVERLAP, Singularity.of(new double[] {1.05, -1.05, 1, 2}, tol));        // |w| equal
        assertEquals(Singularity.NONE, Singularity.of(new double[] {1.05, 1.05 + 2e-4, 1, 2}, tol));
        // both hold: elimination is reported
        assertEquals(Singularity.ELIMINATION, Singularity.of(new double[] {1.0, 1.0, 0.0, 2}, tol));
        assertEquals(Singularity.NONE, Singularity.of(new double[] {0.7, 1.5}, tol));
        assertEquals("elimination", Singularity.ELIMINATION.label());
        assertEquals("overlap", Singularity.OVERLAP.label());
        assertEquals("none", Singularity.NONE.label());
        // the tolerance is inclusive and scales the test
        assertEquals(Singularity.OVERLAP, Singularity.of(new double[] {0.1, 0.3, 0.1001, 1, 1, 1}, 1e-3));
        assertEquals(Singularity.NONE, Singularity.of(new double[] {0.1, 0.3, 0.1001, 1, 1, 1}, 1e-5));
    }
}
