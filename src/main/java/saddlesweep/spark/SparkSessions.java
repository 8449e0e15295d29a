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
        checkPagesOnRead(s);
        return s;
    }

    /**
     * Makes every Parquet read of the session verify each page's checksum (parquet-mr's default is not to), so
     * that a page altered on storage fails the query instead of returning other numbers. Set on the driver's
     * Hadoop configuration, from which Spark's file scans take theirs (on executors too).
     */
    public static void checkPagesOnRead(SparkSession s) {
        s.sparkContext().hadoopConfiguration().setBoolean(PageChecksums.VERIFY, true);
    }
}
