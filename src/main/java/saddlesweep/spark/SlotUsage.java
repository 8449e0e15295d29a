package saddlesweep.spark;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/**
 * How busy the executor slots were while a sweep's chunk jobs ran: a Spark listener that adds up the duration
 * of every task of the jobs in one job group and compares it with the slot time, slots × wall time from the
 * start of the group's first job to the end of its last (gaps between jobs count as idle). Slots are sampled
 * at each event ({@code defaultParallelism}: the cores of local[K], or the executors' total cores on a
 * cluster), so executors that come and go are accounted for.
 *
 * <p>utilisation = Σ task time / ∫ slots dt
 */
public final class SlotUsage extends SparkListener {

    private static final String GROUP_PROPERTY = "spark.jobGroup.id";

    private final SparkContext sc;
    private final String group;
    private final IntSupplier slots;
    private final Set<Integer> stages = ConcurrentHashMap.newKeySet();
    private final Set<Integer> openJobs = ConcurrentHashMap.newKeySet();
    private final Map<Long, Long> running = new ConcurrentHashMap<>();   // task id → launch time
    private long busyMs;
    private double slotMs;
    private long firstStart = -1;
    private long lastEvent = -1;
    private int lastSlots;
    private long jobsEnded;

    private SlotUsage(SparkContext sc, String group) {
        this.sc = sc;
        this.group = group;
        this.slots = sc::defaultParallelism;
    }

    /** Registers a listener for the jobs of {@code group}; {@link #close} removes it. */
    public static SlotUsage start(SparkContext sc, String group) {
        SlotUsage u = new SlotUsage(sc, group);
        sc.addSparkListener(u);
        return u;
    }

    /** Stops listening. */
    public void close() {
        sc.removeSparkListener(this);
    }

    /** Waits (at most {@code timeoutMs}) until the listener has seen the end of {@code jobs} jobs of the group. */
    public synchronized void awaitJobs(long jobs, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (jobsEnded < jobs) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) return;
            wait(left);
        }
    }

    @Override
    public synchronized void onJobStart(SparkListenerJobStart start) {
        if (start.properties() == null || !group.equals(start.properties().getProperty(GROUP_PROPERTY))) return;
        openJobs.add(start.jobId());
        scala.collection.Iterator<Object> it = start.stageIds().iterator();
        while (it.hasNext()) stages.add((Integer) it.next());
        advance(start.time());
        if (firstStart < 0) firstStart = start.time();
    }

    @Override
    public synchronized void onJobEnd(SparkListenerJobEnd end) {
        if (!openJobs.remove(end.jobId())) return;
        advance(end.time());
        jobsEnded++;
        notifyAll();
    }

    @Override
    public synchronized void onTaskStart(SparkListenerTaskStart start) {
        if (stages.contains(start.stageId()) && start.taskInfo() != null) {
            running.put(start.taskInfo().taskId(), start.taskInfo().launchTime());
        }
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        if (!stages.contains(end.stageId()) || end.taskInfo() == null) return;
        running.remove(end.taskInfo().taskId());
        busyMs += end.taskInfo().duration();
        advance(end.taskInfo().finishTime());
    }

    /** Adds the slot time from the last event to {@code now} (only while the group has begun). */
    private void advance(long now) {
        int s = Math.max(1, slots.getAsInt());
        if (lastEvent >= 0 && now > lastEvent) slotMs += (double) lastSlots * (now - lastEvent);
        if (now > lastEvent) lastEvent = now;
        lastSlots = s;
    }

    /** Task time of the group so far, in ms. */
    public synchronized long busyMs() {
        return busyMs;
    }

    /** Wall time from the group's first job start to its last event, in ms (0 before any). */
    public synchronized long wallMs() {
        return firstStart < 0 ? 0 : lastEvent - firstStart;
    }

    /** The share of slot time spent in the group's tasks, NaN before any slot time. */
    public synchronized double utilisation() {
        return slotMs > 0 ? Math.min(1.0, busyMs / slotMs) : Double.NaN;
    }

    /** Average number of busy slots from the first job start to now: task time (running tasks' so far) / elapsed. */
    public synchronized double busySlots(long nowMs) {
        if (firstStart < 0 || nowMs <= firstStart) return Double.NaN;
        long busy = busyMs;
        for (long launched : running.values()) busy += Math.max(0, nowMs - launched);
        return busy / (double) (nowMs - firstStart);
    }
}
