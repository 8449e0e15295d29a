package saddlesweep.train;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import saddlesweep.model.DataSet;
import saddlesweep.model.Teacher;

/**
 * {@link VectorKernel} against its plain-Java twin (same bits), the {@link ScalarKernel} reference (per call
 * within 1e-14 of the summands' size), its own finite differences, and itself (deterministic).
 */
class VectorKernelTest {

    static final int[] SIZES = {1, 2, 3, 7, 8, 9, 17, 100, 1000, 1001};
    static final int[] WIDTHS = {1, 2, 3, 8};
    static final Teacher TEACHER = new Teacher(new double[]{0.5, 3}, new double[]{1, 1});

    static DataSet data(int n, long seed) {
        return DataSet.generate(TEACHER, n, 0.01, 1.0, seed);
    }

    /** A θ of realistic size: w ~ N(0, 1.5²), v ~ N(0, 1). */
    static double[] theta(int h, long seed) {
        Random rnd = new Random(seed);
        double[] t = new double[2 * h];
        for (int i = 0; i < h; i++) t[i] = 1.5 * rnd.nextGaussian();
        for (int i = 0; i < h; i++) t[h + i] = rnd.nextGaussian();
        return t;
    }

    static long[] bits(double loss, double[] grad) {
        long[] b = new long[grad.length + 1];
        b[0] = Double.doubleToRawLongBits(loss);
        for (int k = 0; k < grad.length; k++) b[k + 1] = Double.doubleToRawLongBits(grad[k]);
        return b;
    }

    static long[] call(GradientKernel k, double[] theta) {
        double[] g = new double[theta.length];
        double loss = k.lossAndGradient(theta, g);
        return bits(loss, g);
    }

    @Test
    void sameBitsAsTheTwin() {
        for (int n : SIZES) {
            DataSet d = data(n, n);
            VectorKernel v = new VectorKernel(d);
            VectorKernelTwin t = new VectorKernelTwin(d);
            assertEquals(n, v.samples());
            for (int h : WIDTHS) {
                for (long s = 0; s < 3; s++) {
                    double[] th = theta(h, 31 * s + h);
                    assertArrayEquals(call(t, th), call(v, th), "N=" + n + " H=" + h + " seed " + s);
                }
            }
        }
    }

    @Test
    void agreesWithScalarKernelPerCall() {
        double worstLoss = 0;
        double worstGrad = 0;
        for (int n : SIZES) {
            DataSet d = data(n, 100 + n);
            VectorKernel v = new VectorKernel(d);
            ScalarKernel sk = new ScalarKernel(d);
            for (int h : WIDTHS) {
                for (long s = 0; s < 4; s++) {
                    double[] th = theta(h, 7 * s + h);
                    double[] gv = new double[2 * h];
                    double[] gs = new double[2 * h];
                    double lv = v.lossAndGradient(th, gv);
                    double ls = sk.lossAndGradient(th, gs);
                    double relLoss = Math.abs(lv - ls) / ls;
                    worstLoss = Math.max(worstLoss, relLoss);
                    assertTrue(relLoss <= 1e-14, "loss N=" + n + " H=" + h + ": " + lv + " vs " + ls);
                    double[] scale = summandScale(d, th);
                    for (int k = 0; k < 2 * h; k++) {
                        double rel = Math.abs(gv[k] - gs[k]) / scale[k];
                        worstGrad = Math.max(worstGrad, rel);
                        assertTrue(rel <= 1e-14, "grad[" + k + "] N=" + n + " H=" + h + ": " + gv[k] + " vs " + gs[k]);
                    }
                }
            }
        }
        System.out.printf("vector vs scalar per call: loss %.2e relative, gradient %.2e of the summands' size%n",
                worstLoss, worstGrad);
    }

    /**
     * The size against which each gradient component's rounding is measured: (1/N) Σ_n |r t_i| for ∂/∂v_i and
     * (1/N) Σ_n |r v_i x| for ∂/∂w_i (1 − t² is computed from a rounded t in both kernels, so it carries an
     * absolute, not a relative, error of a few ulp).
     */
    static double[] summandScale(DataSet d, double[] th) {
        int h = th.length / 2;
        double[] s = new double[2 * h];
        double[] x = d.x();
        for (int n = 0; n < x.length; n++) {
            double f = 0;
            for (int i = 0; i < h; i++) f += th[h + i] * Math.tanh(th[i] * x[n]);
            double r = Math.abs(f - d.y()[n]);
            for (int i = 0; i < h; i++) {
                double t = Math.tanh(th[i] * x[n]);
                s[h + i] += r * Math.abs(t);
                s[i] += r * Math.abs(th[h + i] * x[n]);
            }
        }
        for (int k = 0; k < s.length; k++) s[k] = s[k] / x.length + Double.MIN_NORMAL;
        return s;
    }

    @Test
    void gradientMatchesFiniteDifferencesOfItsOwnLoss() {
        for (int n : new int[]{3, 17, 1000}) {
            VectorKernel v = new VectorKernel(data(n, 5));
            for (int h : WIDTHS) {
                double[] th = theta(h, 11 + h);
                double[] g = new double[2 * h];
                v.lossAndGradient(th, g);
                double[] scratch = new double[2 * h];
                for (int k = 0; k < 2 * h; k++) {
                    double step = 1e-5 * Math.max(1, Math.abs(th[k]));
                    double[] p = th.clone();
                    p[k] += step;
                    double lp = v.lossAndGradient(p, scratch);
                    p[k] = th[k] - step;
                    double lm = v.lossAndGradient(p, scratch);
                    double fd = (lp - lm) / (2 * step);   // central difference, error O(step²)
                    assertEquals(fd, g[k], 1e-8 * Math.max(1, Math.abs(g[k])), "N=" + n + " H=" + h + " k=" + k);
                }
            }
        }
    }

    @Test
    void deterministicAcrossCallsCopiesAndThreads() throws Exception {
        DataSet d = data(1001, 9);
        double[] th = theta(3, 4);
        VectorKernel a = new VectorKernel(d);
        long[] first = call(a, th);   // the very first call: most likely interpreted
        for (int i = 0; i < 20_000; i++) a.lossAndGradient(th, new double[6]);   // let C2 compile
        assertArrayEquals(first, call(a, th), "first call vs compiled call");
        assertArrayEquals(first, call(new VectorKernel(new DataSet(d.x().clone(), d.y().clone())), th.clone()), "copy");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<long[]> f1 = pool.submit(() -> call(new VectorKernel(d), th));
            Future<long[]> f2 = pool.submit(() -> call(new VectorKernel(d), th));
            assertArrayEquals(first, f1.get(), "thread 1");
            assertArrayEquals(first, f2.get(), "thread 2");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void reusesScratchWhenTheWidthChanges() {
        VectorKernel v = new VectorKernel(data(17, 3));
        VectorKernelTwin t = new VectorKernelTwin(data(17, 3));
        for (int h : new int[]{2, 5, 1, 5}) {
            double[] th = theta(h, h);
            assertArrayEquals(call(t, th), call(v, th), "H=" + h);
        }
    }

    @Test
    void nonFiniteThetaGivesNonFiniteLoss() {
        VectorKernel v = new VectorKernel(data(5, 3));
        double[] g = new double[2];
        assertTrue(Double.isNaN(v.lossAndGradient(new double[]{Double.NaN, 1}, g)));
        assertFalse(Double.isFinite(v.lossAndGradient(new double[]{1, Double.POSITIVE_INFINITY}, g)));
        assertTrue(Double.isNaN(v.lossAndGradient(new double[]{Double.POSITIVE_INFINITY, 1}, g)));
    }
}
