package saddlesweep.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The order in which a sweep's tasks run: position {@code p} (0 ≤ p < size) of the execution order runs the grid
 * task {@link #index(long) index(p)}. Chunks are ranges of positions, so with the {@code shuffled} order every
 * chunk is a uniform random sample of the grid (the first chunks are not all the fast H = 1 runs, and the
 * ETA after a few chunks is representative). Recorded in {@code _sweeps/S/order} on a sweep's first start and
 * read back on every resume, so a resumed sweep keeps its order whatever the chunk size.
 *
 * <p>The shuffle is a keyed bijection computed on demand, never a materialised list: a 6-round Feistel network
 * on 2k-bit numbers (2^2k ≥ size), with cycle walking to stay inside [0, size) (expected under 4 rounds of the
 * network per call, since 2^2k < 4·size).
 *
 * @param size  tasks in the grid
 * @param seed  key of the shuffle (the definition hash by default); ignored by the {@code grid} order
 */
public record TaskOrder(Kind kind, long size, long seed) implements Serializable {

    /** {@code grid}: position = grid index (sweeps started before the shuffle existed); {@code shuffled}. */
    public enum Kind { grid, shuffled }

    private static final int ROUNDS = 6;

    public TaskOrder {
        if (size < 0) throw new IllegalArgumentException("size must be >= 0, got " + size);
    }

    public static TaskOrder shuffled(long size, long seed) {
        return new TaskOrder(Kind.shuffled, size, seed);
    }

    public static TaskOrder grid(long size) {
        return new TaskOrder(Kind.grid, size, 0);
    }

    /** The shuffled order of a job keyed by its definition hash (16 hex digits): equal jobs run in equal order. */
    public static TaskOrder ofDefinition(long size, String definitionHash) {
        return shuffled(size, Long.parseUnsignedLong(definitionHash.trim(), 16));
    }

    /** The grid index run at execution position {@code position}. */
    public long index(long position) {
        if (position < 0 || position >= size) throw new IndexOutOfBoundsException("position " + position + " of " + size);
        if (kind == Kind.grid || size <= 1) return position;
        int half = halfBits(size);
        long x = position;
        do {
            x = feistel(x, half);
        } while (x >= size);   // cycle walking: the orbit of a position < size returns below size
        return x;
    }

    /** Bits of each Feistel half: the smallest k ≥ 1 with 2^(2k) ≥ size. */
    private static int halfBits(long size) {
        int bits = 64 - Long.numberOfLeadingZeros(size - 1);
        return Math.max(1, (bits + 1) / 2);
    }

    private long feistel(long x, int half) {
        long mask = (1L << half) - 1;
        long left = x >>> half;
        long right = x & mask;
        for (int r = 0; r < ROUNDS; r++) {
            long next = left ^ (mix(right ^ (seed + 0x9E3779B97F4A7C15L * (r + 1))) & mask);
            left = right;
            right = next;
        }
        return (left << half) | right;
    }

    /** SplitMix64's finaliser: a 64-bit mixing bijection. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The metadata text ({@code order=…}, {@code seed=…}, {@code size=…}). */
    public String toText() {
        return "order=" + kind + "\nseed=" + Long.toUnsignedString(seed, 16) + "\nsize=" + size + "\n";
    }

    /** Parses {@link #toText}; throws IllegalArgumentException on anything else. */
    public static TaskOrder parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
            return new TaskOrder(Kind.valueOf(p.getProperty("order", "")),
                    Long.parseLong(p.getProperty("size", "")), Long.parseUnsignedLong(p.getProperty("seed", ""), 16));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a task order: " + text.strip().replace('\n', ' '), e);
        }
    }
}
