package saddlesweep.report;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.spark.sql.Row;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;

import saddlesweep.spark.ResultTable;

/**
 * Figure 3: for one student width H, a heat map over N (x) and σ² (y) of the share of a data set's runs with a
 * certified limit that reach its dominant attractor in function space (attractors.fn_top_share, mean over data
 * seeds). Each cell is labelled with that share and the mean number of distinct limit functions; cells where
 * no run has a certified limit are grey.
 */
final class PhaseDiagramFigure {

    static final String SECTION = "3. Phase diagram: a single attractor?";

    /** One (H, N, σ²) cell, averaged over the data seeds; {@code kinds}: runs by attractor kind. */
    record Cell(int hidden, int n, double sigma2, double topShare, double distinct, long dataSets,
                long convergedSets, long runs, long converged, Map<String, Long> kinds) {
    }

    private PhaseDiagramFigure() {
    }

    /** All cells of the sweep (empty when there is no attractors table). */
    static List<Cell> load(ReportSource source) {
        List<Cell> cells = new ArrayList<>();
        if (!source.has(ResultTable.ATTRACTORS)) return cells;
        Map<String, Map<String, Long>> kinds = new HashMap<>();
        for (Row r : source.sql("select hidden, n, sigma2, attractor_kind, count(*) as c from runs "
                + "group by hidden, n, sigma2, attractor_kind")) {
            String kind = r.getAs("attractor_kind");
            kinds.computeIfAbsent(key(r.getAs("hidden"), r.getAs("n"), r.getAs("sigma2")), k -> new TreeMap<>())
                    .put(kind == null ? "none" : kind, Rows.lng(r, "c"));
        }
        // in function space: runs with a certified limit, clustered by the L² distance of their limit functions
        for (Row r : source.sql("select hidden, n, sigma2, avg(fn_top_share) as share, "
                + "avg(case when fn_clustered > 0 then fn_distinct end) as dist, count(*) as sets, "
                + "count(fn_top_share) as conv_sets, sum(runs) as runs, sum(fn_clustered) as converged "
                + "from attractors group by hidden, n, sigma2 order by hidden, n, sigma2")) {
            cells.add(new Cell(r.getAs("hidden"), r.getAs("n"), r.getAs("sigma2"), Rows.dbl(r, "share"),
                    Rows.dbl(r, "dist"), Rows.lng(r, "sets"), Rows.lng(r, "conv_sets"), Rows.lng(r, "runs"),
                    Rows.lng(r, "converged"), kinds.getOrDefault(key(r.getAs("hidden"), r.getAs("n"), r.getAs("sigma2")),
                    Map.of())));
        }
        return cells;
    }

    private static String key(int hidden, int n, double sigma2) {
        return hidden + "/" + n + "/" + sigma2;
    }

    /**
     * What the runs of a cell without converged runs did, e.g. "14 at ∞," and "12 unresolved", most frequent
     * kind first, in lines short enough for a cell (at most 16 characters but for a single long kind).
     */
    static List<String> kindLines(Map<String, Long> kinds) {
        List<String> parts = kinds.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getValue() + " " + ("at_infinity".equals(e.getKey()) ? "at ∞" : e.getKey()))
                .toList();
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String part : parts) {
            if (line.length() > 0 && line.length() + 2 + part.length() > 16) {
                lines.add(line + ",");
                line.setLength(0);
            }
            line.append(line.length() > 0 ? ", " : "").append(part);
        }
        if (line.length() > 0) lines.add(line.toString());
        return lines;
    }

    /** One figure per H present in the runs ({@code widths}); reasons for those left out. */
    static List<FigureResult> write(List<Cell> all, List<Integer> widths, Path dir) {
        List<FigureResult> out = new ArrayList<>();
        if (all.isEmpty()) {
            out.add(FigureResult.leftOut(SECTION, "Phase diagram", "the sweep has no attractors table (it is written when a sweep completes)"));
            return out;
        }
        for (int h : widths) {
            String title = "Share of runs at the dominant attractor, H = " + h;
            List<Cell> cells = all.stream().filter(c -> c.hidden() == h).toList();
            if (cells.size() < 2) {
                out.add(FigureResult.leftOut(SECTION, title, "H = " + h + " has " + cells.size()
                        + " (N, σ²) cell(s); a phase diagram needs at least two"));
            } else if (cells.stream().allMatch(c -> Double.isNaN(c.topShare()))) {
                out.add(FigureResult.leftOut(SECTION, title, "no run with H = " + h
                        + " has a certified limit, so no data set has a dominant attractor"));
            } else {
                out.add(draw(h, cells, dir, "phase-H" + h + ".png", title));
            }
        }
        return out;
    }

    /** A line of small text, its top centred at (x, y). */
    private static void addLine(XYPlot plot, String text, double x, double y, Color ink) {
        XYTextAnnotation a = new XYTextAnnotation(text, x, y);
        a.setFont(Charts.ANNOTATION_FONT);
        a.setPaint(ink);
        a.setTextAnchor(TextAnchor.TOP_CENTER);
        plot.addAnnotation(a);
    }

    private static FigureResult draw(int h, List<Cell> cells, Path dir, String file, String title) {
        TreeSet<Integer> ns = new TreeSet<>();
        TreeSet<Double> s2 = new TreeSet<>();
        for (Cell c : cells) {
            ns.add(c.n());
            s2.add(c.sigma2());
        }
        List<Integer> nList = new ArrayList<>(ns);
        List<Double> sList = new ArrayList<>(s2);
        double[][] xyz = new double[3][cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            xyz[0][i] = nList.indexOf(cells.get(i).n());
            xyz[1][i] = sList.indexOf(cells.get(i).sigma2());
            xyz[2][i] = cells.get(i).topShare();
        }
        DefaultXYZDataset ds = new DefaultXYZDataset();
        ds.addSeries("top share", xyz);

        SymbolAxis xAxis = new SymbolAxis("N (data set size)", nList.stream().map(String::valueOf).toArray(String[]::new));
        SymbolAxis yAxis = new SymbolAxis("σ² (noise variance)", sList.stream().map(Numbers::g3).toArray(String[]::new));
        for (SymbolAxis a : new SymbolAxis[]{xAxis, yAxis}) {
            a.setGridBandsVisible(false);
            a.setAutoRange(false);
        }
        xAxis.setRange(-0.5, nList.size() - 0.5);
        yAxis.setRange(-0.5, sList.size() - 0.5);

        ColourScale scale = new ColourScale(0, 1);
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(scale);
        r.setBlockWidth(0.97);
        r.setBlockHeight(0.96);
        r.setBlockAnchor(RectangleAnchor.CENTER);
        XYPlot plot = new XYPlot(ds, xAxis, yAxis, r);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        for (Cell c : cells) {
            double x = nList.indexOf(c.n());
            double y = sList.indexOf(c.sigma2());
            boolean missing = Double.isNaN(c.topShare());
            Color ink = !missing && scale.isDark(c.topShare()) ? Color.WHITE : Color.BLACK;
            String main = missing ? "no certified limit" : Math.round(100 * c.topShare()) + " %";
            XYTextAnnotation a = new XYTextAnnotation(main, x, y);
            a.setFont(missing ? Charts.ANNOTATION_FONT : Charts.CELL_FONT);
            a.setPaint(ink);
            a.setTextAnchor(TextAnchor.BOTTOM_CENTER);
            plot.addAnnotation(a);
            // short lines under the percentage, so that they fit a cell even with many N columns
            List<String> lines = new ArrayList<>();
            if (missing) {
                lines.add(c.runs() + " runs:");
                lines.addAll(kindLines(c.kinds()));
            } else {
                lines.add(Numbers.g3(c.distinct()) + (c.distinct() == 1 ? " attractor" : " attractors"));
                lines.add(c.converged() + "/" + c.runs() + " certified");
            }
            for (int l = 0; l < lines.size(); l++) addLine(plot, lines.get(l), x, y - 0.12 * l, ink);
        }
        JFreeChart chart = Charts.chart(title, "attractors.fn_top_share averaged over data seeds; grey: no certified limit (its runs by attractor kind)", plot, false);
        NumberAxis legendAxis = new NumberAxis("share at dominant attractor");
        legendAxis.setRange(0, 1);
        legendAxis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.2));
        legendAxis.setNumberFormatOverride(java.text.NumberFormat.getPercentInstance(java.util.Locale.ROOT));
        Charts.styleAxis(legendAxis);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        legend.setStripWidth(28);
        legend.setSubdivisionCount(200);
        legend.setMargin(new RectangleInsets(40, 16, 40, 8));
        legend.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(legend);
        Charts.save(chart, dir.resolve(file));

        double meanShare = cells.stream().filter(c -> !Double.isNaN(c.topShare())).mapToDouble(Cell::topShare).average().orElse(Double.NaN);
        long sets = cells.stream().mapToLong(Cell::dataSets).sum();
        long convSets = cells.stream().mapToLong(Cell::convergedSets).sum();
        long single = cells.stream().filter(c -> c.topShare() >= 1.0).count();
        String caption = "H = " + h + ": " + sets + " data sets over " + nList.size() + " N × " + sList.size()
                + " σ² values; " + Numbers.countShare(convSets, sets) + " have at least one run with a certified limit. "
                + "Cell colour and percentage: share of a data set's runs with a certified limit in its largest cluster "
                + "of limit functions (population L² distance ≤ fn_cluster_tol; attractors.fn_top_share), averaged over data seeds; mean over cells "
                + Numbers.percent(meanShare) + "; " + single + " of " + cells.size()
                + " cells reach 100 % (a single attractor). Runs that did not converge (horizon, budget, diverged, failed) "
                + "are not clustered.";
        return FigureResult.drawn(SECTION, title, file, caption);
    }
}
