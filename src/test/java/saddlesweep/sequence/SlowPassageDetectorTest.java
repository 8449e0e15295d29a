package saddlesweep.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** SlowPassageDetector on synthetic ‖∇L‖ sequences whose dips and extents are known by construction. */
class SlowPassageDetectorTest {

    /**
     * 100 records: 1 for k ≤ 10; a geometric dip to {@code dip} at k = 30 and back to 1 at k = 50
     * (g_k = dip^{(k−10)/20} on the way down, mirrored on the way up); then a monotone final convergence
     * g_k = 10^{−12 (k−50)/49} to 1e-12 at k = 99.
     */
    static double[] dipThenConverge(double dip) {
        double[] g = new double[100];
        for (int k = 0; k < 100; k++) {
            if (k <= 10) g[k] = 1;
            else if (k <= 30) g[k] = Math.pow(dip, (k - 10) / 20.0);
            else if (k <= 50) g[k] = Math.pow(dip, (50 - k) / 20.0);
            else g[k] = Math.pow(10, -12.0 * (k - 50) / 49);
        }
        return g;
    }

    @Test
    void dipOfFactorTwentyIsFoundWithItsOneDecadeExtent() {
        double[] g = dipThenConverge(0.05);
        List<SlowPassage> found = new SlowPassageDetector(10).detect(g);
        assertEquals(1, found.size(), found.toString());
        SlowPassage p = found.get(0);
        assertEquals(30, p.dipIndex());
        // g ≤ 10·0.05 = 0.5 ⇔ 0.05^{(k−10)/20} ≤ 0.5 ⇔ k − 10 ≥ 20·ln 0.5/ln 0.05 = 4.63 ⇔ k ≥ 15; mirrored: k ≤ 45
        assertTrue(g[14] > 0.5 && g[15] <= 0.5 && g[45] <= 0.5 && g[46] > 0.5);
        assertEquals(15, p.enterIndex());
        assertEquals(45, p.exitIndex());
    }

    @Test
    void dipOfFactorFiveIsNotAPassageWithDipFactorTen() {
        double[] g = dipThenConverge(0.2);
        assertEquals(0, new SlowPassageDetector(10).detect(g).size());
        // but it is with dip factor 4
        List<SlowPassage> found = new SlowPassageDetector(4).detect(g);
        assertEquals(1, found.size());
        assertEquals(30, found.get(0).dipIndex());
        assertEquals(0, found.get(0).enterIndex());   // g ≤ 2 everywhere before the dip
    }

    @Test
    void monotoneFinalConvergenceIsNeverAPassage() {
        double[] g = new double[200];
        for (int k = 0; k < 200; k++) g[k] = Math.pow(10, -13.0 * k / 199);
        assertEquals(0, new SlowPassageDetector(10).detect(g).size());
        // a rise then the final fall: still nothing (no rise after the final minimum)
        double[] h = new double[120];
        for (int k = 0; k < 120; k++) h[k] = k < 20 ? 1e-3 * Math.pow(1000, k / 20.0) : Math.pow(10, -12.0 * (k - 20) / 99);
        assertEquals(0, new SlowPassageDetector(10).detect(h).size());
    }

    @Test
    void dipNeedsTheRiseOnBothSides() {
        // a deep fall (factor 1000) then a rise of only factor 5 before the final convergence
        double[] g = new double[60];
        for (int k = 0; k < 60; k++) {
            if (k <= 20) g[k] = Math.pow(1e-3, k / 20.0);
            else if (k <= 30) g[k] = 1e-3 * Math.pow(5, (k - 20) / 10.0);
            else g[k] = 5e-3 * Math.pow(1e-9, (k - 30) / 29.0);
        }
        assertEquals(0, new SlowPassageDetector(10).detect(g).size());
        assertEquals(1, new SlowPassageDetector(4).detect(g).size());
    }

    @Test
    void twoPassagesAreBothFoundAndAFlatBottomReportsItsFirstIndex() {
        double[] g = new double[90];
        for (int k = 0; k < 90; k++) {
            if (k < 10) g[k] = 1;
            else if (k < 20) g[k] = 1e-2;              // flat bottom: first index 10
            else if (k < 40) g[k] = 1;
            else if (k < 45) g[k] = Math.pow(10, -3.0 * (k - 39) / 5); // 10^−0.6 at k = 40 … 1e-3 at k = 44
            else if (k < 60) g[k] = 1;
            else g[k] = Math.pow(10, -12.0 * (k - 59) / 30);
        }
        List<SlowPassage> found = new SlowPassageDetector(10).detect(g);
        assertEquals(2, found.size(), found.toString());
        assertEquals(10, found.get(0).dipIndex());
        assertEquals(10, found.get(0).enterIndex());
        assertEquals(19, found.get(0).exitIndex());
        assertEquals(44, found.get(1).dipIndex());
        // g ≤ 1e-2 ⇔ 3 (k − 39)/5 ≥ 2 ⇔ k ≥ 43 (k = 45 is back at 1)
        assertEquals(43, found.get(1).enterIndex());
        assertEquals(44, found.get(1).exitIndex());
    }
}
