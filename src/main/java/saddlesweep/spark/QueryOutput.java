package saddlesweep.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

/**
 * Prints the rows of a query: aligned text (no truncation; arrays as {@code [a,b]}; column widths from the
 * first {@value #WIDTH_SAMPLE} rows, later rows streamed), CSV with a header, or JSON lines. Rows are
 * streamed from Spark, so large results do not have to fit in the driver.
 */
public final class QueryOutput {

    /** Output formats of the query command. */
    public enum Format { text, csv, json }

    static final int WIDTH_SAMPLE = 1000;

    private QueryOutput() {
    }

    /** Prints the result; returns the number of rows. A result without columns (DDL) prints nothing. */
    public static long print(Dataset<Row> df, Format format, PrintStream out) {
        StructField[] fields = df.schema().fields();
        if (fields.length == 0) {
            df.collect();
            return 0;
        }
        Iterator<Row> rows = df.toLocalIterator();
        return switch (format) {
            case text -> text(fields, rows, out);
            case csv -> csv(fields, rows, out);
            case json -> json(fields, rows, out);
        };
    }

    private static long text(StructField[] fields, Iterator<Row> rows, PrintStream out) {
        int k = fields.length;
        int[] width = new int[k];
        boolean[] right = new boolean[k];
        for (int c = 0; c < k; c++) {
            width[c] = fields[c].name().length();
            right[c] = fields[c].dataType() instanceof NumericType;
        }
        List<String[]> head = new ArrayList<>();
        while (head.size() < WIDTH_SAMPLE && rows.hasNext()) {
            String[] cells = cells(rows.next(), k, "NULL");
            for (int c = 0; c < k; c++) width[c] = Math.max(width[c], cells[c].length());
            head.add(cells);
        }
        String[] names = new String[k];
        for (int c = 0; c < k; c++) names[c] = fields[c].name();
        out.println(line(names, width, new boolean[k]));
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < k; c++) rule.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
        out.println(rule);
        long count = 0;
        for (String[] cells : head) {
            out.println(line(cells, width, right));
            count++;
        }
        while (rows.hasNext()) {
            out.println(line(cells(rows.next(), k, "NULL"), width, right));
            count++;
        }
        out.printf("(%d row%s)%n", count, count == 1 ? "" : "s");
        out.flush();
        return count;
    }

    private static String line(String[] cells, int[] width, boolean[] right) {
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) s.append("  ");
            String v = cells[c];
            int pad = Math.max(0, width[c] - v.length());
            if (right[c]) s.append(" ".repeat(pad)).append(v);
            else if (c < cells.length - 1) s.append(v).append(" ".repeat(pad));
            else s.append(v);
        }
        return s.toString();
    }

    private static long csv(StructField[] fields, Iterator<Row> rows, PrintStream out) {
        String[] names = new String[fields.length];
        for (int c = 0; c < fields.length; c++) names[c] = csvCell(fields[c].name());
        out.println(String.join(",", names));
        long count = 0;
        while (rows.hasNext()) {
            String[] cells = cells(rows.next(), fields.length, "");
            for (int c = 0; c < cells.length; c++) cells[c] = csvCell(cells[c]);
            out.println(String.join(",", cells));
            count++;
        }
        out.flush();
        return count;
    }

    private static String csvCell(String v) {
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) return v;
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    private static long json(StructField[] fields, Iterator<Row> rows, PrintStream out) {
        long count = 0;
        try {
            JsonFactory f = new JsonFactory();
            while (rows.hasNext()) {
                Row r = rows.next();
                java.io.StringWriter w = new java.io.StringWriter();
                try (JsonGenerator g = f.createGenerator(w)) {
                    g.writeStartObject();
                    for (int c = 0; c < fields.length; c++) {
                        g.writeFieldName(fields[c].name());
                        writeJson(g, r.isNullAt(c) ? null : r.get(c));
                    }
                    g.writeEndObject();
                }
                out.println(w);
                count++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
        return count;
    }

    private static void writeJson(JsonGenerator g, Object v) throws IOException {
        if (v == null) g.writeNull();
        else if (v instanceof Double d) g.writeNumber(d);
        else if (v instanceof Float d) g.writeNumber(d);
        else if (v instanceof Long l) g.writeNumber(l);
        else if (v instanceof Integer i) g.writeNumber(i);
        else if (v instanceof Short i) g.writeNumber(i);
        else if (v instanceof Byte i) g.writeNumber(i);
        else if (v instanceof java.math.BigDecimal d) g.writeNumber(d);
        else if (v instanceof Boolean b) g.writeBoolean(b);
        else if (v instanceof scala.collection.Seq<?> s) {
            g.writeStartArray();
            scala.collection.Iterator<?> it = s.iterator();
            while (it.hasNext()) writeJson(g, it.next());
            g.writeEndArray();
        } else if (v instanceof Row row) {
            g.writeStartObject();
            StructField[] fs = row.schema().fields();
            for (int c = 0; c < fs.length; c++) {
                g.writeFieldName(fs[c].name());
                writeJson(g, row.isNullAt(c) ? null : row.get(c));
            }
            g.writeEndObject();
        } else if (v instanceof scala.collection.Map<?, ?> m) {
            g.writeStartObject();
            scala.collection.Iterator<?> it = m.iterator();
            while (it.hasNext()) {
                scala.Tuple2<?, ?> e = (scala.Tuple2<?, ?>) it.next();
                g.writeFieldName(String.valueOf(e._1()));
                writeJson(g, e._2());
            }
            g.writeEndObject();
        } else g.writeString(v.toString());
    }

    private static String[] cells(Row r, int k, String nullText) {
        String[] s = new String[k];
        for (int c = 0; c < k; c++) s[c] = r.isNullAt(c) ? nullText : format(r.get(c));
        return s;
    }

    /** One value as text: arrays and structs compactly, {@code [a,b]} and {@code {k:v}}. */
    static String format(Object v) {
        if (v == null) return "NULL";
        if (v instanceof scala.collection.Seq<?> s) {
            StringBuilder b = new StringBuilder("[");
            scala.collection.Iterator<?> it = s.iterator();
            boolean first = true;
            while (it.hasNext()) {
                if (!first) b.append(',');
                b.append(format(it.next()));
                first = false;
            }
            return b.append(']').toString();
        }
        if (v instanceof Row row) {
            StringBuilder b = new StringBuilder("{");
            StructField[] fs = row.schema() == null ? null : row.schema().fields();
            for (int c = 0; c < row.length(); c++) {
                if (c > 0) b.append(',');
                if (fs != null) b.append(fs[c].name()).append(':');
                b.append(format(row.get(c)));
            }
            return b.append('}').toString();
        }
        if (v instanceof scala.collection.Map<?, ?> m) {
            StringBuilder b = new StringBuilder("{");
            scala.collection.Iterator<?> it = m.iterator();
            boolean first = true;
            while (it.hasNext()) {
                scala.Tuple2<?, ?> e = (scala.Tuple2<?, ?>) it.next();
                if (!first) b.append(',');
                b.append(format(e._1())).append(':').append(format(e._2()));
                first = false;
            }
            return b.append('}').toString();
        }
        if (v instanceof Map<?, ?> m) return m.toString();
        return v.toString();
    }
}
