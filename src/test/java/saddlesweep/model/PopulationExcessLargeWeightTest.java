package saddlesweep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * E for input weights far beyond |w| = 20 (as met just before a run diverges): the graded rule stays small
 * and accurate. Closed form for a silent teacher (v* = 0) and one student unit (w, v):
 * E = ½ v² E[tanh²(w x)] = ½ v² (1 − E[sech²(w x)]) and, for large w, E[sech²(w x)] = φ(0)·2/w + O(w^−3).
 */
class PopulationExcessLargeWeightTest {

    @Test
    void largeWeightsMatchTheStepLimit() {
        PopulationExcess e = new PopulationExcess(new Teacher(new double[] {1}, new double[] {0}), 1.0);
        double phi0 = 1 / Math.sqrt(2 * Math.PI);
        for (double w : new double[] {1e4, 1e6, 1e9}) {
            double v = 1.5;
            double expected = 0.5 * v * v * (1 - 2 * phi0 / w);
            assertEquals(expected, e.value(new double[] {w, v}), 1e-12 * expected, "w = " + w);
        }
    }

    @Test
    void absurdWeightsAreFiniteAndCheap() {
        PopulationExcess e = new PopulationExcess(new Teacher(new double[] {1}, new double[] {1}), 1.0);
        double[] theta = {1e300, -3e299, 2.0, 1.0};
        double value = e.value(theta);
        assertTrue(Double.isFinite(value));
        assertTrue(e.lossFor(theta).points() < 40_000, "points: " + e.lossFor(theta).points());
    }
}
