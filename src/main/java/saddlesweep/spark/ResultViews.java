package saddlesweep.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import saddlesweep.model.Teacher;
import saddlesweep.train.RunStatus;
import saddlesweep.train.TrainingSettings;

/**
 * Reads the tables of a results root as DataFrames with the schema of their row records (columns in record
 * order, {@code sweep} first, from the partition directories; columns a file lacks read as null, except those
 * in {@link #WRITTEN_BEFORE}). Old labels read as today's: {@code runs.status = 'max_steps'}, written before
 * {@code horizon} and {@code budget} existed, reads as the one of the two the run was ({@link #status()}).
 */
public final class ResultViews {

    /**
     * Columns added after results were first written, with the value that files written before them stand for:
     * {@code teacher} came with teacher axes, and every earlier job had one teacher of the default name.
     */
    static final Map<String, String> WRITTEN_BEFORE = Map.of("teacher", Teacher.DEFAULT_NAME);

    private static final String STATUS = "status";

    private ResultViews() {
    }

    /**
     * The column {@code name}, with the value of {@link #WRITTEN_BEFORE} where a file lacks it, and
     * {@code status} as {@link #status()}.
     */
    static Column column(String name) {
        if (STATUS.equals(name)) return status();
        String before = WRITTEN_BEFORE.get(name);
        return before == null ? functions.col(name) : functions.coalesce(functions.col(name), functions.lit(before)).as(name);
    }

    /**
     * {@code runs.status} with the old {@code max_steps} as {@link RunStatus#ofOldMaxSteps}: {@code horizon} when
     * the flow tail ran ({@code tail = 'flow' and gd_steps < steps}), else {@code budget} (plain GD spent
     * max_steps; runs written before the {@code tail} column were all plain GD).
     */
    static Column status() {
        Column status = functions.col(STATUS);
        Column old = status.equalTo(functions.lit(RunStatus.OLD_MAX_STEPS));
        Column flowRan = functions.col("tail").equalTo(functions.lit(TrainingSettings.TAIL_FLOW))
                .and(functions.col("gd_steps").lt(functions.col("steps")));
        return functions.when(old.and(flowRan), functions.lit(RunStatus.ofOldMaxSteps(true).label()))
                .when(old, functions.lit(RunStatus.ofOldMaxSteps(false).label()))
                .otherwise(status).as(STATUS);
    }

    /** One table, or null when it holds no data. */
    public static Dataset<Row> read(SparkSession spark, ResultsRoot root, ResultTable table) throws IOException {
        if (!root.hasData(table)) return null;
        StructType schema = RecordRows.schema(table.rowType());
        Dataset<Row> df = spark.read().schema(schema).parquet(root.table(table).toString());
        List<Column> cols = new ArrayList<>();
        for (StructField f : schema.fields()) cols.add(column(f.name()));
        return df.select(cols.toArray(new Column[0]));
    }

    /** Registers every table with data as a temporary view of its name; returns the names registered. */
    public static List<String> register(SparkSession spark, ResultsRoot root) throws IOException {
        List<String> names = new ArrayList<>();
        for (ResultTable t : ResultTable.values()) {
            Dataset<Row> df = read(spark, root, t);
            if (df == null) continue;
            df.createOrReplaceTempView(t.dirName());
            names.add(t.dirName());
        }
        return names;
    }
}
