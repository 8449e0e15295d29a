package saddlesweep.report;

import java.awt.geom.Ellipse2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

import org.apache.spark.sql.Row;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Figure 6: the theorem that θ* is not a fixed point of GD on noisy data: ‖∇L_N(θ*)‖ against σ/√N for every
 * noisy data set (one point per (N, σ², H, data seed); the value does not depend on the init seed), log–log,
 * one colour per H, with the proportional fit c·σ/√N (c the median ratio). The caption gives the share of
 * noisy runs that end below L_N(θ*).
 */
final class TheoremFigure {

    static final String SECTION = "6. The theorem: θ* is not a fixed point";
    static final String FILE = "theorem.png";

    /** One noisy data set: its H, N, σ², ‖∇L_N(θ*)‖. */
    record Point(int hidden, int n, double sigma2, double optGradNorm) {
        double scale() {
            return Math.sqrt(sigma2 / n);
        }
    }

    /** Counts over the noisy runs: below L_N(θ*) at the attractor, E above E_opt. */
    record Checks(long runs, long belowOptTrain, long aboveOptExcess) {
    }

    record Data(List<Point> points, Checks checks) {
    }

    private TheoremFigure() {
    }

    static Data load(ReportSource source) {
        List<Point> pts = new ArrayList<>();
        for (Row r : source.sql("select hidden, n, sigma2, data_seed, max(opt_grad_norm) as g from runs "
                + "where sigma2 > 0 and status <> 'failed' group by hidden, n, sigma2, data_seed "
                + "order by hidden, n, sigma2, data_seed")) {
            pts.add(new Point(r.getAs("hidden"), r.getAs("n"), r.getAs("sigma2"), Rows.dbl(r, "g")));
        }
        Row c = source.sql("select count(*) as runs, "
                + "coalesce(sum(case when train_loss < opt_train_loss then 1 else 0 end), 0) as below, "
                + "coalesce(sum(case when gen_excess > opt_gen_excess then 1 else 0 end), 0) as above "
                + "from runs where sigma2 > 0 and status in ('converged', 'horizon', 'budget')").get(0);
        return new Data(pts, new Checks(Rows.lng(c, "runs"), Rows.lng(c, "below"), Rows.lng(c, "above")));
    }

    /** Circle, square, diamond, triangle … decreasing in size, so coinciding points of different H stay visible. */
    private static java.awt.Shape shape(int i) {
        double s = Math.max(6, 16 - 3 * i);
        return switch (i % 4) {
            case 0 -> new Ellipse2D.Double(-s / 2, -s / 2, s, s);
            case 1 -> new java.awt.geom.Rectangle2D.Double(-s / 2, -s / 2, s, s);
            case 2 -> new java.awt.Polygon(new int[]{0, (int) (s / 1.6), 0, (int) (-s / 1.6)},
                    new int[]{(int) (-s / 1.6), 0, (int) (s / 1.6), 0}, 4);
            default -> new java.awt.Polygon(new int[]{0, (int) (s / 2), (int) (-s / 2)},
                    new int[]{(int) (-s / 2), (int) (s / 2), (int) (s / 2)}, 3);
        };
    }

    static FigureResult write(Data data, Path dir) {
        String title = "‖∇L_N(θ*)‖ vs σ/√N";
        List<Point> pts = data.points().stream().filter(p -> p.optGradNorm() > 0 && Double.isFinite(p.optGradNorm())).toList();
        if (data.points().isEmpty()) return FigureResult.leftOut(SECTION, title, "no noisy runs (σ² > 0) in this sweep");
        if (pts.isEmpty()) return FigureResult.leftOut(SECTION, title, "no noisy data set has a positive, finite ‖∇L_N(θ*)‖");

        TreeMap<Integer, XYSeries> byH = new TreeMap<>();
        double[] ratios = new double[pts.size()];
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = 0;
        for (int i = 0; i < pts.size(); i++) {
            Point p = pts.get(i);
            byH.computeIfAbsent(p.hidden(), k -> new XYSeries("H = " + k, false, true)).add(p.scale(), p.optGradNorm());
            ratios[i] = p.optGradNorm() / p.scale();
            xMin = Math.min(xMin, p.scale());
            xMax = Math.max(xMax, p.scale());
        }
        Arrays.sort(ratios);
        double c = ratios.length % 2 == 1 ? ratios[ratios.length / 2] : Math.sqrt(ratios[ratios.length / 2 - 1] * ratios[ratios.length / 2]);
        XYSeriesCollection ds = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        int i = 0;
        for (XYSeries s : byH.values()) {
            ds.addSeries(s);
            r.setSeriesPaint(i, Charts.translucent(Charts.colour(i), 0.8));
            r.setSeriesShape(i, shape(i));
            i++;
        }
        double lo = xMin == xMax ? xMin / 2 : xMin / 1.3;
        double hi = xMin == xMax ? xMax * 2 : xMax * 1.3;
        XYSeries fit = new XYSeries("c·σ/√N, c = " + Numbers.g3(c) + " (median ratio)");
        fit.add(lo, c * lo);
        fit.add(hi, c * hi);
        ds.addSeries(fit);
        r.setSeriesLinesVisible(i, true);
        r.setSeriesShapesVisible(i, false);
        r.setSeriesPaint(i, java.awt.Color.DARK_GRAY);
        r.setSeriesStroke(i, Charts.DASHED);

        LogAxis x = Charts.logAxis("σ/√N  (noise standard deviation / √data set size)");
        x.setRange(lo, hi);
        LogAxis y = Charts.logAxis("‖∇L_N(θ*)‖  (gradient of the training loss at the optimum)");
        double[] values = new double[pts.size() + 2];
        for (int k = 0; k < pts.size(); k++) values[k] = pts.get(k).optGradNorm();
        values[pts.size()] = c * lo;
        values[pts.size() + 1] = c * hi;
        double[] yr = Charts.logRange(1.5, values);
        y.setRange(yr[0], yr[1]);
        XYPlot plot = new XYPlot(ds, x, y, r);
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        Checks k = data.checks();
        JFreeChart chart = Charts.chart(title, pts.size() + " noisy data sets; L_N(attractor) < L_N(θ*) in "
                + Numbers.countShare(k.belowOptTrain(), k.runs()) + " runs", plot, true);
        Charts.save(chart, dir.resolve(FILE));

        double ratioSpread = ratios[ratios.length - 1] / ratios[0];
        String caption = "One point per noisy data set (N, σ², H, data seed; σ² > 0): the gradient of L_N at the "
                + "theoretical optimum θ* is non-zero, so gradient descent cannot stay at θ*; it scales like σ/√N "
                + "(for H ≥ the teacher width θ* is the same embedded teacher, so those widths share their points) "
                + "(dashed: c·σ/√N with c = " + Numbers.g3(c) + ", the median of ‖∇L_N(θ*)‖/(σ/√N); max/min ratio "
                + Numbers.g3(ratioSpread) + "). Of the " + k.runs() + " noisy runs that converged or were followed to their horizon or budget, "
                + "<b>" + Numbers.countShare(k.belowOptTrain(), k.runs()) + "</b> end with training loss below L_N(θ*) "
                + "(runs.train_loss &lt; runs.opt_train_loss) and " + Numbers.countShare(k.aboveOptExcess(), k.runs())
                + " with E above E_opt (overfitting).";
        return FigureResult.drawn(SECTION, title, FILE, caption);
    }
}
