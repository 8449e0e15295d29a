package saddlesweep.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One local[2] Spark session shared by the Spark test classes of a test JVM (created on first use). Its SQL runs
 * interpreted (no generated code): the same rows, and a quarter less CPU for the tests' many small queries
 * (measured on AxesSweepTest and QueryCommandTest: 92.5 s CPU with code generation, 71.1 s without, in one
 * JVM). The application's own path, with code generation, runs in the tests that start {@code ./submit.sh}
 * (driver kills, the standalone cluster, the lock, the submit script).
 */
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
                    .config("spark.sql.codegen.wholeStage", "false")
                    .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
            session.sparkContext().setLogLevel("WARN");
            SparkSessions.checkPagesOnRead(session);   // as the application's sessions do
        }
        return session;
    }
}
