package saddlesweep.bench;

import saddlesweep.analysis.AnalysisSettings;
import saddlesweep.flowfate.AttractorFinder;
import saddlesweep.model.DataSet;
import saddlesweep.model.PopulationExcess;
import saddlesweep.model.SquaredLoss;
import saddlesweep.train.GradientDescent;
import saddlesweep.train.RunStatus;
import saddlesweep.train.GradientKernel;
import saddlesweep.train.Kernels;
import saddlesweep.train.TrainingSettings;

/**
 * Times the product's own gradient-descent loop, the one {@code train} and {@code sweep} run:
 * {@link GradientDescent#run} with the default kernel and records on the log grid with E at each record; with
 * {@code checks}, also the early-finish check {@link AttractorFinder#tryFinish} at each record (a Hessian of L_N
 * and its spectrum where ‖∇L_N‖ fell), as {@code RunPipeline} wires them when the Newton finish is on. The check
 * is made but never allowed to take over, so every repetition runs its full length. Without {@code checks} it
 * is the loop of {@code train --no-polish}.
 *
 * <p>A repetition is one run of S steps from {@link BenchProblem#start}; it is timed from the first record at or
 * after S/10 to the last record that calls the finisher (the thread's clock read at each record), so the window
 * holds a decade of the record grid, and with it the records' own cost at the density a run has at that
 * stage, but not the JIT's first compilations. S is the smallest number of steps that makes the window last at
 * least {@code repMillis} at the given kernel speed, and at least {@value #MIN_STEPS} (records are 50 per
 * decade whatever N, so their share of the cost falls as 1/S: a window from 2000 to 20 000 steps is the
 * early part of a run, where they weigh most).
 */
public final class ProductBench {

    private ProductBench() {
    }

    /** Smallest run length S. */
    static final long MIN_STEPS = 20_000;

    /**
     * @param kernelNs the bare kernel's ns per sample·unit·step, to size the runs
     * @param checks   also make the Newton-finish check at each record
     */
    public static KernelTiming time(int n, int hidden, BenchSettings s, double kernelNs, boolean checks) {
        DataSet data = BenchProblem.data(n);
        long work = (long) n * hidden;
        long steps = runSteps(s, kernelNs, work);
        run(data, hidden, Math.max(2000, steps / 4), s.cpuClock(), checks);   // warm-up
        double[] ns = new double[s.reps()];
        long[] counts = new long[s.reps()];
        for (int r = 0; r < s.reps(); r++) {
            Window w = run(data, hidden, steps, s.cpuClock(), checks);
            ns[r] = (double) w.nanos / ((double) w.steps * work);
            counts[r] = w.steps;
        }
        return new KernelTiming(checks ? "gd+checks" : "gd", n, hidden, ns, counts);
    }

    /**
     * The bare kernel loop ({@link KernelBench#steps}: kernel call and update, nothing else) over the same
     * stretch of the same run as {@link #time}: S/10 steps untimed, then the rest timed. What the product loop
     * adds is gd/loop.
     */
    public static KernelTiming timeLoop(int n, int hidden, BenchSettings s, double kernelNs) {
        DataSet data = BenchProblem.data(n);
        long work = (long) n * hidden;
        long steps = runSteps(s, kernelNs, work);
        double[] ns = new double[s.reps()];
        long[] counts = new long[s.reps()];
        for (int r = -1; r < s.reps(); r++) {   // r = −1: warm-up
            GradientKernel kernel = Kernels.forData(data);
            double[] theta = BenchProblem.start(hidden);
            double[] grad = new double[theta.length];
            KernelBench.steps(kernel, theta, grad, steps / 10);
            long t0 = KernelBench.now(s.cpuClock());
            KernelBench.steps(kernel, theta, grad, steps - steps / 10);
            long elapsed = KernelBench.now(s.cpuClock()) - t0;
            if (r >= 0) {
                ns[r] = (double) elapsed / ((double) (steps - steps / 10) * work);
                counts[r] = steps - steps / 10;
            }
        }
        return new KernelTiming("loop", n, hidden, ns, counts);
    }

    /** S: the window (9/10 of the run) lasts at least repMillis at kernelNs, and S ≥ MIN_STEPS. */
    private static long runSteps(BenchSettings s, double kernelNs, long work) {
        double perStep = Math.max(0.05, Double.isFinite(kernelNs) ? kernelNs : 2.0) * work;
        return Math.max(MIN_STEPS, (long) Math.ceil(s.repMillis() * 1e6 / perStep * 10 / 9));
    }

    /** Clock time and steps between the first record at or after S/10 and the last record. */
    private record Window(long nanos, long steps) {
    }

    private static Window run(DataSet data, int hidden, long steps, boolean cpu, boolean checks) {
        TrainingSettings ts = TrainingSettings.defaults().withEta(BenchProblem.ETA).withMaxSteps(steps).withGradTol(0);
        PopulationExcess pop = new PopulationExcess(BenchProblem.TEACHER, 1.0);
        AttractorFinder finder = new AttractorFinder(SquaredLoss.empirical(data), ts.eta(), AnalysisSettings.defaults());
        long[] mark = {-1, 0, 0, 0};   // first step in the window, its clock, last record's step, its clock
        GradientDescent.Finisher timed = rec -> {
            long now = KernelBench.now(cpu);
            if (mark[0] < 0 && rec.step() >= steps / 10) {
                mark[0] = rec.step();
                mark[1] = now;
            }
            mark[2] = rec.step();
            mark[3] = now;
            if (checks) finder.tryFinish(rec);   // the check's cost is counted; it never takes over
            return false;
        };
        GradientDescent.Outcome out = new GradientDescent(data, ts, pop::value).run(BenchProblem.start(hidden), timed);
        if (out.status() != RunStatus.BUDGET) {
            throw new IllegalStateException("bench run ended early: " + out.status() + " at step " + out.steps());
        }
        // the last record (step S) does not call the finisher: the window ends at the record before it
        return new Window(mark[3] - mark[1], mark[2] - mark[0]);
    }
}
