package saddlesweep.flowfate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import saddlesweep.model.ClosureNetwork;
import saddlesweep.model.DataSet;
import saddlesweep.model.FiniteDifferences;
import saddlesweep.model.Mlp;
import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Teacher;

/** Points on the singular sets reduced: eliminated units removed, overlapping ones merged, the same function; and the limit of the reduced model. */
class ReducedNetworkTest {

    private static final double TOL = 1e-4;

    @Test
    void eliminatedUnitsGoAndOverlappingUnitsMergeWithTheSameFunction() {
        // unit 1: v = 0; unit 3: w = 0; units 0 and 2: |w| equal, unit 2 flipped
        double[] theta = {1.2, 0.7, -1.2, 5e-5, 0.9, 3e-5, 0.4, 2.0};
        double[] r = ReducedNetwork.of(theta, TOL);
        assertArrayEquals(new double[] {1.2, 0.9 - 0.4}, r, 1e-15);
        for (double x : new double[] {-2.0, -0.3, 0.6, 1.9}) assertEquals(Mlp.eval(theta, x), Mlp.eval(r, x), 2.5e-4);
        // beyond the tolerance nothing reduces; below it everything can go
        assertNull(ReducedNetwork.of(new double[] {1.2, 0.7, 0.9, 2e-4}, TOL));
        assertEquals(0, ReducedNetwork.of(new double[] {1e-5, 0.7, 0.9, 0.0}, TOL).length);
    }

    @Test
    void theLimitOfAnEliminatedUnitIsTheNarrowerNetworksMinimum() {
        SquaredLoss loss = SquaredLoss.empirical(DataSet.generate(new Teacher(new double[] {1.0}, new double[] {1.0}), 60, 0.01, 1.0, 5));
        ClosureMinimiser min = new ClosureMinimiser(loss, 1e-7);
        ClosureNetwork limit = ReducedNetwork.limit(new double[] {1.1, 0.4, 0.95, 0.0}, TOL, min);
        assertEquals("tanh", limit.label());
        for (double g : FiniteDifferences.gradient(loss::value, limit.params(), 1e-4)) assertEquals(0.0, g, 1e-9);
        // off the singular sets the limit is the point itself, as a network of its own width
        double[] off = {1.1, 0.4, 0.95, 0.3};
        assertArrayEquals(ClosureNetwork.ofMlp(off).params(), ReducedNetwork.limit(off, TOL, min).params());
    }
}
