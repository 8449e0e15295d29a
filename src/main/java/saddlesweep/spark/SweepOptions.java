package saddlesweep.spark;

/**
 * How a sweep is driven (not what it computes: that is the job).
 *
 * @param chunkSize   tasks per committed chunk; 0 = the job's chunk size
 * @param partitions  Spark partitions per chunk; 0 = one per task (best balance for runs of unequal length)
 * @param overwrite   delete this sweep's results and definition first
 * @param maxChunks   stop after computing this many chunks (0 = no limit); a rerun continues
 * @param inFlight    chunks computed at the same time (0 = enough to keep every executor slot busy)
 */
public record SweepOptions(int chunkSize, int partitions, boolean overwrite, long maxChunks, int inFlight) {

    public SweepOptions {
        if (chunkSize < 0) throw new IllegalArgumentException("chunk size must be >= 0, got " + chunkSize);
        if (partitions < 0) throw new IllegalArgumentException("partitions must be >= 0, got " + partitions);
        if (maxChunks < 0) throw new IllegalArgumentException("max chunks must be >= 0, got " + maxChunks);
        if (inFlight < 0) throw new IllegalArgumentException("chunks in flight must be >= 0, got " + inFlight);
    }

    public static SweepOptions defaults() {
        return new SweepOptions(0, 0, false, 0, 0);
    }

    public SweepOptions withChunkSize(int k) {
        return new SweepOptions(k, partitions, overwrite, maxChunks, inFlight);
    }

    public SweepOptions withPartitions(int p) {
        return new SweepOptions(chunkSize, p, overwrite, maxChunks, inFlight);
    }

    public SweepOptions withOverwrite(boolean o) {
        return new SweepOptions(chunkSize, partitions, o, maxChunks, inFlight);
    }

    public SweepOptions withMaxChunks(long m) {
        return new SweepOptions(chunkSize, partitions, overwrite, m, inFlight);
    }

    public SweepOptions withInFlight(int k) {
        return new SweepOptions(chunkSize, partitions, overwrite, maxChunks, k);
    }
}
