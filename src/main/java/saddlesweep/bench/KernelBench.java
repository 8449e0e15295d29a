package saddlesweep.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Function;
import java.util.function.LongConsumer;

import saddlesweep.model.DataSet;
import saddlesweep.train.GradientKernel;

/**
 * Times full-batch GD steps θ ← θ − η ∇L_N(θ) with one kernel: warm-up, then repetitions that each run
 * batches of steps until they last at least {@code repMillis} (wall clock, or the thread's CPU clock);
 * reports ns per sample·unit·step.
 */
public final class KernelBench {

    /** Keeps the JIT from dropping the loss. */
    private static volatile double sink;

    private KernelBench() {
    }

    public static KernelTiming time(String name, Function<DataSet, GradientKernel> factory, int n, int hidden,
                                    BenchSettings s) {
        GradientKernel kernel = factory.apply(BenchProblem.data(n));
        double[] theta = BenchProblem.start(hidden);
        double[] grad = new double[theta.length];
        long batch = Math.max(1, 200_000L / ((long) n * hidden));   // ~0.2–5 ms per batch
        return repeat(name, n, hidden, 1, batch, s,
                () -> System.arraycopy(BenchProblem.start(hidden), 0, theta, 0, theta.length),
                count -> steps(kernel, theta, grad, count));
    }

    /**
     * Warm-up, then {@code s.reps()} repetitions, each from {@code restart} (so that every repetition times the
     * same stretch of the run) and running batches of {@code batch} steps until it lasts {@code s.repMillis()};
     * a figure is the repetition's time over (steps · runs · N · H).
     */
    static KernelTiming repeat(String name, int n, int hidden, int runs, long batch, BenchSettings s,
                               Runnable restart, LongConsumer steps) {
        restart.run();
        long until = System.nanoTime() + s.warmupMillis() * 1_000_000L;
        while (System.nanoTime() < until) steps.accept(batch);
        double[] ns = new double[s.reps()];
        long[] counts = new long[s.reps()];
        for (int r = 0; r < s.reps(); r++) {
            restart.run();
            long t0 = now(s.cpuClock());
            long done = 0;
            long elapsed;
            do {
                steps.accept(batch);
                done += batch;
                elapsed = now(s.cpuClock()) - t0;
            } while (elapsed < s.repMillis() * 1_000_000L);
            ns[r] = (double) elapsed / ((double) done * runs * n * hidden);
            counts[r] = done;
        }
        return new KernelTiming(name, n, hidden, ns, counts);
    }

    /** Nanoseconds of the wall clock, or of this thread's CPU time. */
    static long now(boolean cpu) {
        return cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** {@code count} GD steps in place. */
    static void steps(GradientKernel kernel, double[] theta, double[] grad, long count) {
        double loss = 0;
        for (long s = 0; s < count; s++) {
            loss += kernel.lossAndGradient(theta, grad);
            for (int k = 0; k < theta.length; k++) theta[k] -= BenchProblem.ETA * grad[k];   // θ ← θ − η ∇L_N
        }
        sink = loss;
    }
}
