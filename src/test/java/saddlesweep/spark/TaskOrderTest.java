package saddlesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.BitSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import saddlesweep.job.SweepJob;

/** The shuffled execution order: a bijection of the grid, fixed by its seed, whose chunks are fair samples. */
class TaskOrderTest {

    @TempDir
    Path dir;

    @Test
    void everySizeIsPermutedExactlyOnce() {
        for (long size : new long[] {1, 2, 3, 5, 12, 63, 64, 65, 1000, 1920, 4097}) {
            TaskOrder o = TaskOrder.shuffled(size, 0x5eedL + size);
            BitSet seen = new BitSet((int) size);
            for (long p = 0; p < size; p++) {
                long i = o.index(p);
                assertTrue(i >= 0 && i < size, "index " + i + " of " + size);
                assertTrue(!seen.get((int) i), "index " + i + " twice in " + size);
                seen.set((int) i);
            }
            assertEquals(size, seen.cardinality());
        }
        assertThrows(IndexOutOfBoundsException.class, () -> TaskOrder.shuffled(10, 1).index(10));
    }

    @Test
    void theSeedFixesTheOrderAndTheTextRecordsIt() {
        TaskOrder a = TaskOrder.shuffled(1920, 42);
        TaskOrder b = TaskOrder.parse(a.toText());
        assertEquals(a, b);
        TaskOrder other = TaskOrder.shuffled(1920, 43);
        int same = 0;
        for (long p = 0; p < 1920; p++) {
            assertEquals(a.index(p), b.index(p));
            if (a.index(p) == other.index(p)) same++;
        }
        assertTrue(same < 20, "another seed gives nearly the same order: " + same + " equal positions");
        int fixed = 0;
        for (long p = 0; p < 1920; p++) if (a.index(p) == p) fixed++;
        assertTrue(fixed < 20, "the shuffle leaves " + fixed + " positions in place");
        TaskOrder grid = TaskOrder.parse(TaskOrder.grid(7).toText());
        for (long p = 0; p < 7; p++) assertEquals(p, grid.index(p));
        assertThrows(IllegalArgumentException.class, () -> TaskOrder.parse("order=sorted\nsize=3\nseed=0\n"));
    }

    @Test
    void aJobsOrderComesFromItsDefinitionHash() {
        SweepJob job = SweepFixture.job(SweepFixture.writeJob(dir, "tiny", 0.01));
        SweepJob same = SweepFixture.job(SweepFixture.writeJob(dir.resolve("again"), "tiny", 0.01));
        SweepJob other = SweepFixture.job(SweepFixture.writeJob(dir, "tiny", 0.04));
        TaskOrder a = TaskOrder.ofDefinition(job.size(), job.definitionHash());
        assertEquals(a, TaskOrder.ofDefinition(same.size(), same.definitionHash()));
        assertNotEquals(a.seed(), TaskOrder.ofDefinition(other.size(), other.definitionHash()).seed());
    }

    /**
     * paper.yaml's grid shape (5 n × 4 sigma2 × 3 hidden × 4 data seeds × 8 init seeds, hidden the third digit):
     * every chunk of 64 holds each H about 64/3 times and each N about 64/5 times, as a random sample would
     * (hypergeometric sd ≈ 3.6 and 3.1); in grid order the first chunk is all of one N.
     */
    @Test
    void everyChunkOfAPaperSizedGridIsAFairSample() {
        long size = 1920;
        TaskOrder o = TaskOrder.shuffled(size, 0x9a9e7L);
        int worstH = 0;
        int worstN = 0;
        for (long from = 0; from < size; from += 64) {
            int[] h = new int[3];
            int[] n = new int[5];
            for (long p = from; p < from + 64; p++) {
                long i = o.index(p);
                h[(int) ((i / 32) % 3)]++;    // init (8) × data (4) = 32 per hidden digit
                n[(int) (i / 384)]++;         // 4 sigma2 × 3 hidden × 32
            }
            for (int c : h) worstH = Math.max(worstH, Math.abs(c * 3 - 64));
            for (int c : n) worstN = Math.max(worstN, Math.abs(c * 5 - 64));
        }
        // 4.5 sd over 30 chunks × 3 (5) counts: a fair sampler exceeds it with probability < 1e-3
        assertTrue(worstH <= 3 * 16, "a chunk's H count is off by " + worstH / 3.0);
        assertTrue(worstN <= 5 * 14, "a chunk's N count is off by " + worstN / 5.0);
    }
}
