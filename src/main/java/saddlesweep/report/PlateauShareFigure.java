package saddlesweep.report;

import java.awt.Color;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** Figure 5b: per H, the share of runs with at least one plateau and with at least one near-optimal saddle. */
final class PlateauShareFigure {

    static final String FILE = "plateau-shares.png";

    /** Counts of one H. */
    record Share(int hidden, long runs, long withPlateau, long withNearOptimal, double meanPlateaus) {
    }

    private PlateauShareFigure() {
    }

    static List<Share> load(ReportSource source) {
        List<Share> out = new ArrayList<>();
        for (Row r : source.sql("select hidden, count(*) as runs, "
                + "sum(case when plateaus > 0 then 1 else 0 end) as with_plateau, "
                + "sum(case when near_optimal > 0 then 1 else 0 end) as with_near, "
                + "avg(coalesce(plateaus, 0)) as mean_plateaus "
                + "from runs where status <> 'failed' group by hidden order by hidden")) {
            out.add(new Share(r.getAs("hidden"), Rows.lng(r, "runs"), Rows.lng(r, "with_plateau"),
                    Rows.lng(r, "with_near"), Rows.dbl(r, "mean_plateaus")));
        }
        return out;
    }

    static FigureResult write(List<Share> shares, Path dir) {
        String title = "Runs with a plateau / a near-optimal saddle";
        long any = shares.stream().mapToLong(s -> s.withPlateau() + s.withNearOptimal()).sum();
        if (shares.isEmpty()) return FigureResult.leftOut(PlateauDurationFigure.SECTION, title, "no runs that did not fail");
        if (any == 0) {
            return FigureResult.leftOut(PlateauDurationFigure.SECTION, title,
                    "no slow passage (plateau or near-optimal saddle) was detected in any run");
        }
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        StringBuilder text = new StringBuilder();
        for (Share s : shares) {
            String h = "H = " + s.hidden();
            ds.addValue((double) s.withPlateau() / s.runs(), "≥ 1 plateau", h);
            ds.addValue((double) s.withNearOptimal() / s.runs(), "≥ 1 near-optimal saddle", h);
            text.append(text.length() == 0 ? "" : "; ").append(h).append(": plateau in ")
                    .append(Numbers.countShare(s.withPlateau(), s.runs())).append(", near-optimal saddle in ")
                    .append(Numbers.countShare(s.withNearOptimal(), s.runs())).append(", mean ")
                    .append(Numbers.g3(s.meanPlateaus())).append(" plateaus per run");
        }
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.05);
        r.setMaximumBarWidth(0.18);
        r.setSeriesPaint(0, PassageMarkers.PLATEAU);
        r.setSeriesPaint(1, PassageMarkers.NEAR_OPTIMAL);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0%")));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(Charts.ANNOTATION_FONT);
        r.setDefaultItemLabelPaint(Color.BLACK);
        CategoryAxis x = new CategoryAxis("student width H");
        NumberAxis y = new NumberAxis("share of runs");
        y.setRange(0, 1.1);
        y.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.1, new DecimalFormat("0%")));
        y.setNumberFormatOverride(new DecimalFormat("0%"));
        CategoryPlot plot = new CategoryPlot(ds, x, y, r);
        JFreeChart chart = Charts.chart(title, "runs that did not fail, by student width H", plot, true);
        Charts.save(chart, dir.resolve(FILE));
        return FigureResult.drawn(PlateauDurationFigure.SECTION, title, FILE, text + ".");
    }
}
