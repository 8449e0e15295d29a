package saddlesweep.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A base-10 log axis with ticks at round values: every decade (every k-th when the range spans many
 * decades), or at 1, 2, 5 × 10^k when it spans less than about two decades; minor ticks at 2..9 × 10^k.
 * Labels read 0.01, 0.1, 1, 10, 100, 1000 and 1e-4, 2e-5, 1e+06 outside that range.
 */
final class DecadeAxis extends LogAxis {

    DecadeAxis(String label) {
        super(label);
        setBase(10);
        setSmallestValue(1e-300);
        setMinorTickMarksVisible(true);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        List ticks = new ArrayList();
        double lo = getRange().getLowerBound();
        double hi = getRange().getUpperBound();
        if (!(lo > 0) || !(hi > lo)) return ticks;
        double span = Math.log10(hi) - Math.log10(lo);
        int first = (int) Math.floor(Math.log10(lo));
        int last = (int) Math.ceil(Math.log10(hi));
        int[] mantissas = span < 1.3 ? new int[]{1, 2, 3, 5} : span < 2.3 ? new int[]{1, 2, 5} : new int[]{1};
        int every = Math.max(1, (int) Math.ceil(span / 10));
        boolean minor = span <= 8;
        TextAnchor anchor = RectangleEdge.isTopOrBottom(edge)
                ? (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER)
                : (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT);
        for (int e = first; e <= last; e++) {
            for (int m = 1; m <= 9; m++) {
                double v = m * Math.pow(10, e);
                if (v < lo || v > hi) continue;
                boolean major = contains(mantissas, m) && (m != 1 || Math.floorMod(e, every) == 0);
                if (major) ticks.add(new NumberTick(TickType.MAJOR, v, label(m, e), anchor, TextAnchor.CENTER, 0.0));
                else if (minor || m == 1) ticks.add(new NumberTick(TickType.MINOR, v, "", anchor, TextAnchor.CENTER, 0.0));
            }
        }
        return ticks;
    }

    private static boolean contains(int[] a, int m) {
        for (int x : a) if (x == m) return true;
        return false;
    }

    /** m × 10^e as text. */
    static String label(int m, int e) {
        if (e >= -2 && e <= 3) {
            double v = m * Math.pow(10, e);
            return e >= 0 ? String.valueOf((long) Math.round(v)) : String.format(Locale.ROOT, "%." + (-e) + "f", v);
        }
        return m + "e" + (e > 0 ? "+" : "") + e;
    }
}
