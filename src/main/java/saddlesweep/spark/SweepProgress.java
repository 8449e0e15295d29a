package saddlesweep.spark;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleSupplier;

import saddlesweep.train.RunStatus;
import saddlesweep.train.TrainingSettings;

/**
 * Console progress of a sweep: after each chunk {@code done/total}, rate, ETA and failures so far; at the end
 * the counts per status ({@link RunStatus}, in its order) and how busy the executor slots were. Rate and ETA
 * count only the runs computed by this driver (not resumed ones). Chunks committed before the statuses
 * {@code horizon} and {@code budget} existed count {@code max_steps}: they are counted as the one of the two
 * their job's runs were ({@link #oldMaxSteps}).
 *
 * <p>The ETA is computed from the cost of the tasks still to run, not their count: a task's cost is its step
 * budget N·H·max_steps (∝ the work of a run that uses it all), calibrated on the runs committed so far:
 * <pre>
 *   seconds per cost unit  s = Σ wall_ms / Σ cost       (committed runs of this driver)
 *   ETA = remaining cost · s / busy slots               (busy slots: Σ task time / elapsed, from the listener)
 * </pre>
 * Without a listener's busy-slot count it falls back to remaining cost / (committed cost per second).
 */
public final class SweepProgress {

    private final PrintStream out;
    private final String sweep;
    private final long total;
    private final long startNanos = System.nanoTime();
    private final RunStatus oldMaxSteps;
    private final Map<String, Long> statuses = new TreeMap<>(Comparator.comparingInt(SweepProgress::rank)
            .thenComparing(Comparator.naturalOrder()));
    private long done;
    private long computed;
    private double remainingCost;
    private double computedCost;
    private double computedWallMs;
    private DoubleSupplier busySlots = () -> Double.NaN;

    /** Progress of a sweep whose runs are trained with the default settings' tail and budgets. */
    public SweepProgress(PrintStream out, String sweep, long total) {
        this(out, sweep, total, oldMaxSteps(TrainingSettings.defaults()));
    }

    /** {@code oldMaxSteps}: what an old chunk's {@code max_steps} count stands for (see {@link #oldMaxSteps}). */
    public SweepProgress(PrintStream out, String sweep, long total, RunStatus oldMaxSteps) {
        this.out = out;
        this.sweep = sweep;
        this.total = total;
        this.oldMaxSteps = oldMaxSteps;
    }

    /**
     * What the old label {@code max_steps} stands for in the chunk records of a job with these settings: with
     * the flow tail and max_steps below the horizon, a run that met no tolerance was handed to the tail, which
     * ended at the horizon ({@code horizon}); plain GD spent max_steps ({@code budget}). A flow job with max_steps at or beyond
     * the horizon could have both (the runs view tells them apart run by run); its count reads {@code budget}.
     */
    public static RunStatus oldMaxSteps(TrainingSettings t) {
        return RunStatus.ofOldMaxSteps(t.flowTail() && t.maxSteps() < t.horizonSteps());
    }

    /** The position of a status label in the lines: RunStatus order, unknown labels last. */
    private static int rank(String label) {
        for (RunStatus s : RunStatus.values()) {
            if (s.label().equals(label)) return s.ordinal();
        }
        return RunStatus.values().length;
    }

    private void count(ChunkCommit c) {
        c.statuses().forEach((k, v) -> statuses.merge(RunStatus.OLD_MAX_STEPS.equals(k) ? oldMaxSteps.label() : k, v, Long::sum));
    }

    /** The average number of busy slots so far (NaN when unknown), for the ETA. */
    public void busySlots(DoubleSupplier s) {
        this.busySlots = s;
    }

    /** Counts chunks committed before this driver started. */
    public void resumed(ChunkCommit c) {
        done += c.runs();
        count(c);
    }

    /**
     * Prints where a resumed sweep starts; {@code cost} is the total cost of the tasks to compute, {@code how}
     * says how they are run (e.g. {@code chunks of 64, 4 in flight}).
     */
    public void start(long remaining, double cost, String how) {
        this.remainingCost = cost;
        if (done > 0) out.printf("sweep %s: resuming, %d/%d runs already committed, %d to go (%s)%n", sweep, done, total, remaining, how);
        else out.printf("sweep %s: %d runs (%s)%n", sweep, total, how);
        out.flush();
    }

    /**
     * Counts a chunk committed by this driver, whose tasks cost {@code cost} and whose runs took {@code wallMs}
     * in total, and prints the progress line.
     */
    public void committed(ChunkCommit c, double cost, double wallMs) {
        done += c.runs();
        computed += c.runs();
        remainingCost = Math.max(0, remainingCost - cost);
        computedCost += cost;
        computedWallMs += wallMs;
        count(c);
        double secs = seconds();
        double rate = computed / Math.max(secs, 1e-9);
        long left = total - done;
        out.printf("sweep %s: %d/%d runs (%.1f%%), %.2f runs/s, ETA %s, failed %d%n", sweep, done, total,
                100.0 * done / Math.max(total, 1), rate, left == 0 ? "0s" : duration(etaSeconds()),
                statuses.getOrDefault(RunStatus.FAILED.label(), 0L));
        out.flush();
    }

    /** Seconds still to go, from the remaining cost (see the class comment). */
    public double etaSeconds() {
        if (remainingCost <= 0) return 0;
        if (computedCost <= 0) return Double.NaN;
        double slots = busySlots.getAsDouble();
        if (Double.isFinite(slots) && slots > 0 && computedWallMs > 0) {
            return remainingCost * (computedWallMs / 1000.0 / computedCost) / slots;
        }
        return remainingCost / (computedCost / Math.max(seconds(), 1e-9));
    }

    /** Prints the summary line; {@code utilisation} (share of slot time busy, NaN if unknown) ends it. */
    public void finish(boolean complete, double utilisation) {
        StringBuilder s = new StringBuilder();
        statuses.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        String busy = Double.isFinite(utilisation) ? String.format("; executor slots busy %.0f %%", 100 * utilisation) : "";
        out.printf("sweep %s: %s %d/%d runs, %d computed in %s (%.2f runs/s): %s%s%n", sweep,
                complete ? "complete," : "stopped at", done, total, computed, duration(seconds()),
                computed / Math.max(seconds(), 1e-9), s.length() == 0 ? "no runs" : s, busy);
        out.flush();
    }

    public Map<String, Long> statuses() {
        return Map.copyOf(statuses);
    }

    public long done() {
        return done;
    }

    public long computed() {
        return computed;
    }

    public double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) return "?";
        long s = Math.round(seconds);
        if (s < 60) return s + "s";
        if (s < 3600) return (s / 60) + "m" + String.format("%02d", s % 60) + "s";
        return (s / 3600) + "h" + String.format("%02d", (s % 3600) / 60) + "m";
    }
}
