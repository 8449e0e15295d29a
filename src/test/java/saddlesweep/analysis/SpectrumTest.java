package saddlesweep.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Spectrum: eigenvalues ascending, Morse index and null dimension by relative tolerance, on known matrices. */
class SpectrumTest {

    @Test
    void diagonalMatrix() {
        DMatrixRMaj d = new DMatrixRMaj(5, 5);
        double[] diag = {3, -2, 0, 1e-9, 5};
        for (int i = 0; i < 5; i++) d.set(i, i, diag[i]);
        Spectrum sp = Spectrum.of(d);
        assertArrayEquals(new double[] {-2, 0, 1e-9, 3, 5}, sp.values(), 1e-15);
        assertEquals(5.0, sp.maxAbs(), 0.0);
        assertEquals(1, sp.morseIndex(1e-7));
        assertEquals(2, sp.nullDim(1e-7));          // 0 and 1e-9 ≤ 5e-7
        assertEquals(1, sp.nullDim(1e-12));         // only 0 ≤ 5e-12
        assertFalse(sp.positiveDefinite(1e-7));
        // eigenvector of the smallest eigenvalue −2 is ±e_2 (index 1)
        double[] u = sp.vector(0);
        assertEquals(1.0, Math.abs(u[1]), 1e-12);
        assertEquals(1.0, u[0] * u[0] + u[1] * u[1] + u[2] * u[2] + u[3] * u[3] + u[4] * u[4], 1e-12);
        // the input is not modified
        assertEquals(-2, d.get(1, 1), 0.0);
    }

    @Test
    void tinyNegativeEigenvalueIsNullNotNegative() {
        DMatrixRMaj d = DMatrixRMaj.wrap(3, 3, new double[] {2, 0, 0, 0, -1e-10, 0, 0, 0, 1});
        Spectrum sp = Spectrum.of(d);
        assertEquals(0, sp.morseIndex(1e-7));
        assertEquals(1, sp.nullDim(1e-7));
        assertEquals(1, Spectrum.of(d).morseIndex(1e-12));
    }

    @Test
    void rotatedMatrixWithKnownEigenvalues() {
        // Q diag(−1, 0.5, 4) Qᵀ with Q a rotation by 0.3 in the (0,1) plane then 1.1 in the (1,2) plane
        double[] lambda = {-1, 0.5, 4};
        double c1 = Math.cos(0.3), s1 = Math.sin(0.3), c2 = Math.cos(1.1), s2 = Math.sin(1.1);
        double[][] q1 = {{c1, -s1, 0}, {s1, c1, 0}, {0, 0, 1}};
        double[][] q2 = {{1, 0, 0}, {0, c2, -s2}, {0, s2, c2}};
        double[][] q = new double[3][3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) q[i][j] += q1[i][k] * q2[k][j];
        DMatrixRMaj a = new DMatrixRMaj(3, 3);
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) {
            double s = 0;
            for (int k = 0; k < 3; k++) s += q[i][k] * lambda[k] * q[j][k];
            a.set(i, j, s);
        }
        Spectrum sp = Spectrum.of(a);
        assertArrayEquals(lambda, sp.values(), 1e-13);
        assertEquals(1, sp.morseIndex(1e-7));
        assertEquals(0, sp.nullDim(1e-7));
        // eigenvector of −1 is ± the first column of Q
        double[] u = sp.vector(0);
        double dot = u[0] * q[0][0] + u[1] * q[1][0] + u[2] * q[2][0];
        assertEquals(1.0, Math.abs(dot), 1e-12);
        DMatrixRMaj pd = DMatrixRMaj.wrap(2, 2, new double[] {2, 1, 1, 2});
        assertTrue(Spectrum.of(pd).positiveDefinite(1e-7));
        assertArrayEquals(new double[] {1, 3}, Spectrum.of(pd).values(), 1e-14);
    }
}
