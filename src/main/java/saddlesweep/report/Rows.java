package saddlesweep.report;

import java.util.List;

import org.apache.spark.sql.Row;

/** Reading Spark rows: numbers that may be null, and {@code array<double>} columns. */
final class Rows {

    private Rows() {
    }

    /** A numeric column as a double; null → NaN. */
    static double dbl(Row r, String column) {
        Object v = r.getAs(column);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    static long lng(Row r, String column) {
        Object v = r.getAs(column);
        return v == null ? 0 : ((Number) v).longValue();
    }

    /** An {@code array<double>} column; null → empty. */
    static double[] doubles(Row r, String column) {
        int i0 = r.fieldIndex(column);
        if (r.isNullAt(i0)) return new double[0];
        List<Object> list = r.getList(i0);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) out[i] = list.get(i) == null ? Double.NaN : ((Number) list.get(i)).doubleValue();
        return out;
    }
}
