package saddlesweep.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/** Shared look of the report's charts: 1200×800 PNG, large fonts, white background, a fixed palette. */
final class Charts {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    static final int WIDTH = 1200;
    static final int HEIGHT = 800;

    private static final String FAMILY = "DejaVu Sans";
    static final Font TITLE_FONT = new Font(FAMILY, Font.BOLD, 26);
    static final Font SUBTITLE_FONT = new Font(FAMILY, Font.PLAIN, 18);
    static final Font AXIS_LABEL_FONT = new Font(FAMILY, Font.PLAIN, 22);
    static final Font TICK_FONT = new Font(FAMILY, Font.PLAIN, 18);
    static final Font LEGEND_FONT = new Font(FAMILY, Font.PLAIN, 18);
    static final Font ANNOTATION_FONT = new Font(FAMILY, Font.PLAIN, 17);
    static final Font CELL_FONT = new Font(FAMILY, Font.BOLD, 22);

    /** Tableau-10 colours. */
    static final Color[] PALETTE = {
            new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
            new Color(0xbcbd22), new Color(0x17becf)};

    static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 200);

    static final Stroke SOLID = new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke DASHED = new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[]{12f, 7f}, 0f);
    static final Stroke DOTTED = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
            new float[]{2f, 7f}, 0f);
    static final Stroke REFERENCE = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[]{8f, 6f}, 0f);

    private Charts() {
    }

    static Color colour(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** {@code c} with the given opacity in [0, 1]. */
    static Color translucent(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * alpha));
    }

    /** A base-10 logarithmic axis with ticks at round values (see {@link DecadeAxis}). */
    static LogAxis logAxis(String label) {
        return new DecadeAxis(label);
    }

    static NumberAxis numberAxis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        return a;
    }

    /** A chart around a plot, with fonts, colours and legend styled; an optional subtitle line. */
    static JFreeChart chart(String title, String subtitle, Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        if (subtitle != null) {
            TextTitle t = new TextTitle(subtitle, SUBTITLE_FONT);
            t.setPaint(Color.DARK_GRAY);
            chart.addSubtitle(t);
        }
        LegendTitle l = chart.getLegend();
        if (l != null) {
            l.setItemFont(LEGEND_FONT);
            l.setPosition(RectangleEdge.BOTTOM);
            l.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(new Color(0xdddddd));
            xy.setRangeGridlinePaint(new Color(0xdddddd));
            xy.setDomainGridlineStroke(new BasicStroke(1f));
            xy.setRangeGridlineStroke(new BasicStroke(1f));
            xy.setDomainMinorGridlinePaint(new Color(0xf0f0f0));
            xy.setRangeMinorGridlinePaint(new Color(0xf0f0f0));
            xy.setDomainMinorGridlinesVisible(xy.getDomainAxis() instanceof LogAxis);
            xy.setRangeMinorGridlinesVisible(xy.getRangeAxis() instanceof LogAxis);
            for (int i = 0; i < xy.getDomainAxisCount(); i++) styleAxis(xy.getDomainAxis(i));
            for (int i = 0; i < xy.getRangeAxisCount(); i++) styleAxis(xy.getRangeAxis(i));
        } else if (plot instanceof CategoryPlot cp) {
            cp.setRangeGridlinePaint(new Color(0xdddddd));
            cp.setRangeGridlineStroke(new BasicStroke(1f));
            styleAxis(cp.getDomainAxis());
            for (int i = 0; i < cp.getRangeAxisCount(); i++) styleAxis(cp.getRangeAxis(i));
        }
        return chart;
    }

    static void styleAxis(Axis a) {
        if (a == null) return;
        a.setLabelFont(AXIS_LABEL_FONT);
        a.setTickLabelFont(TICK_FONT);
        a.setLabelPaint(Color.BLACK);
        a.setTickLabelPaint(Color.BLACK);
        if (a instanceof ValueAxis v) v.setMinorTickMarksVisible(v instanceof LogAxis);
    }

    /** Writes the chart as a WIDTH×HEIGHT PNG. */
    static void save(JFreeChart chart, Path file) {
        try {
            ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A range [lo/pad, hi·pad] for a log axis covering the positive values given (NaN and ≤ 0 ignored). */
    static double[] logRange(double pad, double... values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (!(v > 0) || Double.isInfinite(v)) continue;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (lo > hi) return null;
        if (lo == hi) {
            lo /= 10;
            hi *= 10;
        }
        return new double[]{lo / pad, hi * pad};
    }

    static Paint textPaint() {
        return Color.BLACK;
    }
}
