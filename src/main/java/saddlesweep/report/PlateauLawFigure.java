package saddlesweep.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.apache.spark.sql.Row;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import saddlesweep.spark.ResultTable;

/**
 * Figure 5c: the escape from the origin plateau against its linear law: for every run's origin visit, the
 * measured exit (events.step_exit) against the predicted one, ln(0.5/A(0))/ln(1 + η|m|)
 * (events.predicted_exit), one series per η, with the diagonal measured = predicted.
 */
final class PlateauLawFigure {

    static final String FILE = "plateau-law.png";

    /** One origin visit: η, predicted and measured exit step. */
    record Escape(double eta, long predicted, long measured) {
    }

    private PlateauLawFigure() {
    }

    static List<Escape> load(ReportSource source) {
        List<Escape> out = new ArrayList<>();
        if (!source.has(ResultTable.EVENTS)) return out;
        List<Row> rows;
        try {
            rows = source.sql("select r.eta, e.predicted_exit, e.step_exit from events e join runs r on e.task_id = r.task_id "
                    + "where e.singularity = 'origin' and e.predicted_exit is not null and e.predicted_exit > 0 and e.step_exit > 0");
        } catch (RuntimeException e) {
            return out;                 // results written before the origin visit existed
        }
        for (Row r : rows) {
            out.add(new Escape(r.getDouble(0), ((Number) r.get(1)).longValue(), ((Number) r.get(2)).longValue()));
        }
        return out;
    }

    static FigureResult write(List<Escape> escapes, Path dir) {
        String title = "Escape from the origin plateau against the linear law";
        if (escapes.isEmpty()) return FigureResult.leftOut(PlateauDurationFigure.SECTION, title, "no run has an origin plateau with a predicted exit");
        TreeMap<Double, XYSeries> byEta = new TreeMap<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        double sumRatio = 0;
        for (Escape e : escapes) {
            byEta.computeIfAbsent(e.eta(), k -> new XYSeries("η = " + Numbers.g3(k), false, true)).add(e.predicted(), e.measured());
            lo = Math.min(lo, Math.min(e.predicted(), e.measured()));
            hi = Math.max(hi, Math.max(e.predicted(), e.measured()));
            sumRatio += (double) e.measured() / e.predicted();
        }
        XYSeriesCollection ds = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        int i = 0;
        for (XYSeries s : byEta.values()) {
            ds.addSeries(s);
            r.setSeriesPaint(i, Charts.colour(i));
            i++;
        }
        XYSeries diagonal = new XYSeries("measured = predicted");
        diagonal.add(lo / 1.5, lo / 1.5);
        diagonal.add(hi * 1.5, hi * 1.5);
        ds.addSeries(diagonal);
        r.setSeriesLinesVisible(i, true);
        r.setSeriesShapesVisible(i, false);
        r.setSeriesPaint(i, java.awt.Color.DARK_GRAY);
        r.setSeriesStroke(i, Charts.DASHED);
        LogAxis x = Charts.logAxis("predicted exit  ln(0.5/A(0)) / ln(1 + η|m|)  (steps)");
        LogAxis y = Charts.logAxis("measured exit  step_exit  (steps)");
        x.setRange(lo / 1.5, hi * 1.5);
        y.setRange(lo / 1.5, hi * 1.5);
        XYPlot plot = new XYPlot(ds, x, y, r);
        JFreeChart chart = Charts.chart(title, "origin visits of all runs (events.singularity = 'origin'), by η", plot, true);
        Charts.save(chart, dir.resolve(FILE));
        String caption = escapes.size() + " origin plateaus. At θ = 0 each unit's Hessian block is [[0, −m], [−m, 0]], "
                + "m = mean(x·y), so θ's part A(t) along the unstable directions grows as A(0)(1 + η|m|)^t; the exit is the "
                + "first record with A ≥ 0.5. Mean measured/predicted: " + Numbers.g3(sumRatio / escapes.size()) + ".";
        return FigureResult.drawn(PlateauDurationFigure.SECTION, title, FILE, caption);
    }
}
