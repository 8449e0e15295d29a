package saddlesweep.run;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import saddlesweep.run.PhaseClock.Phase;

/** The phase clock charges each phase its thread's CPU time, and does nothing on a thread without a clock. */
class PhaseClockTest {

    /** Burns about {@code millis} of this thread's CPU. */
    private static double spin(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        double x = 0;
        while (System.nanoTime() < end) x += Math.sqrt(x + 1);
        return x;
    }

    @Test
    void chargesTheRunningPhaseAndCountsEvaluations() {
        PhaseClock.attach(Phase.SETUP);
        spin(5);
        PhaseClock.enter(Phase.FLOW_TAIL);
        spin(20);
        PhaseClock.count(Phase.FLOW_TAIL, 1234, PhaseClock.decadesBetween(1000, 1_000_000));
        PhaseClock.enter(Phase.WRITING);
        PhaseClock c = PhaseClock.detach();
        assertNotNull(c);
        assertTrue(c.cpuNanos(Phase.SETUP) > 0);
        assertTrue(c.cpuNanos(Phase.FLOW_TAIL) > c.cpuNanos(Phase.SETUP), "20 ms against 5 ms");
        assertEquals(0, c.cpuNanos(Phase.GD));
        assertEquals(1234, c.evaluations(Phase.FLOW_TAIL));
        assertEquals(3.0, c.decades(Phase.FLOW_TAIL), 1e-12);
        assertEquals(0, c.evaluations(Phase.GD));
        assertNull(PhaseClock.detach(), "detached once");
    }

    @Test
    void withoutAClockNothingHappens() {
        PhaseClock.enter(Phase.GD);
        PhaseClock.count(Phase.GD, 10, 1);
        assertNull(PhaseClock.detach());
        Thread other = new Thread(() -> PhaseClock.enter(Phase.FATE));
        PhaseClock.attach(Phase.GD);
        other.start();
        assertDoesNotThrow(() -> other.join());
        PhaseClock c = PhaseClock.detach();
        assertEquals(0, c.cpuNanos(Phase.FATE), "another thread's switch does not touch this thread's clock");
    }
}
