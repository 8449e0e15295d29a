package saddlesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import saddlesweep.train.RunStatus;
import saddlesweep.train.TrainingSettings;

/** The ETA from the remaining tasks' cost, calibrated on the committed runs, and the closing line. */
class SweepProgressTest {

    private static ChunkCommit chunk(long from, long to) {
        return new ChunkCommit(from, to, to - from, 0, 0, Map.of("converged", to - from));
    }

    @Test
    void etaIsRemainingCostTimesSecondsPerCostOverBusySlots() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        SweepProgress p = new SweepProgress(new PrintStream(buf, true, StandardCharsets.UTF_8), "s", 100);
        p.busySlots(() -> 4.0);
        p.start(100, 1_000_000, "chunks of 10");                 // e.g. 100 tasks of N·H·steps = 10^4
        p.committed(chunk(0, 10), 50_000, 200_000);   // cheap chunk: 50 000 cost units took 200 s of runs
        // 4 ms per cost unit (200 s / 50 000), 950 000 units left, 4 busy slots: 950 s
        assertEquals(950.0, p.etaSeconds(), 1e-9);
        p.committed(chunk(10, 20), 150_000, 600_000);
        // still 4 ms per unit; 800 000 left
        assertEquals(800.0, p.etaSeconds(), 1e-9);
        assertTrue(buf.toString(StandardCharsets.UTF_8).contains("20/100 runs (20.0%)"), buf.toString());
        assertTrue(buf.toString(StandardCharsets.UTF_8).contains("ETA 13m20s"), buf.toString());
    }

    @Test
    void theEtaFollowsCostNotCount() {
        // the same 10 of 100 tasks done, once they were the cheap tenth of the work, once the dear half
        SweepProgress cheapFirst = new SweepProgress(new PrintStream(new ByteArrayOutputStream()), "s", 100);
        SweepProgress dearFirst = new SweepProgress(new PrintStream(new ByteArrayOutputStream()), "s", 100);
        for (SweepProgress p : new SweepProgress[] {cheapFirst, dearFirst}) {
            p.busySlots(() -> 2.0);
            p.start(100, 1000, "chunks of 10");
        }
        cheapFirst.committed(chunk(0, 10), 100, 50_000);
        dearFirst.committed(chunk(0, 10), 500, 250_000);
        // both ran at 0.5 s per cost unit: 900 units left over 2 slots is 225 s, 500 units 125 s
        assertEquals(225.0, cheapFirst.etaSeconds(), 1e-9);
        assertEquals(125.0, dearFirst.etaSeconds(), 1e-9);
    }

    @Test
    void withoutAListenerTheEtaIsRemainingCostOverCostRate() throws InterruptedException {
        SweepProgress p = new SweepProgress(new PrintStream(new ByteArrayOutputStream()), "s", 10);
        p.start(10, 100, "chunks of 5");
        Thread.sleep(50);
        p.committed(chunk(0, 5), 20, 1000);
        double before = p.seconds();
        double eta = p.etaSeconds();
        double after = p.seconds();
        // 20 units done in the elapsed time, 80 left: 4 × the elapsed time when the ETA was taken
        assertTrue(eta >= 4 * before && eta <= 4 * after, "eta " + eta + ", elapsed " + before + " .. " + after);
    }

    @Test
    void theLastLineReportsTheBusySlots() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        SweepProgress p = new SweepProgress(new PrintStream(buf, true, StandardCharsets.UTF_8), "s", 10);
        p.start(10, 10, "chunks of 10");
        p.committed(chunk(0, 10), 10, 10);
        p.finish(true, 0.934);
        String last = buf.toString(StandardCharsets.UTF_8).strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("sweep s: complete, 10/10 runs, 10 computed in "), last);
        assertTrue(last.endsWith("converged 10; executor slots busy 93 %"), last);
    }

    @Test
    void oldChunksCountMaxStepsAsTheirJobsStatusAndTheLastLineFollowsTheStatusOrder() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        TrainingSettings flow = TrainingSettings.defaults();
        assertEquals(RunStatus.HORIZON, SweepProgress.oldMaxSteps(flow));
        assertEquals(RunStatus.BUDGET, SweepProgress.oldMaxSteps(flow.withTail(TrainingSettings.TAIL_GD)));
        // max_steps reaching the horizon: GD may have spent it (the view tells the runs apart)
        assertEquals(RunStatus.BUDGET, SweepProgress.oldMaxSteps(flow.withHorizonSteps(flow.maxSteps())));
        SweepProgress p = new SweepProgress(new PrintStream(buf, true, StandardCharsets.UTF_8), "s", 20,
                SweepProgress.oldMaxSteps(flow));
        p.resumed(new ChunkCommit(0, 10, 10, 0, 0, Map.of("max_steps", 6L, "converged", 4L)));
        p.start(10, 10, "chunks of 10");
        p.committed(new ChunkCommit(10, 20, 10, 0, 0, Map.of("horizon", 3L, "converged", 5L, "failed", 2L)), 10, 10);
        p.finish(true, Double.NaN);
        String out = buf.toString(StandardCharsets.UTF_8);
        assertEquals(Map.of("converged", 9L, "horizon", 9L, "failed", 2L), p.statuses());
        assertTrue(out.contains("ETA 0s, failed 2"), out);
        String last = out.strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.endsWith(": converged 9, horizon 9, failed 2"), last);
    }
}
