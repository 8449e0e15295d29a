package saddlesweep.report;

import java.awt.Color;
import java.awt.Paint;
import java.io.Serializable;

import org.jfree.chart.renderer.PaintScale;

/** A perceptually ordered colour scale (viridis, dark purple → yellow) over [lower, upper]; NaN is light grey. */
final class ColourScale implements PaintScale, Serializable {

    static final Color MISSING = new Color(0xdddddd);

    private static final int[] STOPS = {0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779,
            0x6ece58, 0xb5de2b, 0xfde725};

    private final double lower;
    private final double upper;

    ColourScale(double lower, double upper) {
        this.lower = lower;
        this.upper = upper;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        return colour(value);
    }

    Color colour(double value) {
        if (Double.isNaN(value)) return MISSING;
        double t = (value - lower) / (upper - lower);
        t = Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
        int i = Math.min((int) Math.floor(t), STOPS.length - 2);
        double f = t - i;
        Color a = new Color(STOPS[i]);
        Color b = new Color(STOPS[i + 1]);
        return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f), mix(a.getBlue(), b.getBlue(), f));
    }

    /** Whether text on this colour should be white (dark background). */
    boolean isDark(double value) {
        Color c = colour(value);
        return 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue() < 140;
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
