package saddlesweep.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import saddlesweep.analysis.DampedNewton;
import saddlesweep.analysis.Spectrum;
import saddlesweep.model.DataSet;
import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Teacher;

/**
 * Embedded critical points against closed forms: the one-unit fit (w̄, v̄) of the data, found by Newton on its
 * own, embedded in H = 2 with the spare unit idle at the origin (its Hessian block [[0, a], [a, 0]],
 * a = mean(r·x), gives the escape eigenvalue −|a|) or merged on the overlap line.
 */
class EmbeddedCriticalPointsTest {

    private static final DataSet DATA = DataSet.generate(new Teacher(new double[] {1}, new double[] {1}), 100, 0.01, 1.0, 4);
    private static final SquaredLoss LOSS = SquaredLoss.empirical(DATA);

    /** The one-unit fit by damped Newton from (1, 1) and a = mean(r·x) of its residuals. */
    private static double[] oneUnitFit() {
        double[] p = new DampedNewton(LOSS, 200).minimise(new double[] {1, 1});
        assertTrue(LOSS.gradientNorm(p) < 1e-12);
        double a = 0;
        for (int n = 0; n < DATA.size(); n++) a += (p[1] * Math.tanh(p[0] * DATA.x()[n]) - DATA.y()[n]) * DATA.x()[n];
        return new double[] {p[0], p[1], a / DATA.size()};
    }

    @Test
    void reductionsAreThePartialPartitionsWithAtLeastOneAndFewerThanHGroups() {
        // partial partitions of h units = set partitions of h + 1 (Bell(h + 1)), less "all removed" and "none merged"
        assertEquals(3, EmbeddedCriticalPoints.reductions(2).size());
        assertEquals(15 - 2, EmbeddedCriticalPoints.reductions(3).size());
        assertEquals(52 - 2, EmbeddedCriticalPoints.reductions(4).size());
        Set<String> distinct = new HashSet<>();
        for (int[] l : EmbeddedCriticalPoints.reductions(4)) distinct.add(java.util.Arrays.toString(l));
        assertEquals(50, distinct.size());
        // beyond the full enumeration: h single removals and h(h−1)/2 single merges
        assertEquals(6 + 15, EmbeddedCriticalPoints.reductions(6).size());
    }

    @Test
    void theOneUnitFitWithAnIdleUnitIsASaddleWithEscapeEigenvalueMinusMeanRx() {
        double[] fit = oneUnitFit();
        // a point near the embedding: unit 1 near the fit, unit 2 small
        double[] theta = {fit[0] + 0.03, 0.02, fit[1] - 0.02, -0.01};
        List<double[]> found = new EmbeddedCriticalPoints(LOSS, 1e-10, 300).near(theta);
        double[] idle = found.stream().filter(e -> e[1] == 0 && e[3] == 0 && e[0] != 0).findFirst().orElseThrow();
        assertEquals(fit[0], idle[0], 1e-12);
        assertEquals(fit[1], idle[2], 1e-12);
        assertTrue(LOSS.gradientNorm(idle) <= 1e-10);
        Spectrum sp = Spectrum.of(LOSS.hessian(idle));
        assertEquals(-Math.abs(fit[2]), sp.min(), 1e-9 * (1 + Math.abs(fit[2])));
        assertEquals(1, sp.morseIndex(1e-7));
    }

    @Test
    void theOverlapEmbeddingKeepsTheRunsSplitAndTheIdleRootIsTheFitsOwnW() {
        double[] fit = oneUnitFit();
        double[] theta = {fit[0] - 0.01, fit[0] + 0.02, 0.4 * fit[1] + 0.01, 0.6 * fit[1]};
        EmbeddedCriticalPoints ecp = new EmbeddedCriticalPoints(LOSS, 1e-10, 300);
        double[] merged = ecp.embed(theta, new int[] {0, 0}, new double[] {fit[0], fit[1]}, false);
        assertEquals(fit[0], merged[0], 0);
        assertEquals(fit[0], merged[1], 0);
        assertEquals(fit[1], merged[2] + merged[3], 1e-12);
        // the nearest point of the critical line v_1 + v_2 = v̄ keeps the run's difference v_1 − v_2
        assertEquals(theta[2] - theta[3], merged[2] - merged[3], 1e-12);
        assertTrue(LOSS.gradientNorm(merged) <= 1e-10, "the whole overlap line is critical");
        // the idle root: r = tanh(2x) − αx with α such that φ(w) = mean(r tanh(w x)) vanishes at w = 1 (a simple root)
        double num = 0;
        double den = 0;
        for (int n = 0; n < DATA.size(); n++) {
            double x = DATA.x()[n];
            num += Math.tanh(2 * x) * Math.tanh(x);
            den += x * Math.tanh(x);
        }
        double alpha = num / den;
        double[] r = new double[DATA.size()];
        for (int n = 0; n < r.length; n++) r[n] = Math.tanh(2 * DATA.x()[n]) - alpha * DATA.x()[n];
        assertEquals(1.0, ecp.idleRoot(r, 1.1), 1e-12);
        // at the fit itself φ(w̄) = ∂L/∂v = 0: the idle unit (w̄, 0) is critical (a double root: φ'(w̄) ∝ ∂L/∂w = 0)
        double[] atRoot = ecp.embed(new double[] {fit[0], fit[0] + 0.05, fit[1], 0.01}, new int[] {0, -1},
                new double[] {fit[0], fit[1]}, true);
        assertEquals(fit[0], atRoot[1], 1e-6);
        assertEquals(0.0, atRoot[3], 0);
        assertTrue(LOSS.gradientNorm(atRoot) <= 1e-10);
    }
}
