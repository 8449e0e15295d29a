package saddlesweep.spark;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * Console progress of a sweep: after each chunk {@code done/total}, rate, ETA and failures so far; at the end
 * the counts per status. Rate and ETA count only the runs computed by this driver (not resumed ones).
 */
public final class SweepProgress {

    private final PrintStream out;
    private final String sweep;
    private final long total;
    private final long startNanos = System.nanoTime();
    private final Map<String, Long> statuses = new TreeMap<>();
    private long done;
    private long computed;

    public SweepProgress(PrintStream out, String sweep, long total) {
        this.out = out;
        this.sweep = sweep;
        this.total = total;
    }

    /** Counts chunks committed before this driver started. */
    public void resumed(ChunkCommit c) {
        done += c.runs();
        c.statuses().forEach((k, v) -> statuses.merge(k, v, Long::sum));
    }

    /** Prints where a resumed sweep starts. */
    public void start(long remaining) {
        if (done > 0) out.printf("sweep %s: resuming, %d/%d runs already committed, %d to go%n", sweep, done, total, remaining);
        else out.printf("sweep %s: %d runs%n", sweep, total);
        out.flush();
    }

    /** Counts a chunk committed by this driver and prints the progress line. */
    public void committed(ChunkCommit c) {
        done += c.runs();
        computed += c.runs();
        c.statuses().forEach((k, v) -> statuses.merge(k, v, Long::sum));
        double secs = seconds();
        double rate = computed / Math.max(secs, 1e-9);
        long left = total - done;
        out.printf("sweep %s: %d/%d runs (%.1f%%), %.2f runs/s, ETA %s, failed %d%n", sweep, done, total,
                100.0 * done / Math.max(total, 1), rate, left == 0 ? "0s" : duration(left / rate),
                statuses.getOrDefault("failed", 0L));
        out.flush();
    }

    /** Prints the summary line. */
    public void finish(boolean complete) {
        StringBuilder s = new StringBuilder();
        statuses.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        out.printf("sweep %s: %s %d/%d runs, %d computed in %s (%.2f runs/s): %s%n", sweep,
                complete ? "complete," : "stopped at", done, total, computed, duration(seconds()),
                computed / Math.max(seconds(), 1e-9), s.length() == 0 ? "no runs" : s);
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
