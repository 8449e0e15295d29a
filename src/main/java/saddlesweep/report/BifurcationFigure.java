package saddlesweep.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.spark.sql.Row;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import saddlesweep.gdfate.GdFateKind;
import saddlesweep.spark.ResultTable;

/**
 * Figure 7: the bifurcation diagram of GD at its own η, one chart per data set with an η axis. Top: each run's
 * attractor against η, as the ordinates (θ − m)·u of its points (runs.gd_branch: u the top Hessian eigenvector at the
 * points' mean m): a fixed point is one mark at 0, a 2-cycle two marks at ±half its extent, a 4-cycle four, an
 * aperiodic run a cloud of 64 iterates. A fate that is not certified (unresolved: GD seen circling or approaching a
 * cycle when its budget ran out) is drawn hollow, at the points of the cycle it was seen near. Bottom: the largest
 * |v_i| of each certified cycle (runs.gd_max_abs_v) against η on log axes, with the edge-of-stability line
 * ∝ η^(−1/2) and the exponent fitted by least squares.
 */
final class BifurcationFigure {

    static final String SECTION = "7. GD at its own η: the edge of stability";
    /** Data sets drawn at most (those with the most η values). */
    static final int MAX_DATA_SETS = 6;
    static final int MIN_ETAS = 3;
    static final String NOT_CERTIFIED = "not certified";

    /** One run: its data set, η, GD's fate and the diagram's values. */
    record Point(String dataSet, double eta, String fate, boolean certified, double[] branch, double maxAbsV) {
    }

    private BifurcationFigure() {
    }

    static List<Point> load(ReportSource source) {
        List<Point> out = new ArrayList<>();
        if (!source.has(ResultTable.RUNS)) return out;
        List<Row> rows;
        try {
            rows = source.sql("select teacher, n, sigma2, hidden, data_seed, input_std, init_scale, eta, gd_fate, gd_branch, "
                    + "gd_max_abs_v, gd_certified from runs where gd_fate is not null");
        } catch (RuntimeException e) {
            return out;                 // results written before GD's fate existed
        }
        for (Row r : rows) {
            String key = String.format("%s, N = %d, σ² = %s, H = %d, data seed %d%s", r.getString(0), r.getInt(1),
                    Numbers.g3(r.getDouble(2)), r.getInt(3), r.getLong(4),
                    r.getDouble(5) == 1.0 && r.getDouble(6) == 0.1 ? "" : ", s_x = " + Numbers.g3(r.getDouble(5))
                            + ", init_scale = " + Numbers.g3(r.getDouble(6)));
            out.add(new Point(key, r.getDouble(7), r.getString(8), !r.isNullAt(11) && r.getBoolean(11),
                    Rows.doubles(r, "gd_branch"), r.isNullAt(10) ? Double.NaN : r.getDouble(10)));
        }
        return out;
    }

    static List<FigureResult> write(List<Point> points, Path dir) {
        String title = "Bifurcation diagram of GD at its own η";
        Map<String, List<Point>> bySet = new LinkedHashMap<>();
        for (Point p : points) bySet.computeIfAbsent(p.dataSet(), k -> new ArrayList<>()).add(p);
        List<Map.Entry<String, List<Point>>> sets = new ArrayList<>();
        for (Map.Entry<String, List<Point>> e : bySet.entrySet()) if (etas(e.getValue()).size() >= MIN_ETAS) sets.add(e);
        if (sets.isEmpty()) return List.of(FigureResult.leftOut(SECTION, title, "no data set has runs at " + MIN_ETAS + " or more values of η (see jobs/edge-of-stability.yaml)"));
        // the data sets with the most runs off the flow's path first, then the most values of η
        sets.sort(Comparator.<Map.Entry<String, List<Point>>>comparingLong(e -> -offFlow(e.getValue()))
                .thenComparingInt(e -> -etas(e.getValue()).size()).thenComparing(Map.Entry::getKey));
        List<FigureResult> out = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_DATA_SETS, sets.size()); i++) {
            String file = "bifurcation-" + (i + 1) + ".png";
            out.add(chart(sets.get(i).getKey(), sets.get(i).getValue(), dir, file, title));
        }
        return out;
    }

    private static long offFlow(List<Point> ps) {
        return ps.stream().filter(p -> GdFateKind.ofLabel(p.fate()) != GdFateKind.FLOW).count();
    }

    private static TreeSet<Double> etas(List<Point> ps) {
        TreeSet<Double> s = new TreeSet<>();
        for (Point p : ps) s.add(p.eta());
        return s;
    }

    /** The family a fate is drawn in (uncertified ones apart, hollow). */
    private static String family(String fate, boolean certified) {
        if (!certified) return NOT_CERTIFIED;
        GdFateKind kind = GdFateKind.ofLabel(fate);
        if (kind == GdFateKind.FLOW || kind == GdFateKind.FIXED_POINT) return "fixed point";
        if (kind == GdFateKind.PERIODIC) return fate.equals(kind.label(2)) ? "2-cycle" : "longer cycle";
        return fate;
    }

    private static FigureResult chart(String dataSet, List<Point> ps, Path dir, String file, String title) {
        Map<String, XYSeries> branches = new LinkedHashMap<>();
        for (String f : new String[] {"fixed point", "2-cycle", "longer cycle", "aperiodic", NOT_CERTIFIED}) {
            branches.put(f, new XYSeries(f, false, true));
        }
        XYSeries amplitude = new XYSeries("largest |v| of the cycle", false, true);
        double sx = 0, sy = 0, sxx = 0, sxy = 0, sc = 0;
        int m = 0;
        int cycles = 0;
        int uncertified = 0;
        for (Point p : ps) {
            if (!p.certified()) uncertified++;
            XYSeries s = branches.get(family(p.fate(), p.certified()));
            if (s != null && p.branch() != null) for (double b : p.branch()) s.add(p.eta(), b);
            GdFateKind kind = GdFateKind.ofLabel(p.fate());
            if (p.certified() && (kind == GdFateKind.PERIODIC || kind == GdFateKind.FIXED_POINT)) cycles++;
            if (p.certified() && kind == GdFateKind.PERIODIC && p.maxAbsV() > 0) {
                amplitude.add(p.eta(), p.maxAbsV());
                double x = Math.log(p.eta());
                double y = Math.log(p.maxAbsV());
                sx += x;
                sy += y;
                sxx += x * x;
                sxy += x * y;
                sc += y + 0.5 * x;
                m++;
            }
        }
        LogAxis eta = Charts.logAxis("learning rate η");
        TreeSet<Double> all = etas(ps);
        eta.setRange(all.first() / 1.3, all.last() * 1.3);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(eta);
        XYSeriesCollection top = new XYSeriesCollection();
        XYLineAndShapeRenderer tr = new XYLineAndShapeRenderer(false, true);
        int i = 0;
        for (XYSeries s : branches.values()) {
            top.addSeries(s);
            tr.setSeriesPaint(i, i == 0 ? Color.BLACK : Charts.colour(i - 1));
            tr.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
            if (s.getKey().equals(NOT_CERTIFIED)) {
                tr.setSeriesPaint(i, Color.GRAY);
                tr.setSeriesShapesFilled(i, false);
            }
            i++;
        }
        plot.add(new XYPlot(top, null, Charts.numberAxis("(θ − m)·u of its points"), tr), 3);
        String law = "";
        if (m >= 2) {
            XYSeriesCollection bottom = new XYSeriesCollection(amplitude);
            double c = Math.exp(sc / m);
            XYSeries line = new XYSeries("∝ η^(−1/2)");
            double lo = all.first();
            double hi = all.last();
            line.add(lo, c / Math.sqrt(lo));
            line.add(hi, c / Math.sqrt(hi));
            bottom.addSeries(line);
            XYLineAndShapeRenderer br = new XYLineAndShapeRenderer(false, true);
            br.setSeriesPaint(0, Charts.colour(4));
            br.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
            br.setSeriesLinesVisible(1, true);
            br.setSeriesShapesVisible(1, false);
            br.setSeriesPaint(1, Color.DARK_GRAY);
            br.setSeriesStroke(1, Charts.DASHED);
            LogAxis v = Charts.logAxis("largest |v_i|");
            double[] range = Charts.logRange(1.3, amplitude.getMinY(), amplitude.getMaxY());
            if (range != null) v.setRange(range[0], range[1]);
            plot.add(new XYPlot(bottom, null, v, br), 2);
            double slope = m * sxx - sx * sx == 0 ? Double.NaN : (m * sxy - sx * sy) / (m * sxx - sx * sx);
            law = " Bottom: the largest |v_i| of the " + m + " cycles against η, fitted exponent " + Numbers.g3(slope)
                    + " (the edge of stability of a unit turning linear predicts −1/2).";
        }
        plot.setGap(12);
        for (Object o : plot.getSubplots()) ((XYPlot) o).setRangeGridlineStroke(new BasicStroke(1f));
        JFreeChart chart = Charts.chart(title, dataSet, plot, true);
        Charts.save(chart, dir.resolve(file));
        String caption = ps.size() + " runs at " + all.size() + " values of η; " + cycles + " end on a fixed point or cycle of GD's"
                + " map, certified; " + uncertified + " not certified. Top: each run's attractor as (θ − m)·u of its points"
                + " (u: top Hessian eigenvector at their mean m): one mark for a fixed point, two for a 2-cycle, a cloud for an"
                + " aperiodic run; hollow grey marks: a fate not certified, at the cycle GD was last seen near." + law;
        return FigureResult.drawn(SECTION, title + " — " + dataSet, file, caption);
    }
}
