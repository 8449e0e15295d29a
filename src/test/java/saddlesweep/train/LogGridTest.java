package saddlesweep.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** LogGrid: strictly increasing integer steps from 0, at least 50 per decade (every step where a decade has fewer). */
class LogGridTest {

    static List<Long> steps(int perDecade, long upTo) {
        LogGrid grid = new LogGrid(perDecade);
        List<Long> out = new ArrayList<>();
        for (long s = 0; s <= upTo; s = grid.next(s)) out.add(s);
        return out;
    }

    private static long countIn(List<Long> s, long from, long to) {
        return s.stream().filter(x -> x >= from && x < to).count();
    }

    @Test
    void strictlyIncreasingFromZeroEveryEarlyStepAndFiftyPerDecadeFrom100() {
        List<Long> s = steps(50, 100_000_000L);
        assertEquals(0L, s.get(0));
        for (int i = 1; i < s.size(); i++) assertTrue(s.get(i) > s.get(i - 1), "strictly increasing at " + i);
        // every step while the grid spacing is below one step: 0, 1, …, 21 (10^(1/50) − 1 < 1/step)
        for (long k = 0; k <= 21; k++) assertEquals(k, s.get((int) k));
        for (long lo = 100; lo < 100_000_000L; lo *= 10) {
            long count = countIn(s, lo, lo * 10);
            assertTrue(count >= 50, "decade [" + lo + ", " + 10 * lo + "): " + count + " points");
        }
        assertEquals(9, countIn(s, 1, 10));
    }

    @Test
    void atLeastFiftyPointsInTheDecadeTenToHundred() {
        // ⌈10^(k/50)⌉ for k = 50..66 collapse onto the 12 integers 10..21, then k = 67..99 give 33 more: 45 < 50.
        // A fix: record every step below 100 (or below the end of the decade where the spacing reaches 1).
        long count = countIn(steps(50, 1000), 10, 100);
        assertTrue(count >= 50, "decade [10, 100): " + count + " points");
    }

    @Test
    void noGapWiderThanOneFiftiethOfADecade() {
        // consecutive points differ by at most a factor 10^(1/50) (rounded up to the next integer)
        List<Long> s = steps(50, 10_000_000L);
        double ratio = Math.pow(10, 1.0 / 50);
        for (int i = 2; i < s.size(); i++) {
            assertTrue(s.get(i) <= Math.ceil(s.get(i - 1) * ratio) + 1, s.get(i - 1) + " → " + s.get(i));
        }
    }

    @Test
    void nextIsStrictlyAfterAnyStepAndOnTheGrid() {
        LogGrid grid = new LogGrid(50);
        List<Long> s = steps(50, 2_000_000L);
        for (long x : new long[] {0, 1, 7, 99, 100, 101, 12_345, 999_999, 1_000_000}) {
            long n = grid.next(x);
            assertTrue(n > x);
            assertTrue(s.contains(n), n + " is a grid point");
            // no grid point strictly between x and next(x)
            assertTrue(s.stream().noneMatch(p -> p > x && p < n));
        }
        // p = 3: 0, then ⌈10^(k/3)⌉ = 1, ⌈2.15⌉, ⌈4.64⌉, 10, ⌈21.5⌉, ⌈46.4⌉, 100
        assertEquals(List.of(0L, 1L, 3L, 5L, 10L, 22L, 47L, 100L), steps(3, 100));
    }

    @Test
    void rejectsNonPositiveDensity() {
        assertThrows(IllegalArgumentException.class, () -> new LogGrid(0));
    }
}
