package saddlesweep.report;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;

import saddlesweep.spark.ResultTable;

/**
 * One run as the dynamics figures need it: its parameters and outcome (from {@code runs}), its recorded
 * trajectory (from {@code trajectory}, by step) and its events (from {@code events}, by seq).
 */
record RunTrace(Run run, List<Point> points, List<Event> events) {

    /** The columns of a {@code runs} row used by the figures. */
    record Run(String taskId, int n, double sigma2, int hidden, long dataSeed, long initSeed, String status,
               long steps, double trainLoss, double genExcess, String attractorKind, double optTrainLoss,
               double optGenExcess, double minGenExcess, long minGenStep, int plateaus, int nearOptimal,
               double limitTrainLoss) {
    }

    /** A trajectory record: step, L_N, E, ‖∇L_N‖, θ = (w_1..w_H, v_1..v_H). */
    record Point(long step, double trainLoss, double genExcess, double gradNorm, double[] theta) {
    }

    /** An event: kind (plateau, near_optimal, attractor), its extent and the critical point's Morse index. */
    record Event(String kind, long stepEnter, long stepDip, long stepExit, int morseIndex, String singularity) {

        boolean isPassage() {
            return !"attractor".equals(kind);
        }
    }

    /** L_N of the run's limit function, NaN when it has none (or the results predate the column). */
    private static double limitOr(Row r) {
        int i;
        try {
            i = r.fieldIndex("limit_train_loss");
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
        return r.isNullAt(i) ? Double.NaN : r.getDouble(i);
    }

    /** Loads a run of the source's sweep (the task must exist). */
    static RunTrace load(ReportSource source, String taskId) {
        Row r = source.ofTask(ResultTable.RUNS, taskId, "task_id").get(0);
        Run run = new Run(taskId, r.getAs("n"), r.getAs("sigma2"), r.getAs("hidden"), r.getAs("data_seed"),
                r.getAs("init_seed"), r.getAs("status"), r.getAs("steps"), r.getAs("train_loss"),
                r.getAs("gen_excess"), r.getAs("attractor_kind"), r.getAs("opt_train_loss"),
                r.getAs("opt_gen_excess"), r.getAs("min_gen_excess"), r.getAs("min_gen_step"),
                intOr(r, "plateaus"), intOr(r, "near_optimal"), limitOr(r));
        List<Point> points = new ArrayList<>();
        for (Row p : source.ofTask(ResultTable.TRAJECTORY, taskId, "step")) {
            points.add(new Point(p.getAs("step"), p.getAs("train_loss"), p.getAs("gen_excess"),
                    p.getAs("grad_norm"), Rows.doubles(p, "theta")));
        }
        List<Event> events = new ArrayList<>();
        for (Row e : source.ofTask(ResultTable.EVENTS, taskId, "seq")) {
            events.add(new Event(e.getAs("kind"), e.getAs("step_enter"), e.getAs("step_dip"), e.getAs("step_exit"),
                    intOr(e, "morse_index"), e.getAs("singularity")));
        }
        return new RunTrace(run, points, events);
    }

    private static int intOr(Row r, String column) {
        Object v = r.getAs(column);
        return v == null ? 0 : ((Number) v).intValue();
    }

    /** "N = 40, σ² = 0.01, H = 2, data seed 1, init seed 2". */
    String describe() {
        return "N = " + run.n() + ", σ² = " + Numbers.g3(run.sigma2()) + ", H = " + run.hidden() + ", data seed "
                + run.dataSeed() + ", init seed " + run.initSeed();
    }

    /** The attractor event, or null. */
    Event attractorEvent() {
        for (Event e : events) if (!e.isPassage()) return e;
        return null;
    }

    List<Event> passages() {
        return events.stream().filter(Event::isPassage).toList();
    }
}
