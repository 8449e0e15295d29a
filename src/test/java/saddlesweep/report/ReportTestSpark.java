package saddlesweep.report;

import org.apache.spark.sql.SparkSession;

/**
 * The local[2] Spark session of the report tests, configured like the Spark package's shared test session
 * (if that one exists already in this JVM, {@code getOrCreate} returns it).
 */
final class ReportTestSpark {

    private static SparkSession session;

    private ReportTestSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("saddlesweep-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
            session.sparkContext().setLogLevel("WARN");
        }
        return session;
    }
}
