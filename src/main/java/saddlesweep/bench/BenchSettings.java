package saddlesweep.bench;

import java.util.List;

/**
 * How long and how often a kernel is timed.
 *
 * @param sizes       data set sizes N
 * @param hidden      widths H
 * @param reps        timed repetitions per (kernel, N, H); the median is reported
 * @param repMillis   minimum length of one repetition (steps are added until it is reached)
 * @param warmupMillis untimed GD steps before the repetitions (JIT compilation)
 * @param cpuClock    time with the thread's CPU clock instead of the wall clock (robust on a shared machine:
 *                    time spent descheduled is not counted)
 */
public record BenchSettings(List<Integer> sizes, List<Integer> hidden, int reps, long repMillis, long warmupMillis,
                            boolean cpuClock) {

    public BenchSettings {
        sizes = List.copyOf(sizes);
        hidden = List.copyOf(hidden);
        if (sizes.isEmpty() || hidden.isEmpty()) throw new IllegalArgumentException("need at least one N and one H");
        for (int n : sizes) if (n < 1) throw new IllegalArgumentException("N must be >= 1, got " + n);
        for (int h : hidden) if (h < 1) throw new IllegalArgumentException("H must be >= 1, got " + h);
        if (reps < 1) throw new IllegalArgumentException("reps must be >= 1, got " + reps);
        if (repMillis < 1 || warmupMillis < 0) throw new IllegalArgumentException("bad repetition or warm-up time");
    }

    /** The full run: N ∈ {100, 1000, 10000}, H ∈ {1, 2, 4, 8}, 5 repetitions of ≥ 50 ms after 300 ms warm-up. */
    public static BenchSettings full() {
        return new BenchSettings(List.of(100, 1000, 10000), List.of(1, 2, 4, 8), 5, 50, 300, false);
    }

    /** A few seconds: N ∈ {100, 1000}, H ∈ {1, 4}, 3 repetitions of ≥ 10 ms after 100 ms warm-up. */
    public static BenchSettings quick() {
        return new BenchSettings(List.of(100, 1000), List.of(1, 4), 3, 10, 100, false);
    }
}
