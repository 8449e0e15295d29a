package saddlesweep.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The application's Spark session: the master from spark-submit (or {@code spark.master}), else {@code local[*]}. */
public final class SparkSessions {

    private SparkSessions() {
    }

    /** The active session, or a new one named {@code appName}; logs quieted to WARN. */
    public static SparkSession getOrCreate(String appName) {
        SparkSession.Builder b = SparkSession.builder().appName(appName)
                .config("spark.ui.showConsoleProgress", "false")
                // the runs table has ~40 columns; Spark warns about plans wider than 25
                .config("spark.sql.debug.maxToStringFields", "200");
        if (!new SparkConf().contains("spark.master")) b = b.master("local[*]");
        SparkSession s = b.getOrCreate();
        s.sparkContext().setLogLevel("WARN");
        return s;
    }
}
