package saddlesweep.train;

/**
 * The log-spaced record grid with p points per decade: every step below {@code dense}, then the distinct
 * integers ⌈10^(k/p)⌉. {@code dense} is the smallest power of ten from which consecutive grid points are at
 * least one step apart (10^(1/p) − 1 ≥ 1/step), so that every decade from 10 on holds at least p records
 * (below it, every step is recorded). For p = 50, dense = 100.
 */
public final class LogGrid {

    private final int perDecade;
    private final long dense;

    public LogGrid(int perDecade) {
        if (perDecade < 1) throw new IllegalArgumentException("points per decade must be >= 1");
        this.perDecade = perDecade;
        double spacing = Math.pow(10, 1.0 / perDecade) - 1;                       // relative gap of the grid
        this.dense = (long) Math.pow(10, Math.ceil(Math.log10(1 / spacing)));
    }

    /** The first grid step strictly after {@code step}. */
    public long next(long step) {
        if (step < 1 || step + 1 < dense) return step + 1;
        long k = (long) Math.floor(perDecade * Math.log10(step));
        while (true) {
            long s = (long) Math.ceil(Math.pow(10, (double) k / perDecade) - 1e-9);
            if (s > step) return s;
            k++;
        }
    }
}
