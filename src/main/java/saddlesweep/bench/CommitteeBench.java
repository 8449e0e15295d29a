package saddlesweep.bench;

import java.io.PrintWriter;
import java.util.Locale;

import saddlesweep.committee.CommitteeData;
import saddlesweep.committee.CommitteeKernel;
import saddlesweep.committee.CommitteeLoss;
import saddlesweep.train.VectorKernel;

/**
 * GD steps of the committee machine in d dimensions: {@link CommitteeLoss}'s analytic loop (Math.tanh) and the
 * {@link CommitteeKernel}, timed as {@link KernelBench} times the scalar kernels ({@link KernelBench#repeat}), in ns
 * per sample·unit·step and per sample·unit·step·dim, beside the scalar {@link VectorKernel} (d = 1) of the same N, H.
 * The teacher: rows e_1 and e_2 (e_1 alone at d = 1), v* = (1, 1); θ_0 = 0.3 sin(i + 1) entry by entry.
 */
public final class CommitteeBench {

    /** The input dimensions timed. */
    static final int[] DIMS = {1, 4, 16};

    /** Keeps the JIT from dropping the loss. */
    private static volatile double sink;

    private CommitteeBench() {
    }

    /** Prints the table for every N and H of the settings. */
    public static void print(PrintWriter out, BenchSettings s) {
        out.printf("committee machine: GD step cost, ns per sample·unit·step (one thread; %s clock; median of %d)%n",
                s.cpuClock() ? "CPU" : "wall", s.reps());
        out.printf("%7s %3s %3s %10s %10s %14s %10s %16s%n", "N", "H", "d", "loop_ns", "kernel_ns", "kernel_ns/dim",
                "loop/kernel", "scalar_vector_ns");
        for (int n : s.sizes()) {
            for (int h : s.hidden()) {
                double scalar = KernelBench.time("vector", VectorKernel::new, n, h, s).median();
                for (int d : DIMS) {
                    double loop = time(n, h, d, false, s);
                    double kernel = time(n, h, d, true, s);
                    out.printf(Locale.ROOT, "%7d %3d %3d %10.3f %10.3f %14.3f %10.2f %16.3f%n", n, h, d, loop, kernel,
                            kernel / d, loop / kernel, scalar);
                }
            }
        }
        out.println("loop: CommitteeLoss.gradient (Math.tanh); kernel: CommitteeKernel (Vector API, KernelTanh's tanh at every "
                + "step); scalar_vector: the d = 1 VectorKernel (addition-formula tanh) on the scalar bench problem");
    }

    static double time(int n, int hidden, int dim, boolean kernel, BenchSettings s) {
        double[] teacher = new double[2 * (dim + 1)];
        teacher[0] = 1;
        if (dim > 1) teacher[dim + 1] = 1;
        teacher[2 * dim] = 1;
        teacher[2 * dim + 1] = 1;
        CommitteeData data = CommitteeData.generate(teacher, dim, n, 0.01, 1.0, 12345L);
        CommitteeLoss loss = new CommitteeLoss(data);
        CommitteeKernel k = new CommitteeKernel(data);
        double[] theta = start(hidden, dim);
        double[] grad = new double[theta.length];
        long batch = Math.max(1, 200_000L / ((long) n * hidden * dim));
        return KernelBench.repeat(kernel ? "kernel" : "loop", n, hidden, 1, batch, s,
                () -> System.arraycopy(start(hidden, dim), 0, theta, 0, theta.length), count -> {
                    double l = 0;
                    for (long step = 0; step < count; step++) {
                        l += kernel ? k.lossAndGradient(theta, grad) : loss.gradient(theta, grad);
                        for (int i = 0; i < theta.length; i++) theta[i] -= BenchProblem.ETA * grad[i];
                    }
                    sink = l;
                }).median();
    }

    private static double[] start(int hidden, int dim) {
        double[] t = new double[hidden * (dim + 1)];
        for (int i = 0; i < t.length; i++) t[i] = 0.3 * Math.sin(i + 1);
        return t;
    }
}
