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
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Figure 11: the committee machine by input dimension d, student width H and learning rate η — per group the shares
 * of runs whose GD ends as the flow does (GD stable all along), on a fixed point or cycle, in chaos or a relaxation
 * oscillation (aperiodic), diverged, or unresolved; the caption adds the symmetric plateau's share and mean length.
 */
final class CommitteeFatesFigure {

    static final String FILE = "committee-fates.png";
    static final String SECTION = "11. The committee machine by d: GD's fates and the symmetric plateau";

    /** Counts of one (d, η, H) group. */
    record Group(int dim, double eta, int hidden, long runs, long flow, long cycle, long aperiodic, long diverged,
                 long unresolved, long symmetric, double symmetricSteps) {
    }

    private CommitteeFatesFigure() {
    }

    static List<Group> load(ReportSource source) {
        List<Group> out = new ArrayList<>();
        for (Row r : source.sql("select cast(size(r.teacher_w) / size(r.teacher_v) as int) as d, r.eta, r.hidden, count(*) as runs, "
                + "sum(case when r.gd_fate = 'flow' then 1 else 0 end) as flow, "
                + "sum(case when r.gd_fate = 'fixed_point' or r.gd_fate like 'period_%' then 1 else 0 end) as cycle, "
                + "sum(case when r.gd_fate = 'aperiodic' then 1 else 0 end) as aperiodic, "
                + "sum(case when r.gd_fate = 'diverged' then 1 else 0 end) as diverged, "
                + "sum(case when r.gd_fate = 'unresolved' then 1 else 0 end) as unresolved, "
                + "count(s.task_id) as symmetric, avg(s.steps) as symmetric_steps "
                + "from " + ReportSource.COMMITTEE_RUNS + " r left join (select e.task_id, "
                + "min(coalesce(e.predicted_exit, e.step_exit) - e.step_enter) as steps from " + ReportSource.COMMITTEE_EVENTS
                + " e join " + ReportSource.COMMITTEE_RUNS + " u on e.task_id = u.task_id where e.kind = 'plateau' and "
                + "e.singularity = 'overlap' and e.morse_index >= 1 and (u.gd_unstable_step is null or e.step_dip < u.gd_unstable_step) "
                + "group by e.task_id) s "
                + "on r.task_id = s.task_id where r.status <> 'failed' group by 1, r.eta, r.hidden order by 1, r.eta, r.hidden")) {
            out.add(new Group(r.getInt(0), r.getDouble(1), r.getInt(2), Rows.lng(r, "runs"), Rows.lng(r, "flow"),
                    Rows.lng(r, "cycle"), Rows.lng(r, "aperiodic"), Rows.lng(r, "diverged"), Rows.lng(r, "unresolved"),
                    Rows.lng(r, "symmetric"), r.isNullAt(10) ? Double.NaN : r.getDouble(10)));
        }
        return out;
    }

    static FigureResult write(List<Group> groups, Path dir) {
        String title = "The committee machine: GD's fate by d, η and H";
        if (groups.isEmpty()) return FigureResult.leftOut(SECTION, title, "no committee-machine runs that did not fail");
        boolean oneEta = groups.stream().mapToDouble(Group::eta).distinct().count() == 1;
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        StringBuilder text = new StringBuilder();
        String[] series = {"flow's fate (GD stable)", "fixed point or cycle", "aperiodic (chaos, relaxation)", "diverged", "unresolved"};
        for (Group g : groups) {
            String label = "d=" + g.dim() + (oneEta ? "" : " η=" + Numbers.g3(g.eta())) + " H=" + g.hidden();
            long[] counts = {g.flow(), g.cycle(), g.aperiodic(), g.diverged(), g.unresolved()};
            for (int k = 0; k < series.length; k++) ds.addValue((double) counts[k] / g.runs(), series[k], label);
            text.append(text.length() == 0 ? "" : "; ").append(label).append(": ").append(g.runs()).append(" runs, ")
                    .append(g.cycle()).append(" on a cycle, ").append(g.aperiodic()).append(" aperiodic, ").append(g.unresolved())
                    .append(" unresolved; symmetric plateau in ").append(Numbers.countShare(g.symmetric(), g.runs()))
                    .append(g.symmetric() > 0 ? ", mean " + Numbers.g3(g.symmetricSteps()) + " steps" : "");
        }
        StackedBarRenderer r = new StackedBarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setMaximumBarWidth(0.12);
        Color[] paints = {new Color(0x4daf4a), new Color(0x377eb8), new Color(0xe41a1c), Color.DARK_GRAY, new Color(0xbbbbbb)};
        for (int k = 0; k < paints.length; k++) r.setSeriesPaint(k, paints[k]);
        CategoryAxis x = new CategoryAxis(oneEta ? "input dimension d, student width H (η = " + Numbers.g3(groups.get(0).eta()) + ")"
                : "input dimension d, learning rate η, student width H");
        x.setTickLabelFont(Charts.TICK_FONT);
        x.setLabelFont(Charts.AXIS_LABEL_FONT);
        NumberAxis y = new NumberAxis("share of runs");
        y.setRange(0, 1.0);
        y.setTickUnit(new NumberTickUnit(0.1, new DecimalFormat("0%")));
        CategoryPlot plot = new CategoryPlot(ds, x, y, r);
        JFreeChart chart = Charts.chart(title, "committee-machine runs that did not fail; GD's fate at the run's own η", plot, true);
        Charts.save(chart, dir.resolve(FILE));
        return FigureResult.drawn(SECTION, title, FILE, text + ".");
    }
}
