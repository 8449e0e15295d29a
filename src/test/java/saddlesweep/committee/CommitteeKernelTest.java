package saddlesweep.committee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import saddlesweep.model.Vectors;

/**
 * The vector kernel against {@link CommitteeLoss}'s analytic sums (Math.tanh): gradients at points with small and
 * large weights, N not a multiple of the lane count (padding), d = 1, 3 and 16; and GD's iterates over 5000 steps.
 */
class CommitteeKernelTest {

    @Test
    void itsGradientIsTheAnalyticOne() {
        for (int d : new int[] {1, 3, 16}) {
            double[] teacher = new double[2 * (d + 1)];
            teacher[0] = 1;
            teacher[d - 1 + (d > 1 ? 1 : 0)] = 0.5;
            teacher[2 * d] = 1;
            teacher[2 * d + 1] = -0.7;
            CommitteeData data = CommitteeData.generate(teacher, d, 37, 0.01, 1.3, 5);
            CommitteeLoss loss = new CommitteeLoss(data);
            CommitteeKernel kernel = new CommitteeKernel(data);
            java.util.Random rng = new java.util.Random(d);
            for (double scale : new double[] {1e-3, 0.5, 8}) {
                double[] theta = new double[3 * (d + 1)];
                for (int i = 0; i < theta.length; i++) theta[i] = scale * rng.nextGaussian();
                double[] a = new double[theta.length];
                double[] b = new double[theta.length];
                double la = loss.gradient(theta, a);
                double lb = kernel.lossAndGradient(theta, b);
                assertEquals(la, lb, 1e-14 * la, "L_N at d=" + d + " scale " + scale);
                double norm = Vectors.norm(a);
                for (int i = 0; i < a.length; i++) assertEquals(a[i], b[i], 1e-13 * norm, "∂L/∂θ_" + i + " at d=" + d);
            }
        }
    }

    @Test
    void gdOnTheKernelFollowsGdOnTheAnalyticGradient() {
        double[] teacher = {1, 0, 0, 0, 1, 0, 1, 1};
        CommitteeData data = CommitteeData.generate(teacher, 3, 50, 0.01, 1, 9);
        CommitteeLoss loss = new CommitteeLoss(data);
        CommitteeKernel kernel = new CommitteeKernel(data);
        double[] a = {0.1, -0.2, 0.05, 0.3, 0.1, -0.1, 0.2, 0.1};
        double[] b = a.clone();
        double[] g = new double[a.length];
        for (int s = 0; s < 5000; s++) {
            loss.gradient(a, g);
            for (int i = 0; i < a.length; i++) a[i] -= 0.2 * g[i];
            kernel.lossAndGradient(b, g);
            for (int i = 0; i < b.length; i++) b[i] -= 0.2 * g[i];
        }
        double rel = Vectors.distance(a, b) / Vectors.norm(a);
        assertTrue(Vectors.distance(a, new double[] {0.1, -0.2, 0.05, 0.3, 0.1, -0.1, 0.2, 0.1}) > 0.5, "it moved");
        assertTrue(rel < 1e-12, "kernel vs analytic GD after 5000 steps: " + rel);
    }
}
