package saddlesweep.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import saddlesweep.model.Teacher;
import saddlesweep.run.RunConfig;
import saddlesweep.run.RunPipeline;
import saddlesweep.run.RunResult;
import saddlesweep.train.TrainingSettings;

/**
 * A sweep's throughput (runs per second) on Spark local[T] against a plain T-thread pool running the same
 * {@link RunPipeline} tasks, for T = 1 and 2: the cost of Spark, and the scaling from one core to two.
 * Spark runs the tasks as a sweep does ({@code parallelize(configs, K).map(run).collect()}), in this JVM.
 * Also reports the JVM's CPU time per run, which a shared machine's load disturbs much less than wall time.
 */
public final class SweepBench {

    /** The bench sweep's runs: teacher w* = v* = 1, N = 200, σ² = 0.01, H = 2, at most maxSteps GD steps, seeds 1..K. */
    static List<RunConfig> tasks(int runs, long maxSteps) {
        Teacher teacher = new Teacher(new double[]{1}, new double[]{1});
        TrainingSettings ts = TrainingSettings.defaults().withMaxSteps(maxSteps);
        List<RunConfig> c = new ArrayList<>();
        for (int i = 0; i < runs; i++) c.add(RunConfig.of(teacher, 200, 0.01, 2, 1 + i / 4, 1 + i % 4).withTraining(ts));
        return c;
    }

    private SweepBench() {
    }

    public static void run(PrintWriter out, int runs, long maxSteps, int reps) {
        List<RunConfig> configs = tasks(runs, maxSteps);
        out.printf("sweep throughput, runs/s (%d runs: N=200, H=2, <= %d GD steps + analysis; median of %d)%n", runs, maxSteps, reps);
        out.flush();
        pool(configs, 2);   // warm-up: JIT-compile the pipeline before anything is timed
        double[][] rate = new double[2][2];   // [threads − 1][0 = pool, 1 = spark]: runs per wall second
        double[][] cpu = new double[2][2];    // the same: process CPU ms per run
        for (int threads = 1; threads <= 2; threads++) {
            double[] p = new double[reps];
            double[] c = new double[reps];
            for (int r = 0; r < reps; r++) {
                long c0 = processCpuNanos();
                p[r] = runs / pool(configs, threads);
                c[r] = (processCpuNanos() - c0) / 1e6 / runs;
            }
            rate[threads - 1][0] = median(p);
            cpu[threads - 1][0] = median(c);
            double[] sp = spark(configs, threads, reps);
            rate[threads - 1][1] = sp[0];
            cpu[threads - 1][1] = sp[1];
        }
        out.printf("%7s %12s %12s %11s %15s %16s%n", "threads", "pool_runs/s", "spark_runs/s", "spark/pool",
                "pool_cpu_ms/run", "spark_cpu_ms/run");
        for (int t = 0; t < 2; t++) {
            out.printf("%7d %12.2f %12.2f %11.3f %15.1f %16.1f%n", t + 1, rate[t][0], rate[t][1], rate[t][1] / rate[t][0],
                    cpu[t][0], cpu[t][1]);
        }
        out.printf("scaling 2 vs 1 threads: pool %.2fx, spark %.2fx%n", rate[1][0] / rate[0][0], rate[1][1] / rate[0][1]);
        out.flush();
    }

    /** Seconds to run all configs on a fresh fixed pool of {@code threads}. */
    static double pool(List<RunConfig> configs, int threads) {
        ExecutorService ex = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            List<Future<RunResult>> fs = new ArrayList<>();
            for (RunConfig c : configs) fs.add(ex.submit(() -> RunPipeline.run(c)));
            for (Future<RunResult> f : fs) f.get();
            return (System.nanoTime() - t0) / 1e9;
        } catch (Exception e) {
            throw new IllegalStateException("thread pool run failed", e);
        } finally {
            ex.shutdownNow();
        }
    }

    /** CPU time of the whole JVM (all threads, Spark's included); −1 if the JVM cannot tell. */
    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** Median runs/s and CPU ms per run on Spark local[threads] (session started and warmed up outside the timing). */
    static double[] spark(List<RunConfig> configs, int threads, int reps) {
        SparkSession s = SparkSession.builder().appName("saddlesweep-bench").master("local[" + threads + "]")
                .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").getOrCreate();
        try {
            s.sparkContext().setLogLevel("WARN");
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(s.sparkContext());
            jsc.parallelize(configs.subList(0, 1), 1).map(RunPipeline::run).collect();   // warm-up
            double[] r = new double[reps];
            double[] c = new double[reps];
            for (int i = 0; i < reps; i++) {
                long c0 = processCpuNanos();
                long t0 = System.nanoTime();
                List<RunResult> res = jsc.parallelize(configs, configs.size()).map(RunPipeline::run).collect();
                double sec = (System.nanoTime() - t0) / 1e9;
                if (res.size() != configs.size()) throw new IllegalStateException("spark returned " + res.size() + " results");
                r[i] = configs.size() / sec;
                c[i] = (processCpuNanos() - c0) / 1e6 / configs.size();
            }
            return new double[]{median(r), median(c)};
        } finally {
            s.stop();
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }
}
