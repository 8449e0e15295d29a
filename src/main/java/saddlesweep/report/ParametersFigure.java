package saddlesweep.report;

import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Figure 2: one run's parameters w_i (solid) and v_i (dashed, same colour for the same unit i) against the
 * step on a log axis, as trained (not canonicalised), with the run's slow passages shaded.
 */
final class ParametersFigure {

    static final String SECTION = "2. Parameters of the same run";

    private ParametersFigure() {
    }

    static FigureResult write(RunTrace trace, Path dir, String file) {
        RunTrace.Run run = trace.run();
        String title = "Parameters of run " + run.taskId() + " (H = " + run.hidden() + ")";
        List<RunTrace.Point> pts = trace.points().stream().filter(p -> p.step() >= 1 && p.theta().length > 0).toList();
        if (pts.size() < 2) {
            return FigureResult.leftOut(SECTION, title, "run " + run.taskId() + " has fewer than two recorded parameter vectors");
        }
        int h = pts.get(0).theta().length / 2;
        XYSeriesCollection ds = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < h; i++) {
            XYSeries w = new XYSeries("w_" + (i + 1));
            XYSeries v = new XYSeries("v_" + (i + 1));
            for (RunTrace.Point p : pts) {
                if (p.theta().length != 2 * h) continue;
                if (Double.isFinite(p.theta()[i])) w.add(p.step(), p.theta()[i]);
                if (Double.isFinite(p.theta()[h + i])) v.add(p.step(), p.theta()[h + i]);
            }
            ds.addSeries(w);
            ds.addSeries(v);
            r.setSeriesPaint(2 * i, Charts.colour(i));
            r.setSeriesPaint(2 * i + 1, Charts.colour(i));
            r.setSeriesStroke(2 * i, Charts.SOLID);
            r.setSeriesStroke(2 * i + 1, Charts.DASHED);
        }
        LogAxis stepAxis = Charts.logAxis("step t (gradient-descent iterations)");
        long lastStep = Math.max(run.steps(), pts.get(pts.size() - 1).step());
        stepAxis.setRange(0.8, Math.max(10, lastStep * 1.6));
        NumberAxis valueAxis = Charts.numberAxis("parameter value  (w_i: input weight, v_i: output weight)");
        valueAxis.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(ds, stepAxis, valueAxis, r);
        plot.addRangeMarker(new org.jfree.chart.plot.ValueMarker(0, java.awt.Color.GRAY, new java.awt.BasicStroke(1f)));
        PassageMarkers.add(plot, trace, true);
        JFreeChart chart = Charts.chart(title, trace.describe() + " · w_i solid, v_i dashed, unit i by colour", plot, true);
        Charts.save(chart, dir.resolve(file));

        double[] last = pts.get(pts.size() - 1).theta();
        StringBuilder lastText = new StringBuilder();
        for (int i = 0; i < last.length; i++) {
            if (i > 0) lastText.append(", ");
            lastText.append(i < h ? "w_" + (i + 1) : "v_" + (i - h + 1)).append(" = ").append(Numbers.g3(last[i]));
        }
        String caption = "The parameters θ_t = (w_1..w_H, v_1..v_H) of the run of figure 1 as trained (unit order and "
                + "signs as gradient descent left them; the tables' attractor columns are canonical). Last record (step "
                + pts.get(pts.size() - 1).step() + "): " + lastText + ". Slow passages shaded as in figure 1; "
                + "attractor kind <b>" + run.attractorKind().replace('_', ' ') + "</b>.";
        return FigureResult.drawn(SECTION, title, file, caption);
    }
}
