package saddlesweep.spark;

import saddlesweep.run.RunEvent;
import saddlesweep.run.RunSummary;
import saddlesweep.run.TrajectoryPoint;

/** The four tables of a results root, each a directory of Parquet files partitioned by {@code sweep}. */
public enum ResultTable {
    RUNS("runs", RunSummary.class),
    EVENTS("events", RunEvent.class),
    TRAJECTORY("trajectory", TrajectoryPoint.class),
    ATTRACTORS("attractors", AttractorRow.class);

    /** The partition column, stored in the directory names {@code sweep=<name>}, not in the files. */
    public static final String PARTITION_COLUMN = "sweep";

    private final String dirName;
    private final Class<? extends Record> rowType;

    ResultTable(String dirName, Class<? extends Record> rowType) {
        this.dirName = dirName;
        this.rowType = rowType;
    }

    /** Directory name under the results root, also the SQL view name. */
    public String dirName() {
        return dirName;
    }

    /** The record type whose components are the columns. */
    public Class<? extends Record> rowType() {
        return rowType;
    }
}
