package saddlesweep.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

import saddlesweep.error.UserError;
import saddlesweep.spark.ResultTable;
import saddlesweep.spark.ResultViews;
import saddlesweep.spark.ResultsRoot;

/**
 * The tables of one sweep of a results root, checked and registered as the temporary views {@code runs},
 * {@code events}, {@code trajectory} and {@code attractors} (only that sweep's rows), so that the figures
 * read them with Spark SQL. Opening it validates the directory, the sweep and the task, and writes nothing.
 */
public final class ReportSource {

    private final SparkSession spark;
    private final String location;
    private final String sweep;
    private final Map<ResultTable, Dataset<Row>> tables;

    /** The view of the sweep's committee-machine runs (d &gt; 1), and of their trajectory records. */
    static final String COMMITTEE_RUNS = "committee_runs";
    static final String COMMITTEE_TRAJECTORY = "committee_trajectory";
    static final String COMMITTEE_EVENTS = "committee_events";

    private final boolean scalarRuns;

    private ReportSource(SparkSession spark, String location, String sweep, Map<ResultTable, Dataset<Row>> tables,
                         boolean scalarRuns) {
        this.spark = spark;
        this.location = location;
        this.sweep = sweep;
        this.tables = tables;
        this.scalarRuns = scalarRuns;
    }

    /** Whether the sweep has runs of a scalar input (the figures 1–9 are drawn from them). */
    public boolean hasScalarRuns() {
        return scalarRuns;
    }

    /**
     * Opens a results root. {@code sweepName} may be null when the root holds one sweep (or when {@code taskId}
     * names a run of exactly one sweep); {@code taskId} may be null.
     *
     * @throws UserError when the root holds no runs, the sweep or the task is unknown, or the sweep is ambiguous
     */
    public static ReportSource open(SparkSession spark, String location, String sweepName, String taskId) {
        ResultsRoot root;
        Dataset<Row> runs;
        try {
            root = new ResultsRoot(location, spark.sparkContext().hadoopConfiguration());
            if (!root.exists(root.root())) throw new UserError(location + ": no such results directory");
            runs = ResultViews.read(spark, root, ResultTable.RUNS);
        } catch (IOException e) {
            throw new UserError(location + ": cannot read (" + e.getMessage() + ")");
        }
        if (runs == null) throw new UserError(location + ": not a results directory (no runs table with data)");

        List<String> sweeps = strings(runs.select("sweep").distinct().orderBy("sweep"));
        String sweep = chooseSweep(location, sweeps, sweepName, taskId, runs);
        if (taskId != null) {
            long found = runs.filter(functions.col("sweep").equalTo(sweep).and(functions.col("task_id").equalTo(taskId))).count();
            if (found == 0) throw new UserError("--task " + taskId + ": no such run in sweep " + sweep);
        }

        // the figures 1–9 are drawn for a scalar input: a committee machine's runs (d = size(teacher_w)/size(teacher_v)
        // > 1) are left out of the views runs, events, trajectory, attractors, and have views of their own
        Dataset<Row> scalarRuns = runs.filter(functions.col("sweep").equalTo(sweep)
                .and(functions.size(functions.col("teacher_w")).equalTo(functions.size(functions.col("teacher_v")))));
        Dataset<Row> committeeRuns = runs.filter(functions.col("sweep").equalTo(sweep)
                .and(functions.size(functions.col("teacher_w")).gt(functions.size(functions.col("teacher_v"))))).cache();
        boolean mixed = !committeeRuns.isEmpty();
        Map<ResultTable, Dataset<Row>> tables = new EnumMap<>(ResultTable.class);
        for (ResultTable t : ResultTable.values()) {
            Dataset<Row> df;
            try {
                df = t == ResultTable.RUNS ? scalarRuns : ResultViews.read(spark, root, t);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (df == null) continue;
            df = df.filter(functions.col("sweep").equalTo(sweep));
            if (mixed && (t == ResultTable.EVENTS || t == ResultTable.TRAJECTORY)) {
                df = df.join(scalarRuns.select("task_id"), df.col("task_id").equalTo(scalarRuns.col("task_id")), "left_semi");
            }
            if (mixed && t == ResultTable.ATTRACTORS) {
                df = df.filter(functions.size(functions.col("teacher_w")).equalTo(functions.size(functions.col("teacher_v"))));
            }
            if (t != ResultTable.TRAJECTORY) df = df.cache(); // small tables, queried many times
            df.createOrReplaceTempView(t.dirName());
            tables.put(t, df);
        }
        // the committee machine's runs and their records, for its own figures
        committeeRuns.createOrReplaceTempView(COMMITTEE_RUNS);
        for (ResultTable t : new ResultTable[] {ResultTable.TRAJECTORY, ResultTable.EVENTS}) {
            Dataset<Row> df;
            try {
                df = ResultViews.read(spark, root, t);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (df == null) continue;
            df.filter(functions.col("sweep").equalTo(sweep))
                    .join(committeeRuns.select("task_id"), df.col("task_id").equalTo(committeeRuns.col("task_id")), "left_semi")
                    .createOrReplaceTempView(t == ResultTable.EVENTS ? COMMITTEE_EVENTS : COMMITTEE_TRAJECTORY);
        }
        return new ReportSource(spark, location, sweep, tables, !scalarRuns.isEmpty());
    }

    private static String chooseSweep(String location, List<String> sweeps, String sweepName, String taskId,
                                      Dataset<Row> runs) {
        if (sweepName != null) {
            if (!sweeps.contains(sweepName)) {
                throw new UserError("--sweep " + sweepName + ": no such sweep in " + location + " (sweeps: "
                        + String.join(", ", sweeps) + ")");
            }
            return sweepName;
        }
        if (sweeps.size() == 1) return sweeps.get(0);
        if (taskId != null) {
            List<String> holding = strings(runs.filter(functions.col("task_id").equalTo(taskId)).select("sweep").distinct());
            if (holding.size() == 1) return holding.get(0);
            if (holding.isEmpty()) throw new UserError("--task " + taskId + ": no such run in " + location);
            throw new UserError("--task " + taskId + " is a run of several sweeps (" + String.join(", ", holding)
                    + "): choose one with --sweep");
        }
        throw new UserError(location + " holds several sweeps (" + String.join(", ", sweeps)
                + "): choose one with --sweep");
    }

    private static List<String> strings(Dataset<Row> oneColumn) {
        List<String> out = new ArrayList<>();
        for (Row r : oneColumn.collectAsList()) out.add(r.getString(0));
        return out;
    }

    public String location() {
        return location;
    }

    public String sweep() {
        return sweep;
    }

    /** Whether the sweep has rows in this table. */
    public boolean has(ResultTable t) {
        return tables.containsKey(t);
    }

    /** One table of the sweep, or null when the root has none. */
    public Dataset<Row> table(ResultTable t) {
        return tables.get(t);
    }

    /** Runs a query over the sweep's views and collects its rows. */
    public List<Row> sql(String query) {
        return spark.sql(query).collectAsList();
    }

    /** The rows of a table for one run, ordered by a column. */
    public List<Row> ofTask(ResultTable t, String taskId, String orderBy) {
        Dataset<Row> df = tables.get(t);
        if (df == null) return List.of();
        return df.filter(functions.col("task_id").equalTo(taskId)).orderBy(orderBy).collectAsList();
    }
}
