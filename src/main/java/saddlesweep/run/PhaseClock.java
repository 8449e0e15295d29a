package saddlesweep.run;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Where one run's CPU time goes, phase by phase, on the thread's own CPU clock: for {@code bench --sweep-profile}.
 * Off in normal sweeps: {@link #enter} and {@link #count} return after one read of a static flag, which only
 * {@link #attach} sets. While a clock is attached to a thread, {@link #enter} charges the CPU time since the
 * last switch to the phase that was running and makes {@code phase} the running one; {@link #detach} charges
 * the last phase and removes the clock. A phase is where the pipeline is: checks made inside a loop (the Newton
 * polish at GD's records, the fate finder once per decade of the flow tail) count toward the loop, and the
 * flow tails that GD's fate follows after a catapult toward {@link Phase#GD_FATE}.
 */
public final class PhaseClock {

    /** The phases of {@link RunPipeline#run}, in the order a run goes through them. */
    public enum Phase {
        /** The data set, the losses and the initial point. */
        SETUP("setup"),
        /** Plain gradient descent ({@link TrainingTail#run}), with its checks at every record. */
        GD("gd"),
        /** The flow tail ({@link TrainingTail#flow} from {@link TrainingTail#run}), with its fate checks. */
        FLOW_TAIL("flow tail"),
        /** The flow's fate ({@link saddlesweep.flowfate.FateFinder}) at the end of the run. */
        FATE("fate"),
        /** GD's own fate ({@link GdFateOfRun#of}), its inner GD iterations and flow tails included. */
        GD_FATE("gd fate"),
        /** The sequence of passages ({@link saddlesweep.sequence.SequenceFinder}) and its events. */
        SEQUENCE("sequence"),
        /** The attractor's spectrum and the checks against θ*. */
        CHECKS("checks"),
        /** The run's rows; in the bench also the Parquet files a sweep would commit. */
        WRITING("writing");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final ThreadLocal<PhaseClock> CURRENT = new ThreadLocal<>();
    /** Set by the first {@link #attach}; until then every hook is one read of this flag. */
    private static volatile boolean used;

    private final long[] cpuNanos = new long[Phase.values().length];
    private final long[] evaluations = new long[Phase.values().length];
    private final double[] decades = new double[Phase.values().length];
    private Phase running;
    private long since;

    private PhaseClock() {
    }

    /** Attaches a new clock to this thread, running {@code phase} from now. */
    public static PhaseClock attach(Phase phase) {
        used = true;
        PhaseClock c = new PhaseClock();
        c.running = phase;
        c.since = THREADS.getCurrentThreadCpuTime();
        CURRENT.set(c);
        return c;
    }

    /** Charges the running phase and removes this thread's clock; returns it (null if none was attached). */
    public static PhaseClock detach() {
        PhaseClock c = CURRENT.get();
        if (c == null) return null;
        c.switchTo(null);
        CURRENT.remove();
        return c;
    }

    /** From now on, this thread's run is in {@code phase} (nothing if no clock is attached). */
    public static void enter(Phase phase) {
        if (!used) return;
        PhaseClock c = CURRENT.get();
        if (c != null) c.switchTo(phase);
    }

    /** Adds evaluations (and the decades of GD-equivalent steps they covered) to a phase of this thread's run. */
    public static void count(Phase phase, long evaluations, double decades) {
        if (!used) return;
        PhaseClock c = CURRENT.get();
        if (c == null) return;
        c.evaluations[phase.ordinal()] += evaluations;
        c.decades[phase.ordinal()] += decades;
    }

    /** Decades from GD-equivalent step {@code from} to {@code to}: log10(to/from), steps below 1 taken as 1. */
    public static double decadesBetween(long from, long to) {
        return Math.log10((double) Math.max(1, to) / Math.max(1, from));
    }

    private void switchTo(Phase next) {
        long now = THREADS.getCurrentThreadCpuTime();
        if (running != null) cpuNanos[running.ordinal()] += now - since;
        running = next;
        since = now;
    }

    public long cpuNanos(Phase p) {
        return cpuNanos[p.ordinal()];
    }

    public long evaluations(Phase p) {
        return evaluations[p.ordinal()];
    }

    public double decades(Phase p) {
        return decades[p.ordinal()];
    }
}
