package saddlesweep.report;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.apache.spark.sql.Row;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

import saddlesweep.spark.ResultTable;

/**
 * Figure 5a: how long plateaus last: histograms of step_exit − step_enter over all plateau events on a
 * logarithmic duration axis (4 bins per decade), the bars of the widths H side by side within each bin.
 */
final class PlateauDurationFigure {

    static final String SECTION = "5. Plateaus";
    static final String FILE = "plateau-durations.png";
    private static final int BINS_PER_DECADE = 4;

    /** A plateau event's H and duration in steps. */
    record Plateau(int hidden, long duration) {
    }

    private PlateauDurationFigure() {
    }

    static List<Plateau> load(ReportSource source) {
        List<Plateau> out = new ArrayList<>();
        if (!source.has(ResultTable.EVENTS)) return out;
        for (Row r : source.sql("select r.hidden, e.step_exit - e.step_enter as duration from events e "
                + "join runs r on e.task_id = r.task_id where e.kind = 'plateau' order by r.hidden, duration")) {
            out.add(new Plateau(r.getAs("hidden"), ((Number) r.getAs("duration")).longValue()));
        }
        return out;
    }

    static FigureResult write(List<Plateau> plateaus, Path dir) {
        String title = "Plateau durations";
        if (plateaus.isEmpty()) return FigureResult.leftOut(SECTION, title, "no plateau passage was detected in any run");
        TreeMap<Integer, List<Long>> byH = new TreeMap<>();
        long min = Long.MAX_VALUE;
        long max = 1;
        for (Plateau p : plateaus) {
            long d = Math.max(1, p.duration());
            byH.computeIfAbsent(p.hidden(), k -> new ArrayList<>()).add(d);
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        int first = (int) Math.floor(Math.log10(min) * BINS_PER_DECADE);
        int last = (int) Math.floor(Math.log10(max) * BINS_PER_DECADE);
        XYIntervalSeriesCollection ds = new XYIntervalSeriesCollection();
        XYBarRenderer r = new XYBarRenderer(0.0);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(true);
        int i = 0;
        int k = byH.size();
        long top = 0;
        StringBuilder medians = new StringBuilder();
        for (var e : byH.entrySet()) {
            int[] counts = new int[last - first + 1];
            for (long d : e.getValue()) counts[(int) Math.floor(Math.log10(d) * BINS_PER_DECADE) - first]++;
            XYIntervalSeries s = new XYIntervalSeries("H = " + e.getKey() + " (" + e.getValue().size() + " plateaus)");
            for (int b = 0; b < counts.length; b++) {
                if (counts[b] == 0) continue;
                double lo = Math.pow(10, (double) (first + b) / BINS_PER_DECADE);
                double hi = Math.pow(10, (double) (first + b + 1) / BINS_PER_DECADE);
                double subLo = lo * Math.pow(hi / lo, (double) i / k);
                double subHi = lo * Math.pow(hi / lo, (i + 1.0) / k);
                s.add(Math.sqrt(subLo * subHi), subLo, subHi, counts[b], 0, counts[b]);
                top = Math.max(top, counts[b]);
            }
            ds.addSeries(s);
            Color c = Charts.colour(i);
            r.setSeriesPaint(i, c);
            r.setSeriesOutlinePaint(i, c.darker());
            List<Long> sorted = e.getValue();
            sorted.sort(null);
            medians.append(medians.length() == 0 ? "" : ", ").append("H = ").append(e.getKey()).append(": ")
                    .append(sorted.get((sorted.size() - 1) / 2));
            i++;
        }
        LogAxis x = Charts.logAxis("plateau duration  step_exit − step_enter  (steps)");
        x.setRange(Math.pow(10, (double) first / BINS_PER_DECADE) / 1.5, Math.pow(10, (double) (last + 1) / BINS_PER_DECADE) * 1.5);
        NumberAxis y = Charts.numberAxis("number of plateaus");
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        y.setRange(0, top * 1.12 + 0.5);
        XYPlot plot = new XYPlot(ds, x, y, r);
        JFreeChart chart = Charts.chart(title, "plateau events of all runs, " + BINS_PER_DECADE + " bins per decade, the widths H side by side", plot, true);
        Charts.save(chart, dir.resolve(FILE));
        String caption = plateaus.size() + " plateau passages (events.kind = 'plateau'), duration = step_exit − step_enter "
                + "(the steps where ‖∇L_N‖ stays within a decade of its dip). Median duration in steps: " + medians + ".";
        return FigureResult.drawn(SECTION, title, FILE, caption);
    }
}
