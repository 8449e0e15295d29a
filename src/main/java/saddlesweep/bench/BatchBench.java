package saddlesweep.bench;

import saddlesweep.train.BatchKernel;

/**
 * Times GD steps of R runs of one data set advanced together by {@link BatchKernel} (call + each run's update
 * θ ← θ − η ∇L_N): warm-up, then repetitions ({@link KernelBench#repeat}); reports ns per sample·unit·step of one
 * run, i.e. the repetition's time over (R · steps · N · H). The runs start at the bench start scaled by
 * 1, 1.01, 1.02, … (distinct runs of the same data).
 */
public final class BatchBench {

    /** Keeps the JIT from dropping the losses. */
    private static volatile double sink;

    private BatchBench() {
    }

    public static KernelTiming time(int n, int hidden, int runs, BenchSettings s) {
        BatchKernel kernel = new BatchKernel(BenchProblem.data(n));
        BatchKernel.Member[] members = new BatchKernel.Member[runs];
        for (int r = 0; r < runs; r++) members[r] = kernel.member(hidden);
        long batch = Math.max(1, 200_000L / ((long) n * hidden * runs));
        return KernelBench.repeat("batch" + runs, n, hidden, runs, batch, s, () -> start(members),
                count -> steps(kernel, members, count));
    }

    private static void start(BatchKernel.Member[] members) {
        for (int r = 0; r < members.length; r++) {
            double[] th = BenchProblem.start(members[r].theta().length / 2);
            for (int k = 0; k < th.length; k++) members[r].theta()[k] = th[k] * (1 + 0.01 * r);
        }
    }

    /** {@code count} GD steps of every member, in place. */
    static void steps(BatchKernel kernel, BatchKernel.Member[] members, long count) {
        double loss = 0;
        for (long s = 0; s < count; s++) {
            kernel.lossAndGradient(members, members.length);
            for (BatchKernel.Member m : members) {
                double[] th = m.theta();
                double[] g = m.gradient();
                for (int k = 0; k < th.length; k++) th[k] -= BenchProblem.ETA * g[k];   // θ ← θ − η ∇L_N
                loss += m.loss();
            }
        }
        sink = loss;
    }
}
