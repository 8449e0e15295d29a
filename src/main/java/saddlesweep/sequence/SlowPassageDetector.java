package saddlesweep.sequence;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds slow passages in a sequence of gradient norms g_0..g_{m−1} recorded on a log-spaced step grid.
 *
 * <p>Rule: index k is a slow passage when g_k is a local minimum and, walking left from k until a value
 * below g_k (or the start), the largest value met is ≥ dipFactor·g_k, and the same holds walking right
 * (until a value below g_k or the end). This is the prominence of the dip on each side; the run's final
 * convergence, where g keeps falling to the end, has no rise on its right and is never a passage. The
 * extent is the contiguous range around k where g ≤ 10·g_k (within one decade of the dip).
 */
public final class SlowPassageDetector {

    private final double dipFactor;

    public SlowPassageDetector(double dipFactor) {
        this.dipFactor = dipFactor;
    }

    public List<SlowPassage> detect(double[] g) {
        List<SlowPassage> found = new ArrayList<>();
        int m = g.length;
        for (int k = 1; k < m - 1; k++) {
            // local minimum; on a run of equal values take its first index
            if (!(g[k] < g[k - 1]) || !(g[k] <= g[k + 1])) continue;
            double level = dipFactor * g[k];
            double leftMax = 0;
            for (int j = k - 1; j >= 0 && g[j] >= g[k]; j--) leftMax = Math.max(leftMax, g[j]);
            double rightMax = 0;
            int j = k + 1;
            while (j < m && g[j] >= g[k]) {
                rightMax = Math.max(rightMax, g[j]);
                j++;
            }
            if (leftMax < level || rightMax < level) continue;
            double decade = 10 * g[k];
            int enter = k;
            while (enter > 0 && g[enter - 1] <= decade) enter--;
            int exit = k;
            while (exit < m - 1 && g[exit + 1] <= decade) exit++;
            found.add(new SlowPassage(k, enter, exit));
        }
        return found;
    }
}
