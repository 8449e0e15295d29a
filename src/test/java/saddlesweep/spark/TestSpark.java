package saddlesweep.spark;

import org.apache.spark.sql.SparkSession;

/** One local[2] Spark session shared by the Spark test classes of a test JVM (created on first use). */
public final class TestSpark {

    private static SparkSession session;

    private TestSpark() {
    }

    public static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("saddlesweep-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .config("spark.sql.debug.maxToStringFields", "200")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
            session.sparkContext().setLogLevel("WARN");
            SparkSessions.checkPagesOnRead(session);   // as the application's sessions do
        }
        return session;
    }
}
