package saddlesweep.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Figure 1: one run's dynamics on log–log axes: L_N and E (left axis) and ‖∇L_N‖ (right axis) against the
 * step, slow passages shaded and labelled, the attractor step marked, L_N(θ*) and E_opt as horizontal lines.
 * Step 0 (θ_0) has no place on a log axis and is left out; so are values ≤ 0 (e.g. E = 0 exactly).
 */
final class DynamicsFigure {

    static final String SECTION = "1. Dynamics of one run";

    private static final Color LOSS = new Color(0x1f77b4);
    private static final Color EXCESS = new Color(0xd62728);
    private static final Color GRADIENT = new Color(0x7f7f7f);

    private DynamicsFigure() {
    }

    /** Draws {@code trace} into {@code dir/file}; {@code why} says how the run was chosen. */
    static FigureResult write(RunTrace trace, String why, Path dir, String file) {
        String title = "Dynamics of run " + trace.run().taskId() + " (H = " + trace.run().hidden() + ")";
        List<RunTrace.Point> pts = trace.points().stream().filter(p -> p.step() >= 1).toList();
        if (pts.size() < 2) {
            return FigureResult.leftOut(SECTION, title, "run " + trace.run().taskId() + " has fewer than two recorded steps ≥ 1 (status "
                    + trace.run().status() + ")");
        }
        RunTrace.Run run = trace.run();
        XYSeries loss = new XYSeries("L_N (training loss)");
        XYSeries excess = new XYSeries("E (population excess)");
        XYSeries grad = new XYSeries("‖∇L_N‖ (right axis)");
        List<Double> leftValues = new ArrayList<>();
        for (RunTrace.Point p : pts) {
            if (p.trainLoss() > 0) {
                loss.add(p.step(), p.trainLoss());
                leftValues.add(p.trainLoss());
            }
            if (p.genExcess() > 0) {
                excess.add(p.step(), p.genExcess());
                leftValues.add(p.genExcess());
            }
            if (p.gradNorm() > 0) grad.add(p.step(), p.gradNorm());
        }
        if (loss.getItemCount() + excess.getItemCount() == 0) {
            return FigureResult.leftOut(SECTION, title, "run " + run.taskId() + " has no positive L_N or E to plot");
        }
        XYSeriesCollection left = new XYSeriesCollection();
        left.addSeries(loss);
        left.addSeries(excess);

        LogAxis stepAxis = Charts.logAxis("step t (gradient-descent iterations)");
        long lastStep = Math.max(run.steps(), pts.get(pts.size() - 1).step());
        stepAxis.setRange(0.8, Math.max(10, lastStep * 1.6));
        LogAxis lossAxis = Charts.logAxis("L_N(θ_t),  E(θ_t)");
        XYLineAndShapeRenderer lr = new XYLineAndShapeRenderer(true, false);
        lr.setSeriesPaint(0, LOSS);
        lr.setSeriesPaint(1, EXCESS);
        lr.setSeriesStroke(0, Charts.SOLID);
        lr.setSeriesStroke(1, Charts.SOLID);
        XYPlot plot = new XYPlot(left, stepAxis, lossAxis, lr);

        List<String> notes = new ArrayList<>();
        double[] refs = {run.optTrainLoss(), run.optGenExcess()};
        if (run.optTrainLoss() > 0) {
            plot.addRangeMarker(0, reference("L_N(θ*) = " + Numbers.g3(run.optTrainLoss()), run.optTrainLoss(), LOSS, false), Layer.FOREGROUND);
        } else {
            notes.add("L_N(θ*) = " + Numbers.g3(run.optTrainLoss()) + " is not positive, so it has no line on the log axis");
        }
        if (run.limitTrainLoss() > 0) {
            plot.addRangeMarker(0, reference("L_N(limit) = " + Numbers.g3(run.limitTrainLoss()) + " (" + run.attractorKind() + ")",
                    run.limitTrainLoss(), LOSS, true), Layer.FOREGROUND);
        }
        if (run.optGenExcess() > 0) {
            plot.addRangeMarker(0, reference("E_opt = " + Numbers.g3(run.optGenExcess()), run.optGenExcess(), EXCESS, true), Layer.FOREGROUND);
        } else {
            notes.add("E_opt = " + Numbers.g3(run.optGenExcess()) + " (the student can represent the teacher), so it has no line on the log axis");
        }
        double[] lr0 = Charts.logRange(3, concat(leftValues, refs));
        lossAxis.setRange(lr0[0], lr0[1]);

        if (grad.getItemCount() > 0) {
            LogAxis gradAxis = Charts.logAxis("‖∇L_N(θ_t)‖");
            plot.setRangeAxis(1, gradAxis);
            plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
            plot.setDataset(1, new XYSeriesCollection(grad));
            plot.mapDatasetToRangeAxis(1, 1);
            XYLineAndShapeRenderer gr = new XYLineAndShapeRenderer(true, false);
            gr.setSeriesPaint(0, GRADIENT);
            gr.setSeriesStroke(0, new BasicStroke(2.5f));
            plot.setRenderer(1, gr);
            double[] gr0 = Charts.logRange(3, grad.getMinY(), grad.getMaxY());
            gradAxis.setRange(gr0[0], gr0[1]);
        }
        PassageMarkers.add(plot, trace, true);

        JFreeChart chart = Charts.chart(title, trace.describe() + " · status " + run.status() + " after "
                + run.steps() + " steps", plot, true);
        Charts.save(chart, dir.resolve(file));

        String caption = why + " Run " + run.taskId() + ": " + trace.describe() + "; status <b>" + run.status()
                + "</b> after " + run.steps() + " steps, attractor <b>" + run.attractorKind().replace('_', ' ')
                + "</b> with L_N = " + Numbers.g3(run.trainLoss()) + " (L_N(θ*) = " + Numbers.g3(run.optTrainLoss())
                + ") and E = " + Numbers.g3(run.genExcess()) + " (E_opt = " + Numbers.g3(run.optGenExcess())
                + "; min E along the run " + Numbers.g3(run.minGenExcess()) + " at step " + run.minGenStep()
                + "). Slow passages (shaded): " + Numbers.html(PassageMarkers.describe(trace))
                + ". Step 0 is not shown on the log axis" + (notes.isEmpty() ? "" : "; " + Numbers.html(String.join("; ", notes))) + ".";
        return FigureResult.drawn(SECTION, title, file, caption);
    }

    private static ValueMarker reference(String label, double value, Color c, boolean below) {
        ValueMarker m = new ValueMarker(value, c, Charts.REFERENCE);
        m.setLabel(label);
        m.setLabelFont(Charts.ANNOTATION_FONT);
        m.setLabelPaint(c.darker());
        m.setLabelBackgroundColor(Charts.LABEL_BACKGROUND);
        m.setLabelAnchor(below ? RectangleAnchor.BOTTOM_LEFT : RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(below ? TextAnchor.TOP_LEFT : TextAnchor.BOTTOM_LEFT);
        m.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(4, 60, 4, 4));
        return m;
    }

    private static double[] concat(List<Double> values, double[] more) {
        double[] out = new double[values.size() + more.length];
        for (int i = 0; i < values.size(); i++) out[i] = values.get(i);
        System.arraycopy(more, 0, out, values.size(), more.length);
        return out;
    }
}
