package saddlesweep.flowfate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import saddlesweep.model.Mlp;

/** Units acting as one: grouped whatever their sign flips, and merged into one unit with the same function. */
class OverlapGroupsTest {

    @Test
    void equalWidthsOfOneSignAfterTheFlipAreOneGroup() {
        // units 0, 2, 3 share |w| to 1e-6 and the sign of v after the flip (unit 3 flipped); unit 1 has the width, not the sign
        double[] theta = {1.5, 1.5, 1.5 * (1 + 1e-7), -1.5, 0.5, -0.2, 0.3, -0.1};
        assertArrayEquals(new int[][] {{0, 2, 3}, {1}}, OverlapGroups.of(theta));
        double[] apart = {1.5, 1.5 * (1 + 1e-5), 0.5, 0.3};
        assertArrayEquals(new int[][] {{0}, {1}}, OverlapGroups.of(apart));
    }

    @Test
    void mergedUnitsKeepTheFunction() {
        double[] theta = {1.5, 2.0, -1.5, 0.5, 0.7, -0.3};
        int[][] groups = OverlapGroups.of(theta);
        double[] merged = OverlapGroups.merge(theta, groups);
        assertArrayEquals(new double[] {1.5, 2.0, 0.8, 0.7}, merged, 1e-15);
        for (double x : new double[] {-1.7, 0.2, 2.4}) assertEquals(Mlp.eval(theta, x), Mlp.eval(merged, x), 1e-15);
    }
}
