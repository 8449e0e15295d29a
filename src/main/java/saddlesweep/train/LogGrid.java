package saddlesweep.train;

/**
 * The log-spaced record grid: step 0, then the distinct integers ⌈10^(k/p)⌉, k = 0, 1, 2, …, with p points
 * per decade (so every step while 10^(1/p) − 1 > 1/step, then p per decade).
 */
public final class LogGrid {

    private final int perDecade;

    public LogGrid(int perDecade) {
        if (perDecade < 1) throw new IllegalArgumentException("points per decade must be >= 1");
        this.perDecade = perDecade;
    }

    /** The first grid step strictly after {@code step}. */
    public long next(long step) {
        if (step < 1) return step + 1;
        long k = (long) Math.floor(perDecade * Math.log10(step));
        while (true) {
            long s = (long) Math.ceil(Math.pow(10, (double) k / perDecade) - 1e-9);
            if (s > step) return s;
            k++;
        }
    }
}
