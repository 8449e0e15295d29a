package saddlesweep.report;

import java.awt.BasicStroke;
import java.awt.Color;

import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

/**
 * Marks a run's events on a step axis: each slow passage shaded from step_enter to step_exit and labelled
 * with its kind and Morse index (plateau orange, near-optimal green), the attractor step as a vertical line.
 */
final class PassageMarkers {

    static final Color PLATEAU = new Color(0xff7f0e);
    static final Color NEAR_OPTIMAL = new Color(0x2ca02c);
    static final Color ATTRACTOR = new Color(0x444444);

    private PassageMarkers() {
    }

    /** Adds the markers; {@code labels} puts the text labels on (alternating heights so neighbours do not overlap). */
    static void add(XYPlot plot, RunTrace trace, boolean labels) {
        int k = 0;
        for (RunTrace.Event e : trace.passages()) {
            boolean plateau = "plateau".equals(e.kind());
            Color c = plateau ? PLATEAU : NEAR_OPTIMAL;
            double lo = Math.max(1, e.stepEnter());
            double hi = Math.max(lo * 1.02, e.stepExit());
            IntervalMarker m = new IntervalMarker(lo, hi, Charts.translucent(c, 0.22));
            m.setOutlinePaint(Charts.translucent(c, 0.8));
            m.setOutlineStroke(new BasicStroke(1f));
            if (labels) {
                m.setLabel((plateau ? "plateau" : "near-optimal") + ", index " + e.morseIndex());
                label(m, c.darker(), k++);
            }
            plot.addDomainMarker(m, Layer.BACKGROUND);
        }
        RunTrace.Event a = trace.attractorEvent();
        if (a != null && a.stepDip() > 0) {
            ValueMarker m = new ValueMarker(a.stepDip(), ATTRACTOR, new BasicStroke(2.5f));
            if (labels) {
                m.setLabel("attractor: " + trace.run().attractorKind().replace('_', ' ') + " ");
                m.setLabelFont(Charts.ANNOTATION_FONT);
                m.setLabelPaint(ATTRACTOR);
                m.setLabelBackgroundColor(Charts.LABEL_BACKGROUND);
                m.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
                m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
                m.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(0, 0, 40, 0));
            }
            plot.addDomainMarker(m, Layer.FOREGROUND);
        }
    }

    private static void label(Marker m, Color c, int k) {
        m.setLabelFont(Charts.ANNOTATION_FONT);
        m.setLabelPaint(c);
        m.setLabelBackgroundColor(Charts.LABEL_BACKGROUND);
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        m.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(6 + 24 * (k % 3), 4, 0, 0));
    }

    /** Caption text listing the passages: "plateau (index 1, steps 120–800, elimination); …". */
    static String describe(RunTrace trace) {
        StringBuilder sb = new StringBuilder();
        for (RunTrace.Event e : trace.passages()) {
            if (sb.length() > 0) sb.append("; ");
            sb.append(e.kind().replace('_', '-')).append(" (Morse index ").append(e.morseIndex())
                    .append(", steps ").append(e.stepEnter()).append("–").append(e.stepExit());
            if (e.singularity() != null && !"none".equals(e.singularity())) sb.append(", ").append(e.singularity()).append(" set");
            sb.append(")");
        }
        return sb.length() == 0 ? "no slow passage detected" : sb.toString();
    }
}
