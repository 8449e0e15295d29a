package saddlesweep.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import saddlesweep.run.PhaseClock;
import saddlesweep.run.PhaseClock.Phase;
import saddlesweep.run.RunConfig;
import saddlesweep.run.RunPipeline;
import saddlesweep.run.RunResult;

/**
 * {@code bench --sweep-profile JOB}: runs a job's runs in this JVM as a sweep makes them ({@link RunPipeline#run}
 * on each {@link RunConfig}, in T threads) with a {@link PhaseClock} on each, and sums, per H and per phase, the
 * thread CPU time, the evaluations (GD steps; the flow tail's field evaluations; GD's fate: its GD steps plus
 * its flow's field evaluations) and, for the flow tail, the decades of GD-equivalent steps they covered. The
 * results are then committed, per H in chunks of the job's chunk_size, to a throw-away results root by the
 * sweep's own {@code ChunkCommitter} (Parquet, SHA-256 read-back, markers), on this thread's CPU clock: that
 * cost joins {@link Phase#WRITING}. Nothing is written anywhere else.
 */
public final class SweepProfile {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SweepProfile() {
    }

    /** One phase's totals over a set of runs: CPU, evaluations, Σ evaluations·N·H, decades covered. */
    public static final class Totals {
        long cpuNanos;
        long evaluations;
        double work;
        double decades;

        public long cpuNanos() {
            return cpuNanos;
        }

        public long evaluations() {
            return evaluations;
        }

        /** Evaluations per decade of GD-equivalent steps; NaN where no decades were covered. */
        public double perDecade() {
            return decades > 0 ? evaluations / decades : Double.NaN;
        }

        /** CPU ns per sample·unit·evaluation; NaN without evaluations. */
        public double nsPerSampleUnitEvaluation() {
            return work > 0 ? cpuNanos / work : Double.NaN;
        }

        void add(Totals o) {
            cpuNanos += o.cpuNanos;
            evaluations += o.evaluations;
            work += o.work;
            decades += o.decades;
        }
    }

    /** Phase totals of the runs of one width. */
    public static final class Group {
        int runs;
        final Map<Phase, Totals> phases = new EnumMap<>(Phase.class);

        Group() {
            for (Phase p : Phase.values()) phases.put(p, new Totals());
        }

        public int runs() {
            return runs;
        }

        public Totals phase(Phase p) {
            return phases.get(p);
        }

        public long cpuNanos() {
            long s = 0;
            for (Totals t : phases.values()) s += t.cpuNanos;
            return s;
        }

        void add(Group o) {
            runs += o.runs;
            for (Phase p : Phase.values()) phases.get(p).add(o.phase(p));
        }
    }

    /**
     * A profile: per H (ascending) and over all runs, the results it was made from, the wall time, the JVM's CPU
     * time (every thread: JIT and GC included), the threads, the 1-minute load average before and after, and why
     * the Parquet writing was left out (null when it was timed).
     */
    public record Result(SortedMap<Integer, Group> byHidden, Group all, List<RunResult> results, long wallNanos,
                         long processCpuNanos, int threads, double loadBefore, double loadAfter, String writingSkipped) {
    }

    /** Profiles the runs in a pool of {@code threads}; with {@code write}, also commits their rows to a temp root. */
    public static Result run(List<RunConfig> configs, int threads, int chunkSize, boolean write) {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long cpu0 = SweepBench.processCpuNanos();
        long t0 = System.nanoTime();
        List<RunResult> results = new ArrayList<>(configs.size());
        List<PhaseClock> clocks = new ArrayList<>(configs.size());
        ExecutorService ex = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Timed>> fs = new ArrayList<>();
            for (RunConfig c : configs) fs.add(ex.submit(() -> timed(c)));
            for (Future<Timed> f : fs) {
                Timed t = f.get();
                results.add(t.result());
                clocks.add(t.clock());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a profiled run failed", e.getCause());
        } finally {
            ex.shutdownNow();
        }
        SortedMap<Integer, Group> byHidden = new TreeMap<>();
        SortedMap<Integer, List<RunResult>> resultsByHidden = new TreeMap<>();
        for (int i = 0; i < configs.size(); i++) {
            RunConfig c = configs.get(i);
            Group g = byHidden.computeIfAbsent(c.hidden(), h -> new Group());
            g.runs++;
            double size = (double) c.n() * c.hidden();
            PhaseClock k = clocks.get(i);
            for (Phase p : Phase.values()) {
                Totals t = g.phase(p);
                t.cpuNanos += k.cpuNanos(p);
                t.evaluations += k.evaluations(p);
                t.work += k.evaluations(p) * size;
                t.decades += k.decades(p);
            }
            resultsByHidden.computeIfAbsent(c.hidden(), h -> new ArrayList<>()).add(results.get(i));
        }
        String skipped = !write ? "not asked for" : configs.isEmpty() ? "no runs" : writeRows(resultsByHidden, byHidden, chunkSize);
        Group all = new Group();
        for (Group g : byHidden.values()) all.add(g);
        long wall = System.nanoTime() - t0;
        long cpu = SweepBench.processCpuNanos() - cpu0;
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return new Result(byHidden, all, results, wall, cpu, threads, loadBefore, loadAfter, skipped);
    }

    /** The phases that count evaluations: GD, the flow tail, GD's fate. */
    static boolean counts(Phase p) {
        return p == Phase.GD || p == Phase.FLOW_TAIL || p == Phase.GD_FATE;
    }

    /**
     * Prints the profile: per H its phases, then a total row, then the same over all runs. share: of all runs'
     * CPU; of_H: of this width's CPU. Evaluations and ns/(sample·unit·eval) for GD, the flow tail and GD's fate;
     * evaluations per decade of GD-equivalent steps for the flow tail.
     */
    public static void print(PrintWriter out, String job, Result r) {
        out.printf("sweep profile of %s: %d runs, %d thread%s; thread CPU per phase (one run: setup, gd, flow tail, fate, "
                        + "gd fate, sequence, checks, writing)%n", job, r.all().runs(), r.threads(), r.threads() == 1 ? "" : "s");
        out.printf("%-3s %-10s %5s %9s %7s %7s %13s %11s %12s%n", "H", "phase", "runs", "cpu_s", "share", "of_H",
                "evaluations", "per_decade", "ns/(s·u·ev)");
        double total = r.all().cpuNanos();
        for (Map.Entry<Integer, Group> e : r.byHidden().entrySet()) rows(out, String.valueOf(e.getKey()), e.getValue(), total);
        rows(out, "all", r.all(), total);
        out.printf("runs %d, CPU %.2f s in the runs' threads (JVM %.2f s, JIT and GC included), wall %.2f s, %d thread%s, "
                        + "load average %.2f before, %.2f after%n", r.all().runs(), total / 1e9, r.processCpuNanos() / 1e9,
                r.wallNanos() / 1e9, r.threads(), r.threads() == 1 ? "" : "s", r.loadBefore(), r.loadAfter());
        out.println("evaluations: gd = GD steps; flow tail = field evaluations; gd fate = GD steps + field evaluations."
                + " per_decade = evaluations / decades of GD-equivalent steps covered (log10 end/start step)."
                + " ns/(s·u·ev) = CPU ns / Σ evaluations·N·H.");
        out.println(gdFateSplit(r.results()));
        out.println(r.writingSkipped() == null
                ? "writing = the run's rows, and their commit as Parquet (the sweep's ChunkCommitter, chunks of the job's chunk_size, per H) to a temp root."
                : "writing = the run's rows only (Parquet not timed: " + r.writingSkipped() + ").");
        out.flush();
    }

    /** "gd fate evaluations by H: H=2 a GD steps + b field evaluations; …" from the runs' own columns. */
    static String gdFateSplit(List<RunResult> results) {
        SortedMap<Integer, long[]> byH = new TreeMap<>();
        for (RunResult res : results) {
            long[] c = byH.computeIfAbsent(res.run().hidden(), h -> new long[2]);
            c[0] += res.run().gdFateSteps();
            c[1] += res.run().gdFateEvaluations();
        }
        StringBuilder b = new StringBuilder("gd fate evaluations by H (gd_fate_steps + gd_fate_evaluations):");
        String sep = " ";
        for (Map.Entry<Integer, long[]> e : byH.entrySet()) {
            b.append(sep).append("H=").append(e.getKey()).append(' ').append(e.getValue()[0]).append(" GD steps + ")
                    .append(e.getValue()[1]).append(" field evaluations");
            sep = "; ";
        }
        return b.toString();
    }

    private static void rows(PrintWriter out, String h, Group g, double total) {
        double own = g.cpuNanos();
        for (Phase p : Phase.values()) {
            Totals t = g.phase(p);
            boolean ev = counts(p);
            out.printf("%-3s %-10s %5s %9.3f %6.1f%% %6.1f%% %13s %11s %12s%n", h, p.label(), "", t.cpuNanos / 1e9,
                    100 * t.cpuNanos / total, 100 * t.cpuNanos / own, ev ? String.valueOf(t.evaluations) : "-",
                    p == Phase.FLOW_TAIL && t.decades > 0 ? String.format("%.0f", t.perDecade()) : "-",
                    ev && t.work > 0 ? String.format("%.3f", t.nsPerSampleUnitEvaluation()) : "-");
        }
        out.printf("%-3s %-10s %5d %9.3f %6.1f%% %6.1f%% %13s %11s %12s%n", h, "total", g.runs, own / 1e9,
                100 * own / total, 100.0, "", "", "");
    }

    /** A run's result and its phase clock. */
    private record Timed(RunResult result, PhaseClock clock) {
    }

    /** One run on this thread with a phase clock. */
    private static Timed timed(RunConfig c) {
        PhaseClock.attach(Phase.SETUP);
        RunResult r;
        PhaseClock clock;
        try {
            r = RunPipeline.run(c);
        } finally {
            clock = PhaseClock.detach();   // also when the run threw: no clock is left on the pool's thread
        }
        return new Timed(r, clock);
    }

    /**
     * Commits each width's results to a temporary results root in chunks of chunkSize, timing each width on this
     * thread's CPU clock into its writing phase; returns null, or why nothing was written.
     */
    private static String writeRows(SortedMap<Integer, List<RunResult>> results, SortedMap<Integer, Group> groups,
                                     int chunkSize) {
        Path dir;
        try {
            dir = Files.createTempDirectory("saddlesweep-profile");
        } catch (IOException e) {
            return "no temporary directory: " + e.getMessage();
        }
        try {
            List<RunResult> first = results.values().iterator().next();
            new Commits(dir, "warmup").commit(0, 1, first.subList(0, 1));   // class loading and JIT, untimed
            Commits chunks = new Commits(dir, "profile");
            long from = 0;
            for (Map.Entry<Integer, List<RunResult>> e : results.entrySet()) {
                List<RunResult> rs = e.getValue();
                long c0 = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < rs.size(); i += chunkSize) {
                    List<RunResult> chunk = rs.subList(i, Math.min(rs.size(), i + chunkSize));
                    chunks.commit(from, from + chunk.size(), chunk);
                    from += chunk.size();
                }
                groups.get(e.getKey()).phase(Phase.WRITING).cpuNanos += THREADS.getCurrentThreadCpuTime() - c0;
            }
            return null;
        } catch (NoClassDefFoundError e) {
            return "Hadoop/Parquet not on the class path";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(dir);
        }
    }

    /** The sweep's own chunk commits into a throw-away results root (a class of its own: Hadoop may be absent). */
    private static final class Commits {
        private final saddlesweep.spark.ChunkCommitter committer;

        Commits(Path dir, String sweep) throws IOException {
            committer = new saddlesweep.spark.ChunkCommitter(new saddlesweep.spark.ResultsRoot(dir.toUri().toString(),
                    new org.apache.hadoop.conf.Configuration()), sweep);
        }

        void commit(long from, long to, List<RunResult> results) throws IOException {
            committer.commit(from, to, results.stream().map(r -> r.withSweep(committer.sweep())).toList());
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
