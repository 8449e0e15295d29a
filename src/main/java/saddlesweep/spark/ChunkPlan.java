package saddlesweep.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The chunks still to compute: the task index range [0, size) less the committed ranges, cut into ranges of at
 * most {@code chunkSize} indices. Lazy: holds only the committed ranges, never the task list.
 */
public final class ChunkPlan implements Iterable<long[]> {

    private final long size;
    private final int chunkSize;
    private final List<long[]> committed;

    public ChunkPlan(long size, int chunkSize, List<ChunkCommit> commits) {
        if (chunkSize < 1) throw new IllegalArgumentException("chunk size must be >= 1, got " + chunkSize);
        this.size = size;
        this.chunkSize = chunkSize;
        this.committed = new ArrayList<>();
        for (ChunkCommit c : commits) committed.add(new long[] {c.from(), c.to()});
        committed.sort(Comparator.comparingLong(r -> r[0]));
    }

    /** Number of task indices not covered by a committed chunk. */
    public long remaining() {
        long covered = 0;
        long end = 0;
        for (long[] r : committed) {
            long a = Math.max(r[0], end);
            long b = Math.min(r[1], size);
            if (b > a) covered += b - a;
            end = Math.max(end, r[1]);
        }
        return size - covered;
    }

    /** Ranges {from, to} of the chunks to compute, in index order. */
    @Override
    public Iterator<long[]> iterator() {
        return new Iterator<>() {
            private long pos = 0;
            private int next = 0;
            private long[] pending = advance();

            private long[] advance() {
                while (pos < size) {
                    while (next < committed.size() && committed.get(next)[1] <= pos) next++;
                    if (next < committed.size() && committed.get(next)[0] <= pos) {
                        pos = committed.get(next)[1];
                        continue;
                    }
                    long limit = next < committed.size() ? Math.min(size, committed.get(next)[0]) : size;
                    long to = Math.min(limit, pos + chunkSize);
                    long[] r = {pos, to};
                    pos = to;
                    return r;
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return pending != null;
            }

            @Override
            public long[] next() {
                if (pending == null) throw new NoSuchElementException();
                long[] r = pending;
                pending = advance();
                return r;
            }
        };
    }
}
