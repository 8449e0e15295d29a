package saddlesweep.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import saddlesweep.bench.BatchBench;
import saddlesweep.bench.CommitteeBench;
import saddlesweep.bench.BenchSettings;
import saddlesweep.bench.KernelBench;
import saddlesweep.bench.KernelTiming;
import saddlesweep.bench.CReferenceBench;
import saddlesweep.bench.NumpyBench;
import saddlesweep.bench.ReferenceRun;
import saddlesweep.bench.ProductBench;
import saddlesweep.bench.SweepBench;
import saddlesweep.bench.SweepProfile;
import saddlesweep.job.JobParser;
import saddlesweep.job.SweepJob;
import saddlesweep.run.RunConfig;
import saddlesweep.spark.TaskOrder;
import saddlesweep.model.DataSet;
import saddlesweep.train.GradientKernel;
import saddlesweep.error.UserError;
import saddlesweep.spark.ReplaySweep;
import saddlesweep.train.Kernels;
import saddlesweep.train.ScalarKernel;
import saddlesweep.train.VectorKernel;

/**
 * {@code bench}: the GD step's cost in ns per sample·unit·step for the scalar reference, the Vector API kernel
 * with tanh taken directly, the default kernel (tanh updated by the addition formula) and the product's own GD
 * loop ({@link ProductBench}; one thread, median of timed repetitions after warm-up), optionally against numpy, and with
 * {@code --spark} a sweep's throughput on Spark local mode against a plain thread pool; with
 * {@code --sweep-profile JOB}, a job's runs in this JVM with the CPU per H and phase ({@link SweepProfile}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time the GD step (ns per sample·unit·step): ScalarKernel, VectorKernel (direct, default), the product's GD loop, BatchKernel (1, 4, 8 runs) [vs numpy, vs C]; "
                + "with --spark, sweep throughput on Spark local mode vs a thread pool; with --sweep-profile JOB, where a "
                + "sweep's CPU goes, per H and phase.")
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Few sizes and short repetitions (a few seconds; for tests).")
    boolean quick;

    @Option(names = "--n", split = ",", paramLabel = "N", description = "Data set sizes (default 100,1000,10000).")
    List<Integer> sizes;

    @Option(names = "--hidden", split = ",", paramLabel = "H", description = "Widths (default 1,2,4,8).")
    List<Integer> hidden;

    @Option(names = "--reps", description = "Timed repetitions per case; the median is printed (default 5).")
    Integer reps;

    @Option(names = "--rep-ms", description = "Minimum length of one repetition in ms (default 50).")
    Long repMillis;

    @Option(names = "--warmup-ms", description = "Warm-up per case in ms (default 300).")
    Long warmupMillis;

    @Option(names = "--cpu-clock", description = "Time with the thread's CPU clock, not the wall clock (shared machines).")
    boolean cpuClock;

    @Option(names = "--no-kernels", description = "Skip the kernel table (e.g. with --spark).")
    boolean noKernels;

    @Option(names = "--numpy", description = "Also time scripts/bench_numpy.py (python3, numpy) on the same sizes.")
    boolean numpy;

    @Option(names = "--numpy-script", paramLabel = "FILE", description = "Path of bench_numpy.py (default scripts/bench_numpy.py).")
    Path numpyScript = Path.of("scripts", "bench_numpy.py");
    @Option(names = "--c-reference", description = "Also compile scripts/gd_reference.c (a plain vectorised C GD, gcc -O3"
            + " -march=native -ffast-math -fopenmp-simd) and time it on the same sizes.")
    boolean cReference;
    @Option(names = "--c-source", paramLabel = "FILE", description = "Path of gd_reference.c (default scripts/gd_reference.c).")
    Path cSource = Path.of("scripts", "gd_reference.c");
    @Option(names = "--cc", paramLabel = "EXE", description = "C compiler for --c-reference (default gcc).")
    String cc = "gcc";

    @Option(names = "--python", paramLabel = "EXE", description = "Python interpreter (default python3).")
    String python = "python3";

    @Option(names = "--committee", description = "Also time the committee machine's GD step (d = 1, 4, 16): its analytic loop "
            + "and its vector kernel, beside the scalar vector kernel.")
    boolean committee;
    @Option(names = "--spark", description = "Sweep throughput: Spark local[T] vs a T-thread pool, T = 1 and 2.")
    boolean spark;

    @Option(names = "--spark-steps", paramLabel = "S", description = "Step budget of each --spark run (default ${DEFAULT-VALUE}).", defaultValue = "20000")
    long sparkSteps;

    @Option(names = "--spark-runs", paramLabel = "K", description = "Runs in the --spark sweep (default 16, --quick 4).")
    Integer sparkRuns;

    @Option(names = "--replay", paramLabel = "FILE",
            description = "Run a sweep of sleeping tasks (one per line of FILE: a duration in ms) through the real "
                    + "driver and print its wall time and slot utilisation (./submit.sh --master 'local[K]' bench --replay FILE).")
    Path replay;

    @Option(names = "--sweep-profile", paramLabel = "JOB.yaml",
            description = "Run every run of a job in this JVM (no tables written) and print, per H and per phase, the CPU "
                    + "share, evaluations (per decade) and ns per sample·unit·evaluation.")
    Path sweepProfile;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1",
            description = "With --sweep-profile: runs in a pool of T threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--limit", paramLabel = "K",
            description = "With --sweep-profile: only the first K runs, in the order a sweep runs them.")
    Long limit;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (replay != null) {
            ReplaySweep.run(out, replay);
            return 0;
        }
        if (sweepProfile != null) {
            profile(out);
            return 0;
        }
        BenchSettings s = settings();
        if (!noKernels) kernelTable(out, s);
        if (committee) {
            if (!Kernels.vectorApiPresent()) throw new UserError("--committee needs the Vector API (run through ./submit.sh)");
            CommitteeBench.print(out, s);
        }
        if (spark) {
            int runs = sparkRuns != null ? sparkRuns : quick ? 4 : 16;
            if (runs < 1) throw new UserError("--spark-runs must be >= 1, got " + runs);
            if (sparkSteps < 1) throw new UserError("--spark-steps must be >= 1, got " + sparkSteps);
            try {
                SweepBench.run(out, runs, sparkSteps, quick ? 1 : 3);
            } catch (NoClassDefFoundError e) {
                out.println("spark: skipped (Spark is not on the class path; run ./submit.sh bench --spark)");
            }
        }
        out.flush();
        return 0;
    }

    private void profile(PrintWriter out) {
        if (threads < 1) throw new UserError("--threads must be >= 1, got " + threads);
        if (limit != null && limit < 1) throw new UserError("--limit must be >= 1, got " + limit);
        SweepJob job = JobParser.parse(sweepProfile, true, spec.commandLine().getErr()::println);
        TaskOrder order = TaskOrder.ofDefinition(job.size(), job.definitionHash());
        long k = limit == null ? job.size() : Math.min(limit, job.size());
        List<RunConfig> configs = new ArrayList<>();
        for (long p = 0; p < k; p++) configs.add(job.task(order.index(p)));
        SweepProfile.print(out, job.name() + (k < job.size() ? " (first " + k + " of " + job.size() + " runs)" : ""),
                SweepProfile.run(configs, threads, job.chunkSize(), true));
    }

    BenchSettings settings() {
        BenchSettings base = quick ? BenchSettings.quick() : BenchSettings.full();
        try {
            return new BenchSettings(sizes != null ? sizes : base.sizes(), hidden != null ? hidden : base.hidden(),
                    reps != null ? reps : base.reps(), repMillis != null ? repMillis : base.repMillis(),
                    warmupMillis != null ? warmupMillis : base.warmupMillis(), cpuClock);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** Gets the kernels JIT-compiled before the first case is timed (N = 1000, H = 4, 3 warm-up periods). */
    private static void warmUp(BenchSettings s, boolean vector) {
        BenchSettings w = new BenchSettings(List.of(1000), List.of(4), 1, 1, 3 * s.warmupMillis(), false);
        KernelBench.time("scalar", ScalarKernel::new, 1000, 4, w);
        if (vector) {
            KernelBench.time("direct", BenchCommand::direct, 1000, 4, w);
            KernelBench.time("vector", VectorKernel::new, 1000, 4, w);
        }
    }

    /** The vector kernel taking tanh directly at every step (no addition-formula updates). */
    private static GradientKernel direct(DataSet d) {
        return new VectorKernel(d, 1);
    }

    private void kernelTable(PrintWriter out, BenchSettings s) {
        boolean vector = Kernels.vectorApiPresent();
        out.printf("GD step cost, ns per sample·unit·step (one thread; %s clock; median of %d repetitions of >= %d ms after %d ms warm-up)%n",
                s.cpuClock() ? "CPU" : "wall", s.reps(), s.repMillis(), s.warmupMillis());
        out.printf("java %s, %d cores, vector lanes %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), vector ? VectorKernel.lanes() : "n/a");
        if (!vector) out.println("vector: skipped (start the JVM with --add-modules=jdk.incubator.vector)");
        String numpySkipped = null;
        if (numpy) {   // probe once, so that a missing python3 or numpy gives one line and no column
            ReferenceRun.Result probe = NumpyBench.run(numpyScript, python, one(s, 8, 1, 1, 1));
            numpySkipped = probe.skipped();
            if (numpySkipped != null) out.println("numpy: skipped (" + numpySkipped + ")");
        }
        boolean withNumpy = numpy && numpySkipped == null;
        String cSkipped = null;
        if (cReference) {  // likewise for the C compiler
            ReferenceRun.Result probe = CReferenceBench.run(cSource, cc, one(s, 8, 1, 1, 1));
            cSkipped = probe.skipped();
            if (cSkipped != null) out.println("c reference: skipped (" + cSkipped + ")");
        }
        boolean withC = cReference && cSkipped == null;
        out.println("scalar: Math.tanh loop; direct: vector kernel taking tanh directly at every step; vector: the default"
                + " kernel (tanh updated by the addition formula), the first steps of the run; loop: the default kernel"
                + " in a bare loop over steps S/10..S of a run; gd: the product's GD loop over the same steps (records,"
                + " E at records: train --no-polish); batch1/4/8: BatchKernel, 1, 4 or 8 runs of one data set per call (ns per"
                + " run's sample·unit·step); gd+checks: the same with the Newton-finish check at each record"
                + " (train, sweep)" + (withC ? "; c: scripts/gd_reference.c (" + CReferenceBench.FLAGS + "), c/gd: how many"
                + " times faster the product's loop is" : ""));
        out.printf("%7s %3s %10s %10s %10s %10s %10s %10s %10s %10s %13s %14s %8s%s%s%n", "N", "H", "scalar_ns", "direct_ns", "vector_ns",
                "loop_ns", "gd_ns", "batch1_ns", "batch4_ns", "batch8_ns", "gd+checks_ns", "scalar/vector", "gd/loop",
                withNumpy ? String.format(" %10s %9s", "numpy_ns", "numpy/gd") : "",
                withC ? String.format(" %10s %9s", "c_ns", "c/gd") : "");
        out.flush();
        warmUp(s, vector);
        for (int n : s.sizes()) {
            for (int h : s.hidden()) {
                KernelTiming sc = KernelBench.time("scalar", ScalarKernel::new, n, h, s);
                KernelTiming dc = vector ? KernelBench.time("direct", BenchCommand::direct, n, h, s) : null;
                KernelTiming vc = vector ? KernelBench.time("vector", VectorKernel::new, n, h, s) : null;
                double dns = dc == null ? Double.NaN : dc.median();
                double vns = vc == null ? Double.NaN : vc.median();
                double speed = vector ? vns : sc.median();
                double lns = ProductBench.timeLoop(n, h, s, speed).median();
                double pns = ProductBench.time(n, h, s, speed, false).median();
                double b1 = vector ? BatchBench.time(n, h, 1, s).median() : Double.NaN;
                double b4 = vector ? BatchBench.time(n, h, 4, s).median() : Double.NaN;
                double b8 = vector ? BatchBench.time(n, h, 8, s).median() : Double.NaN;
                double cns = ProductBench.time(n, h, s, speed, true).median();
                StringBuilder line = new StringBuilder(String.format("%7d %3d %10.3f %10.3f %10.3f %10.3f %10.3f %10.3f %10.3f %10.3f %13.3f %14.2f %8.3f",
                        n, h, sc.median(), dns, vns, lns, pns, b1, b4, b8, cns, sc.median() / vns, pns / lns));
                if (withNumpy) {   // timed right after the Java kernels: a shared machine's load changes slowly
                    ReferenceRun.Result np = NumpyBench.run(numpyScript, python, one(s, n, h, s.reps(), s.repMillis()));
                    Double nns = np.get(n, h);
                    double v = nns == null ? Double.NaN : nns;
                    line.append(String.format(" %10.3f %9.2f", v, v / pns));
                }
                if (withC) {
                    ReferenceRun.Result c = CReferenceBench.run(cSource, cc, one(s, n, h, s.reps(), s.repMillis()));
                    Double cns2 = c.get(n, h);
                    double v = cns2 == null ? Double.NaN : cns2;
                    line.append(String.format(" %10.3f %9.2f", v, v / pns));
                }
                out.println(line);
                out.flush();
            }
        }
    }

    private static BenchSettings one(BenchSettings s, int n, int h, int reps, long repMillis) {
        return new BenchSettings(List.of(n), List.of(h), reps, repMillis, s.warmupMillis(), s.cpuClock());
    }
}
