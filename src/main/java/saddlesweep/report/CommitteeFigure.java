package saddlesweep.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Figure 10, per teacher with d &gt; 1 inputs (the committee machine) and per input dimension it runs in: one run's student rows against the step — their
 * norms |w_i| (solid), the overlap of the first two units cos(w_1, w_2) = w_1·w_2/(|w_1||w_2|) (dashed, black) and
 * each unit's overlap with each teacher row, R_ik = w_i·w*_k/(|w_i||w*_k|) (dotted, by unit colour). The run: one
 * with a symmetric plateau (a plateau at a saddle of the overlap set), else the first of the teacher's smallest H.
 */
final class CommitteeFigure {

    static final String SECTION = "10. The committee machine: the student's rows";

    /** A teacher's chosen run and its records (θ = W row by row, then v). */
    record Trace(String teacher, int dim, double[] teacherW, String taskId, int hidden, double sigma2, boolean symmetric,
                 long[] steps, double[][] thetas) {
    }

    private CommitteeFigure() {
    }

    static List<Trace> load(ReportSource source) {
        List<Trace> out = new ArrayList<>();
        // one figure per teacher and input dimension (input_dim runs one teacher in several)
        List<Row> teachers = source.sql("select teacher, size(teacher_w) div size(teacher_v) as d, first(teacher_w) as w, "
                + "first(teacher_v) as v from " + ReportSource.COMMITTEE_RUNS + " group by teacher, d order by teacher, d");
        for (Row t : teachers) {
            String name = t.getString(0);
            double[] w = Rows.doubles(t, "w");
            int dim = w.length / Rows.doubles(t, "v").length;
            List<Row> chosen = source.sql("select r.task_id, r.hidden, r.sigma2, coalesce(s.visits, 0) > 0 as symmetric "
                    + "from " + ReportSource.COMMITTEE_RUNS + " r left join (select task_id, count(*) as visits from "
                    + ReportSource.COMMITTEE_EVENTS + " where kind = 'plateau' and singularity = 'overlap' and morse_index >= 1 "
                    + "group by task_id) s on r.task_id = s.task_id where r.teacher = '" + name.replace("'", "''") + "' "
                    + "and size(r.teacher_w) = " + w.length + " "
                    + "and r.status <> 'failed' order by symmetric desc, r.hidden, r.sigma2, r.data_seed, r.init_seed limit 1");
            if (chosen.isEmpty()) continue;
            Row c = chosen.get(0);
            String task = c.getString(0);
            List<Row> pts = source.sql("select step, theta from " + ReportSource.COMMITTEE_TRAJECTORY + " where task_id = '"
                    + task + "' and step >= 1 order by step");
            long[] steps = new long[pts.size()];
            double[][] thetas = new double[pts.size()][];
            for (int i = 0; i < pts.size(); i++) {
                steps[i] = pts.get(i).getLong(0);
                thetas[i] = Rows.doubles(pts.get(i), "theta");
            }
            out.add(new Trace(name, dim, w, task, c.getInt(1), c.getDouble(2), c.getBoolean(3), steps, thetas));
        }
        return out;
    }

    static FigureResult write(Trace t, Path dir, String file) {
        String title = "Committee machine " + t.teacher() + " (d = " + t.dim() + "): rows of run " + t.taskId() + " (H = "
                + t.hidden() + ")";
        if (t.steps().length < 2) return FigureResult.leftOut(SECTION, title, "fewer than two recorded parameter vectors");
        int h = t.hidden();
        int d = t.dim();
        int teacherUnits = t.teacherW().length / d;
        XYSeriesCollection ds = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        int series = 0;
        for (int i = 0; i < h; i++) {
            XYSeries norm = new XYSeries("|w_" + (i + 1) + "|");
            for (int s = 0; s < t.steps().length; s++) norm.add(t.steps()[s], Math.sqrt(dot(t.thetas()[s], i, t.thetas()[s], i, d)));
            ds.addSeries(norm);
            r.setSeriesPaint(series, Charts.colour(i));
            r.setSeriesStroke(series++, Charts.SOLID);
            for (int k = 0; k < teacherUnits; k++) {
                XYSeries overlap = new XYSeries("R_" + (i + 1) + (k + 1));
                for (int s = 0; s < t.steps().length; s++) {
                    double[] th = t.thetas()[s];
                    overlap.add(t.steps()[s], cos(th, i, t.teacherW(), k, d));
                }
                ds.addSeries(overlap);
                r.setSeriesPaint(series, Charts.colour(i));
                r.setSeriesStroke(series++, Charts.DOTTED);
            }
        }
        if (h >= 2) {
            XYSeries c12 = new XYSeries("cos(w_1, w_2)");
            for (int s = 0; s < t.steps().length; s++) c12.add(t.steps()[s], cos(t.thetas()[s], 0, t.thetas()[s], 1, d));
            ds.addSeries(c12);
            r.setSeriesPaint(series, java.awt.Color.BLACK);
            r.setSeriesStroke(series, Charts.DASHED);
        }
        LogAxis stepAxis = Charts.logAxis("step t (gradient-descent iterations)");
        stepAxis.setRange(0.8, Math.max(10, t.steps()[t.steps().length - 1] * 1.6));
        NumberAxis valueAxis = Charts.numberAxis("|w_i| (solid), overlaps R_ik (dotted), cos(w_1, w_2) (dashed)");
        XYPlot plot = new XYPlot(ds, stepAxis, valueAxis, r);
        JFreeChart chart = Charts.chart(title, "σ² = " + Numbers.g3(t.sigma2()) + (t.symmetric() ? " · a run with a symmetric plateau"
                : " · no symmetric plateau found in this teacher's runs"), plot, true);
        Charts.save(chart, dir.resolve(file));
        String caption = "The student's rows of one run of teacher <b>" + Numbers.html(t.teacher()) + "</b> (d = " + d + ", H = " + h
                + "): after the origin plateau the rows grow along one direction (cos(w_1, w_2) near ±1, each unit as "
                + "aligned with every teacher row: the unspecialised, symmetric plateau), then specialise (each R_ik near ±1 "
                + "for one k and near 0 for the others). Which runs have a symmetric plateau, and how long it lasts: "
                + "<code>jobs/queries/committee.sql</code>.";
        return FigureResult.drawn(SECTION, title, file, caption);
    }

    private static double dot(double[] a, int i, double[] b, int j, int d) {
        double s = 0;
        for (int k = 0; k < d; k++) s += a[i * d + k] * b[j * d + k];
        return s;
    }

    private static double cos(double[] a, int i, double[] b, int j, int d) {
        double na = Math.sqrt(dot(a, i, a, i, d));
        double nb = Math.sqrt(dot(b, j, b, j, d));
        return na > 0 && nb > 0 ? dot(a, i, b, j, d) / (na * nb) : 0.0;
    }
}
