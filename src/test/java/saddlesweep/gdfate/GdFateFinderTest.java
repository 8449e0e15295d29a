package saddlesweep.gdfate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import saddlesweep.analysis.CriticalPointSolver;
import saddlesweep.analysis.Spectrum;
import saddlesweep.model.DataSet;
import saddlesweep.model.PopulationExcess;
import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Teacher;
import saddlesweep.model.Vectors;
import saddlesweep.train.GdMap;
import saddlesweep.train.Kernels;

/**
 * GD at large η around an isolated minimum of a one-unit network, a case built for the flip and the period
 * doubling: teacher w* = v* = 1, inputs of standard deviation 0.5 (a stiff w direction), N = 100, σ² = 0.01.
 * The minimum θ° has η_flip = 2/λ_max. Below η_flip GD converges to θ° (a fixed point); above it, to a 2-cycle;
 * the 2-cycle's multiplier passes −1 near 1.3155·η_flip, where a 4-cycle takes over (period doubling).
 */
class GdFateFinderTest {

    private static final Teacher ONE = new Teacher(new double[] {1}, new double[] {1});
    private static final DataSet DATA = DataSet.generate(ONE, 100, 0.01, 0.5, 1);
    private static final SquaredLoss LOSS = SquaredLoss.empirical(DATA);
    private static final PopulationExcess POP = new PopulationExcess(ONE, 0.5);
    private static final double[] MINIMUM = new CriticalPointSolver(LOSS, 1e-14, 200).solve(new double[] {1.25, 0.87}).theta();
    private static final double ETA_FLIP = 2 / Spectrum.of(LOSS.hessian(MINIMUM)).values()[1];

    private static GdFate follow(double eta) {
        GdFateFinder f = new GdFateFinder(new GdMap(LOSS, eta), () -> Kernels.forData(DATA), POP::value, 1e9);
        return f.follow(new double[] {MINIMUM[0] + 1e-3, MINIMUM[1] - 1e-3}, 0);
    }

    @Test
    void belowTheFlipGdConvergesToTheMinimum() {
        assertTrue(LOSS.gradientNorm(MINIMUM) < 1e-13);
        GdFate f = follow(0.9 * ETA_FLIP);
        assertEquals("fixed_point", f.label());
        assertTrue(f.certified());
        assertTrue(Vectors.distance(f.cycle().points()[0], MINIMUM) < 1e-12, "fixed point " + Vectors.distance(f.cycle().points()[0], MINIMUM) + " from θ°");
        // multipliers 1 − ηλ_i of the fixed point
        double[] lam = Spectrum.of(LOSS.hessian(MINIMUM)).values();
        double[] mu = f.cycle().multipliers().moduli();      // descending: the soft direction's first
        assertEquals(Math.abs(1 - 0.9 * ETA_FLIP * lam[0]), mu[0], 1e-9);
        assertEquals(Math.abs(1 - 0.9 * ETA_FLIP * lam[1]), mu[1], 1e-9);
        assertEquals(f.meanTrainLoss(), LOSS.value(MINIMUM), 1e-15);
    }

    @Test
    void aboveTheFlipA2CycleAroundTheMinimumThenPeriodDoubling() {
        GdFate two = follow(1.31 * ETA_FLIP);
        assertEquals("period_2", two.label());
        assertTrue(two.certified());
        Cycle c2 = two.cycle();
        // GD's time average sits at the edge of stability
        assertEquals(2.0, two.sharpness(), 0.2);
        // just before the doubling: a real multiplier close to −1, inside the unit circle
        Multipliers m2 = c2.multipliers();
        double mostNegative = 0;
        for (int k = 0; k < 2; k++) if (m2.imag()[k] == 0) mostNegative = Math.min(mostNegative, m2.real()[k]);
        assertTrue(mostNegative < -0.9 && mostNegative > -1, "2-cycle multiplier " + mostNegative);

        GdFate four = follow(1.33 * ETA_FLIP);
        assertEquals("period_4", four.label());
        assertTrue(four.certified());
        // born from the 2-cycle: p_0, p_2 and p_1, p_3 lie near one point each, at either side of θ°
        double[][] p = four.cycle().points();
        assertTrue(Vectors.distance(p[0], p[2]) < 0.5 * Vectors.distance(p[0], p[1]));
        assertTrue(Vectors.distance(p[1], p[3]) < 0.5 * Vectors.distance(p[0], p[1]));
        assertTrue(four.cycle().multipliers().stable());
    }

    @Test
    void multipliersAgainstAFiniteDifferenceJacobianOfTheTwoStepMap() {
        double eta = 1.2 * ETA_FLIP;
        GdFate f = follow(eta);
        assertEquals("period_2", f.label());
        GdMap map = new GdMap(LOSS, eta);
        double[] p = f.cycle().points()[0];
        DMatrixRMaj analytic = map.jacobianOfPower(map.iterates(p, 2), 2);
        double h = 1e-6;
        DMatrixRMaj fd = new DMatrixRMaj(2, 2);
        for (int j = 0; j < 2; j++) {
            double[] plus = p.clone();
            double[] minus = p.clone();
            plus[j] += h;
            minus[j] -= h;
            double[] gp = map.iterates(plus, 2)[2];
            double[] gm = map.iterates(minus, 2)[2];
            for (int i = 0; i < 2; i++) fd.set(i, j, (gp[i] - gm[i]) / (2 * h));
        }
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) assertEquals(fd.get(i, j), analytic.get(i, j), 1e-7 * (1 + Math.abs(fd.get(i, j))));
        }
        double[] fromFd = Multipliers.of(fd).moduli();
        double[] reported = f.cycle().multipliers().moduli();
        for (int k = 0; k < 2; k++) assertEquals(fromFd[k], reported[k], 1e-6);
        // a 2-cycle of G: G(G(p)) = p to rounding, G(p) ≠ p
        assertTrue(Vectors.distance(map.iterates(p, 2)[2], p) < 1e-14);
        assertTrue(Vectors.distance(map.apply(p), p) > 1e-3);
    }
}
