package saddlesweep.train;

import java.lang.management.ManagementFactory;

import saddlesweep.model.DataSet;
import saddlesweep.model.Teacher;
import saddlesweep.run.InitialPoint;

/**
 * The child JVM of {@link KernelAllocationTest}: warms the default kernel with the profile of a sweep's executor
 * (every H from 1 to 5, tanh taken directly and updated, small and large steps, the direct kernel), then prints,
 * for H = 1, 2, 3 at N = 50, the bytes GD allocates per step once C2's code is in ("H 2 0"). It waits up to 20 s
 * per H for a count of 0.
 */
public final class KernelAllocationProbe {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private KernelAllocationProbe() {
    }

    static void gd(GradientKernel k, double[] theta, double eta, int steps) {
        double[] g = new double[theta.length];
        for (int s = 0; s < steps; s++) {
            k.lossAndGradient(theta, g);
            for (int i = 0; i < theta.length; i++) theta[i] -= eta * g[i];
        }
    }

    public static void main(String[] args) throws InterruptedException {
        DataSet data = DataSet.generate(new Teacher(new double[]{1.2, -0.4}, new double[]{0.9, 0.6}), 50, 0.1, 1.0, 3);
        for (int round = 0; round < 3; round++) {  // every path hot before C2 compiles it
            for (int h = 1; h <= 5; h++) {
                gd(new VectorKernel(data), InitialPoint.draw(h, 0.5, h), 0.05, 4_000);
                gd(new VectorKernel(data), InitialPoint.draw(h, 0.5, h + 10), 2.5, 2_000);   // large steps: direct tanh
                gd(new VectorKernel(data, 1), InitialPoint.draw(h, 0.5, h + 20), 0.05, 2_000);
            }
        }
        for (int h = 1; h <= 3; h++) {
            VectorKernel k = new VectorKernel(data);
            double[] theta = InitialPoint.draw(h, 0.1, 7);
            long perStep = Long.MAX_VALUE;
            long until = System.nanoTime() + 20_000_000_000L;
            while (perStep > 0 && System.nanoTime() < until) {     // until C2's code is installed
                gd(k, theta, 0.05, 20_000);
                long before = THREADS.getCurrentThreadAllocatedBytes();
                gd(k, theta, 0.05, 10_000);
                perStep = (THREADS.getCurrentThreadAllocatedBytes() - before) / 10_000;
                if (perStep > 0) Thread.sleep(100);
            }
            System.out.println("H " + h + " " + perStep);
        }
    }
}
