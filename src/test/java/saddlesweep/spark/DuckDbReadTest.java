package saddlesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Another engine reads the results: each of the four tables of a real results root (the fixture's 12-task
 * sweep) read by DuckDB's JDBC driver, straight from the Parquet files with hive partitioning, equals what Spark
 * SQL reads, every row and every column (values compared exactly: doubles by their bits, arrays element by
 * element, nulls as nulls).
 */
class DuckDbReadTest {

    static SparkSession spark;
    static Path root;

    @BeforeAll
    static void results() {
        spark = TestSpark.session();
        root = SweepFixture.referenceRoot(spark);
    }

    @Test
    void everyTableReadsTheSameInDuckDbAsInSparkSql() throws SQLException, IOException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            for (ResultTable t : ResultTable.values()) {
                Dataset<Row> df = ResultViews.read(spark, SweepFixture.root(spark, root), t);
                String[] columns = df.columns();
                List<String> fromSpark = new ArrayList<>();
                for (Row r : df.collectAsList()) {
                    List<Object> values = new ArrayList<>();
                    for (int i = 0; i < columns.length; i++) values.add(r.isNullAt(i) ? null : sparkValue(r.get(i)));
                    fromSpark.add(values.toString());
                }
                List<String> fromDuck = new ArrayList<>();
                String sql = "select " + String.join(", ", Arrays.stream(columns).map(c -> '"' + c + '"').toList())
                        + " from read_parquet('" + root.resolve(t.dirName()) + "/*/*.parquet', hive_partitioning = true)";
                try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        List<Object> values = new ArrayList<>();
                        for (int i = 1; i <= columns.length; i++) values.add(duckValue(rs.getObject(i)));
                        fromDuck.add(values.toString());
                    }
                }
                fromSpark.sort(null);
                fromDuck.sort(null);
                assertFalse(fromSpark.isEmpty(), t.dirName() + " is empty");
                assertEquals(fromSpark, fromDuck, t.dirName() + ": DuckDB reads other rows than Spark SQL");
            }
        }
    }

    /** A Spark value as compared: arrays as lists, doubles exactly (by their bits, NaN included). */
    private static Object sparkValue(Object v) {
        if (v instanceof scala.collection.Seq<?> seq) {
            List<Object> l = new ArrayList<>();
            for (Object x : scala.jdk.javaapi.CollectionConverters.asJava(seq)) l.add(exact(x));
            return l;
        }
        return exact(v);
    }

    private static Object duckValue(Object v) throws SQLException {
        if (v == null) return null;
        if (v instanceof Array a) {
            List<Object> l = new ArrayList<>();
            for (Object x : (Object[]) a.getArray()) l.add(exact(x));
            return l;
        }
        return exact(v);
    }

    private static Object exact(Object v) {
        return v instanceof Double d ? "d" + Long.toHexString(Double.doubleToRawLongBits(d)) : v;
    }
}
