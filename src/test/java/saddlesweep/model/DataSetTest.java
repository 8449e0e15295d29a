package saddlesweep.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** DataSet.generate: deterministic from the seed, x shared across σ² (common random numbers), documented order. */
class DataSetTest {

    private static final Teacher T = new Teacher(new double[] {0.5, 3}, new double[] {1, 1});

    @Test
    void deterministicFromTheSeed() {
        DataSet a = DataSet.generate(T, 100, 0.01, 1.0, 9);
        DataSet b = DataSet.generate(T, 100, 0.01, 1.0, 9);
        assertEquals(a, b);
        assertNotEquals(a, DataSet.generate(T, 100, 0.01, 1.0, 10));
    }

    @Test
    void inputsAndStandardisedNoiseAreSharedAcrossSigma2() {
        DataSet clean = DataSet.generate(T, 500, 0.0, 1.0, 3);
        DataSet small = DataSet.generate(T, 500, 0.01, 1.0, 3);
        DataSet big = DataSet.generate(T, 500, 0.04, 1.0, 3);
        assertArrayEquals(clean.x(), small.x(), 0.0);
        assertArrayEquals(clean.x(), big.x(), 0.0);
        for (int n = 0; n < 500; n++) {
            double fStar = Reference.net(T.w(), T.v(), clean.x()[n]);
            assertEquals(fStar, clean.y()[n], 1e-15, "σ² = 0: y = f*(x)");
            // σ = 0.2 noise is exactly twice the σ = 0.1 noise
            assertEquals(2 * (small.y()[n] - fStar), big.y()[n] - fStar, 1e-14);
        }
    }

    @Test
    void followsTheDocumentedDrawOrderAndHasTheRightNoiseLevel() {
        // x_1..x_N first, then ε_1..ε_N, all from NormalStream(seed, DATA)
        int n = 2000;
        double sx = 1.5;
        DataSet d = DataSet.generate(T, n, 0.09, sx, 11);
        NormalStream s = new NormalStream(11, NormalStream.DATA);
        double[] z = new double[2 * n];
        for (int i = 0; i < 2 * n; i++) z[i] = s.nextNormal();
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            assertEquals(sx * z[i], d.x()[i], 0.0);
            double eps = d.y()[i] - Reference.net(T.w(), T.v(), d.x()[i]);
            assertEquals(0.3 * z[n + i], eps, 1e-14);
            sumSq += eps * eps;
        }
        double var = sumSq / n;
        assertEquals(0.09, var, 5 * 0.09 * Math.sqrt(2.0 / n));
        assertTrue(d.size() == n);
    }
}
