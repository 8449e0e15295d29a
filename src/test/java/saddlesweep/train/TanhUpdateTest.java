package saddlesweep.train;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.util.Random;

import org.junit.jupiter.api.Test;
import saddlesweep.model.DataSet;
import saddlesweep.model.Teacher;
import saddlesweep.run.InitialPoint;

/**
 * The addition-formula update of tanh (KernelTanh.addStep, VectorTanh.addStep) and its schedule (TanhRefresh):
 * accuracy of one update against a 60-digit reference, the same bits in every lane and in the twin kernel
 * along a trajectory, and the schedule (updates taken, direct evaluations every K calls and for large steps).
 */
class TanhUpdateTest {

    /** |tanh(a + b)| exactly, signed, for doubles a and b (the sum is exact in BigDecimal). */
    static BigDecimal exact(double a, double b) {
        BigDecimal s = new BigDecimal(a).add(new BigDecimal(b));
        if (s.signum() == 0) return BigDecimal.ZERO;
        BigDecimal t = VectorKernelTanhTest.exactTanh(s.abs());
        return s.signum() < 0 ? t.negate() : t;
    }

    /** Error of addStep(t, b), t = tanh(a) rounded correctly, in ulps of max(|t|, |tanh(a + b)|). */
    static double error(double a, double b) {
        double t = VectorKernelTanhTest.exactTanh(Math.abs(a)).doubleValue() * Math.signum(a);
        BigDecimal ex = exact(a, b);
        double scale = Math.max(Math.abs(t), Math.abs(ex.doubleValue()));
        return new BigDecimal(KernelTanh.addStep(t, b)).subtract(ex).abs().doubleValue() / Math.ulp(scale);
    }

    @Test
    void oneUpdateIsWithinThreeUlpOfTheExactTanh() {
        Random rnd = new Random(12);
        double worst = 0;
        double sum = 0;
        int count = 6_000;
        for (int i = 0; i < count; i++) {
            double a = (rnd.nextDouble() * 2 - 1) * (i % 2 == 0 ? 6 : 0.5);
            double mag = Math.pow(10, -12 + 12 * rnd.nextDouble()) * TanhRefresh.STEP_BOUND;   // 1e-12·B .. B
            double b = (rnd.nextBoolean() ? 1 : -1) * Math.min(mag, TanhRefresh.STEP_BOUND);
            if (a == 0) continue;
            double e = error(a, b);
            worst = Math.max(worst, e);
            sum += e;
        }
        System.out.printf("addStep: max %.2f ulp, mean %.2f ulp (of max(|t|, |result|)) over %d cases%n", worst, sum / count, count);
        assertTrue(worst <= 3.0, "worst " + worst);
    }

    /** In a child JVM: lane-width checks leave C2 profiles that make the kernels box (see {@link ChildJvm}). */
    @Test
    void vectorLanesHaveTheBitsOfTheScalarUpdate() throws Exception {
        if (!Kernels.vectorApiPresent()) return;
        assertTrue(ChildJvm.run(LaneWidthProbe.class, "addStep").contains("ok"));
    }

    /** GD from a small init: the vector kernel and its twin give the same bits at every step, updates included. */
    @Test
    void vectorKernelAndTwinAgreeBitForBitAlongATrajectory() {
        Teacher teacher = new Teacher(new double[]{0.5, 3}, new double[]{1, 1});
        for (int[] c : new int[][]{{100, 2}, {17, 3}, {1001, 1}, {64, 8}}) {
            DataSet d = DataSet.generate(teacher, c[0], 0.01, 1.0, c[0]);
            double[] a = InitialPoint.draw(c[1], 0.1, c[1]);
            double[] b = a.clone();
            VectorKernel vk = new VectorKernel(d);
            VectorKernelTwin tk = new VectorKernelTwin(d);
            double[] ga = new double[a.length];
            double[] gb = new double[b.length];
            for (int s = 0; s < 3000; s++) {
                long la = Double.doubleToRawLongBits(vk.lossAndGradient(a, ga));
                long lb = Double.doubleToRawLongBits(tk.lossAndGradient(b, gb));
                assertEquals(lb, la, "loss, N=" + c[0] + " H=" + c[1] + " step " + s);
                for (int k = 0; k < a.length; k++) {
                    assertEquals(Double.doubleToRawLongBits(gb[k]), Double.doubleToRawLongBits(ga[k]), "gradient " + k + " step " + s);
                    a[k] -= 0.05 * ga[k];
                    b[k] -= 0.05 * gb[k];
                }
            }
            assertTrue(vk.refresh().updates() > 0.8 * (vk.refresh().updates() + vk.refresh().directs()),
                    "mostly updates: " + vk.refresh().updates() + " vs " + vk.refresh().directs());
            assertEquals(tk.refresh().updates(), vk.refresh().updates());
        }
    }

    @Test
    void scheduleTakesEveryUnitDirectlyEveryKthCallAndForLargeSteps() {
        TanhRefresh r = new TanhRefresh(4, new double[]{-2, 1, 0.5});   // max |x| = 2
        assertTrue(r.start(2), "first call");
        assertTrue(Double.isNaN(r.delta(0, 1.0, true)));
        assertTrue(Double.isNaN(r.delta(1, 1.0, true)));
        for (int call = 1; call < 4; call++) {
            assertFalse(r.start(2), "call " + call);
            assertEquals(1e-3, r.delta(0, 1.0 + call * 1e-3, false), 1e-15);   // small step (|b| = 0.002): updated
            assertTrue(Double.isNaN(r.delta(1, 1.0 + call, false)), "a step of 1 (|b| = 2) is too large");
        }
        assertTrue(r.start(2), "every 4th call");
        r.delta(0, 1, true);
        r.delta(1, 1, true);
        assertFalse(r.start(2));
        assertTrue(Double.isNaN(r.delta(0, Double.NaN, false)), "non-finite w");
        assertTrue(r.start(3), "a new width");
        assertEquals(3, r.updates());
        assertEquals(2 + 3 + 2 + 1, r.directs());
        TanhRefresh edge = new TanhRefresh(100, new double[]{2});
        edge.start(1);
        edge.delta(0, 0, true);
        edge.start(1);
        assertFalse(Double.isNaN(edge.delta(0, TanhRefresh.STEP_BOUND / 2, false)), "|b| = B is updated");
        edge.start(1);
        assertTrue(Double.isNaN(edge.delta(0, TanhRefresh.STEP_BOUND + 1e-9, false)), "Δw = B/2 + 1e-9: |b| > B");
    }

    @Test
    void directKernelNeverUpdates() {
        DataSet d = DataSet.generate(new Teacher(new double[]{1}, new double[]{1}), 50, 0.01, 1.0, 3);
        VectorKernel k = new VectorKernel(d, 1);
        double[] th = InitialPoint.draw(2, 0.1, 1);
        double[] g = new double[4];
        for (int s = 0; s < 100; s++) {
            k.lossAndGradient(th, g);
            for (int j = 0; j < 4; j++) th[j] -= 0.05 * g[j];
        }
        assertEquals(0, k.refresh().updates());
        assertEquals(200, k.refresh().directs());
    }
}
