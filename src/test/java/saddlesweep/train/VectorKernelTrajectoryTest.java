package saddlesweep.train;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import saddlesweep.model.DataSet;
import saddlesweep.model.Teacher;
import saddlesweep.run.InitialPoint;

/**
 * 10^4 steps of gradient descent (η = 0.05) from a small random init, through the first plateau: the
 * {@link VectorKernel} path (tanh updated by the addition formula, refreshed every K steps) stays within 1e-12
 * (relative, max-norm) of the {@link ScalarKernel} ({@code Math.tanh}) path; over 10^6 steps, to convergence,
 * within 1e-13 (measured: 8.2e-15 at most, 3.8e-15 at the end; the direct-tanh kernel: 2.9e-15, 2.3e-15).
 */
class VectorKernelTrajectoryTest {

    static final double ETA = 0.05;
    static final int STEPS = 10_000;

    record Case(Teacher teacher, int n, int h, long dataSeed, long initSeed) {
    }

    static final Case[] CASES = {
            new Case(new Teacher(new double[]{1}, new double[]{1}), 100, 2, 1, 1),
            new Case(new Teacher(new double[]{0.5, 3}, new double[]{1, 1}), 17, 3, 2, 2),
            new Case(new Teacher(new double[]{0.5, 3}, new double[]{1, 1}), 1000, 2, 3, 3),
            new Case(new Teacher(new double[]{1, 4}, new double[]{2, -1}), 333, 8, 4, 4),
    };

    @Test
    void vectorTrajectoryMatchesScalarTrajectory() {
        double worst = 0;
        for (Case c : CASES) {
            DataSet d = DataSet.generate(c.teacher, c.n, 0.01, 1.0, c.dataSeed);
            double[] a = InitialPoint.draw(c.h, 0.1, c.initSeed);
            double[] b = a.clone();
            GradientKernel vk = new VectorKernel(d);
            GradientKernel sk = new ScalarKernel(d);
            double[] ga = new double[a.length];
            double[] gb = new double[b.length];
            double lossA = 0;
            double lossB = 0;
            double caseWorst = 0;
            for (int s = 1; s <= STEPS; s++) {
                lossA = vk.lossAndGradient(a, ga);
                lossB = sk.lossAndGradient(b, gb);
                for (int k = 0; k < a.length; k++) {
                    a[k] -= ETA * ga[k];   // θ ← θ − η ∇L_N
                    b[k] -= ETA * gb[k];
                }
                if (s % 500 == 0) caseWorst = Math.max(caseWorst, relMax(a, b));
            }
            System.out.printf("N=%d H=%d: max relative θ difference %.2e over %d steps, loss %.6e vs %.6e%n",
                    c.n, c.h, caseWorst, STEPS, lossA, lossB);
            assertTrue(caseWorst <= 1e-12, "N=" + c.n + " H=" + c.h + ": " + caseWorst);
            assertEquals(lossB, lossA, 1e-12 * lossB);
            worst = Math.max(worst, caseWorst);
        }
        System.out.printf("worst %.2e%n", worst);
    }

    @Test
    void aMillionStepsStayOnTheMathTanhPath() {
        for (Case c : new Case[]{CASES[0], CASES[1]}) {
            DataSet d = DataSet.generate(c.teacher, c.n, 0.01, 1.0, c.dataSeed);
            double[] a = InitialPoint.draw(c.h, 0.1, c.initSeed);
            double[] b = a.clone();
            VectorKernel vk = new VectorKernel(d);
            GradientKernel sk = new ScalarKernel(d);
            double[] ga = new double[a.length];
            double[] gb = new double[b.length];
            double worst = 0;
            for (int s = 1; s <= 1_000_000; s++) {
                vk.lossAndGradient(a, ga);
                sk.lossAndGradient(b, gb);
                for (int k = 0; k < a.length; k++) {
                    a[k] -= ETA * ga[k];
                    b[k] -= ETA * gb[k];
                }
                if (s % 1000 == 0) worst = Math.max(worst, relMax(a, b));
            }
            long up = vk.refresh().updates();
            long direct = vk.refresh().directs();
            System.out.printf("N=%d H=%d: 10^6 steps, max relative θ difference %.2e (at the end %.2e); %.1f %% of unit-steps updated%n",
                    c.n, c.h, worst, relMax(a, b), 100.0 * up / (up + direct));
            assertTrue(worst <= 1e-13, "N=" + c.n + " H=" + c.h + ": " + worst);
            assertTrue(up > 0.9 * (up + direct), "the update path is the one tested: " + up + " vs " + direct);
        }
    }

    /** max_k |a_k − b_k| / max_k |b_k|. */
    static double relMax(double[] a, double[] b) {
        double d = 0;
        double m = 0;
        for (int k = 0; k < a.length; k++) {
            d = Math.max(d, Math.abs(a[k] - b[k]));
            m = Math.max(m, Math.abs(b[k]));
        }
        return d / m;
    }
}
