package saddlesweep.report;

import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.spark.sql.Row;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Figure 4: overfitting against N, one figure per H. For each σ² &gt; 0: E at the attractor (solid, circles) and
 * the minimum of E along the run (dashed, squares), mean over seeds with min–max bars, on log–log axes; for
 * H equal to the teacher's width, the learning-curve prediction (σ²/2)(2H)/N (dotted).
 */
final class OverfittingFigure {

    static final String SECTION = "4. Overfitting: E at the attractor vs N";

    /** Statistics of one (H, σ², N) group of runs. */
    record Group(int hidden, double sigma2, int n, long runs, double meanE, double minE, double maxE,
                 double meanMinE, double minMinE, double maxMinE, int teacherWidth) {
    }

    private OverfittingFigure() {
    }

    /** Groups of the noisy runs that did not fail or diverge. */
    static List<Group> load(ReportSource source) {
        List<Group> out = new ArrayList<>();
        for (Row r : source.sql("select hidden, sigma2, n, count(*) as runs, avg(gen_excess) as e, "
                + "min(gen_excess) as e_lo, max(gen_excess) as e_hi, avg(min_gen_excess) as m, "
                + "min(min_gen_excess) as m_lo, max(min_gen_excess) as m_hi, max(size(teacher_w)) as tw "
                + "from runs where sigma2 > 0 and status in ('converged', 'horizon', 'budget') "
                + "and not isnan(gen_excess) group by hidden, sigma2, n order by hidden, sigma2, n")) {
            out.add(new Group(r.getAs("hidden"), r.getAs("sigma2"), r.getAs("n"), Rows.lng(r, "runs"),
                    Rows.dbl(r, "e"), Rows.dbl(r, "e_lo"), Rows.dbl(r, "e_hi"), Rows.dbl(r, "m"),
                    Rows.dbl(r, "m_lo"), Rows.dbl(r, "m_hi"), (int) Rows.lng(r, "tw")));
        }
        return out;
    }

    static List<FigureResult> write(List<Group> all, List<Integer> widths, Path dir) {
        List<FigureResult> out = new ArrayList<>();
        if (all.isEmpty()) {
            out.add(FigureResult.leftOut(SECTION, "Overfitting", "no noisy runs (σ² > 0) that converged or were followed to their horizon or budget"));
            return out;
        }
        for (int h : widths) {
            String title = "Overfitting: E at the attractor vs N, H = " + h;
            List<Group> groups = all.stream().filter(g -> g.hidden() == h).toList();
            long distinctN = groups.stream().mapToInt(Group::n).distinct().count();
            if (groups.isEmpty()) {
                out.add(FigureResult.leftOut(SECTION, title, "no noisy runs (σ² > 0) with H = " + h));
            } else if (distinctN < 2) {
                out.add(FigureResult.leftOut(SECTION, title, "a single N (" + groups.get(0).n() + ") for H = " + h
                        + "; a curve over N needs at least two"));
            } else {
                out.add(draw(h, groups, dir, "overfitting-H" + h + ".png", title));
            }
        }
        return out;
    }

    private static FigureResult draw(int h, List<Group> groups, Path dir, String file, String title) {
        TreeMap<Double, List<Group>> bySigma = new TreeMap<>();
        for (Group g : groups) bySigma.computeIfAbsent(g.sigma2(), k -> new ArrayList<>()).add(g);
        int teacherWidth = groups.get(0).teacherWidth();
        boolean realizable = teacherWidth == h;

        YIntervalSeriesCollection ds = new YIntervalSeriesCollection();
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDrawYError(true);
        r.setCapLength(8);
        r.setErrorStroke(new java.awt.BasicStroke(1.8f));
        r.setDefaultLinesVisible(true);
        List<Double> values = new ArrayList<>();
        TreeSet<Integer> ns = new TreeSet<>();
        int colour = 0;
        int series = 0;
        for (var e : bySigma.entrySet()) {
            String s2 = Numbers.g3(e.getKey());
            YIntervalSeries atAttractor = new YIntervalSeries("E at attractor, σ² = " + s2);
            YIntervalSeries minAlong = new YIntervalSeries("min E along run, σ² = " + s2);
            for (Group g : e.getValue()) {
                ns.add(g.n());
                add(atAttractor, g.n(), g.meanE(), g.minE(), g.maxE(), values);
                add(minAlong, g.n() * 1.03, g.meanMinE(), g.minMinE(), g.maxMinE(), values);
            }
            java.awt.Color c = Charts.colour(colour++);
            ds.addSeries(atAttractor);
            style(r, series++, c, Charts.SOLID, new Ellipse2D.Double(-6, -6, 12, 12), true);
            ds.addSeries(minAlong);
            style(r, series++, c, Charts.DASHED, new Rectangle2D.Double(-5, -5, 10, 10), true);
            if (realizable) {
                YIntervalSeries theory = new YIntervalSeries("(σ²/2)(2H)/N, σ² = " + s2);
                for (Group g : e.getValue()) {
                    double y = e.getKey() / 2 * 2 * h / g.n();
                    theory.add(g.n(), y, y, y);
                    values.add(y);
                }
                ds.addSeries(theory);
                style(r, series++, c, Charts.DOTTED, null, false);
            }
        }
        LogAxis nAxis = Charts.logAxis("N (data set size)");
        nAxis.setRange(ns.first() / 1.4, ns.last() * 1.4);
        LogAxis eAxis = Charts.logAxis("E (population excess over σ²/2)");
        double[] er = Charts.logRange(2, values.stream().mapToDouble(Double::doubleValue).toArray());
        eAxis.setRange(er[0], er[1]);
        XYPlot plot = new XYPlot(ds, nAxis, eAxis, r);
        JFreeChart chart = Charts.chart(title, "mean over seeds, bars min–max; min-E points shifted 3 % right for legibility"
                + (realizable ? "; dotted: learning curve (σ²/2)(2H)/N" : ""), plot, true);
        Charts.save(chart, dir.resolve(file));

        StringBuilder ratios = new StringBuilder();
        if (realizable) {
            for (var e : bySigma.entrySet()) {
                double sum = 0;
                int k = 0;
                for (Group g : e.getValue()) {
                    sum += g.meanE() / (e.getKey() / 2 * 2 * h / g.n());
                    k++;
                }
                ratios.append(ratios.length() == 0 ? "" : ", ").append("σ² = ").append(Numbers.g3(e.getKey()))
                        .append(": ").append(Numbers.g3(sum / k));
            }
        }
        long runs = groups.stream().mapToLong(Group::runs).sum();
        String caption = "H = " + h + ", " + runs + " noisy runs (converged or followed to their horizon or budget; E is taken at the "
                + "attractor or the last point). Solid: mean E at the attractor (runs.gen_excess); dashed: mean minimum "
                + "of E along the run (runs.min_gen_excess, the early-stopping point); bars span min–max over seeds. "
                + (realizable ? "H equals the teacher width " + teacherWidth + ", so the dotted lines show the "
                + "learning-curve prediction (σ²/2)(2H)/N; mean E / prediction per σ² (averaged over N): " + ratios + "."
                : "H ≠ teacher width " + teacherWidth + ", so the learning-curve line (regular realizable case) is not drawn.")
                + " σ² = 0 runs (noiseless control) are not shown.";
        return FigureResult.drawn(SECTION, title, file, caption);
    }

    private static void add(YIntervalSeries s, double x, double mean, double lo, double hi, List<Double> values) {
        if (!(mean > 0)) return;
        double low = lo > 0 ? lo : mean;
        double high = hi > 0 ? hi : mean;
        s.add(x, mean, low, high);
        values.add(low);
        values.add(high);
    }

    private static void style(XYErrorRenderer r, int i, java.awt.Color c, java.awt.Stroke stroke,
                              java.awt.Shape shape, boolean shapes) {
        r.setSeriesPaint(i, c);
        r.setSeriesStroke(i, stroke);
        r.setSeriesLinesVisible(i, true);
        r.setSeriesShapesVisible(i, shapes);
        if (shape != null) r.setSeriesShape(i, shape);
    }
}
