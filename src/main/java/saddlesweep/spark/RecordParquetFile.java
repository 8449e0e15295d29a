package saddlesweep.spark;

import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Writes records of one type as one Parquet file, directly from the driver (no Spark job), in the layout
 * Spark's own writer uses: columns from {@link RecordRows#schema}, {@code double[]} as a standard 3-level
 * list, and Spark's schema in the footer so that readers get the exact column types back. Columns named
 * in {@code omit} (the partition column {@code sweep}) are left out of the file.
 */
public final class RecordParquetFile {

    /** Footer key under which Spark stores the Catalyst schema of a Parquet file. */
    private static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";

    private RecordParquetFile() {
    }

    /** The file schema of a record type: its table schema less the omitted columns. */
    public static StructType fileSchema(Class<? extends Record> type, Set<String> omit) {
        StructType s = new StructType();
        for (StructField f : RecordRows.schema(type).fields()) if (!omit.contains(f.name())) s = s.add(f);
        return s;
    }

    /** Writes the records to a new file at {@code path}; returns the number of rows written. */
    public static <R extends Record> long write(Path path, Configuration conf, Class<R> type, Set<String> omit,
                                                Iterator<? extends R> records) throws IOException {
        StructType full = RecordRows.schema(type);
        StructType file = fileSchema(type, omit);
        int[] columns = new int[file.size()];
        for (int i = 0; i < columns.length; i++) columns[i] = full.fieldIndex(file.fields()[i].name());
        long rows = 0;
        try (ParquetWriter<Object[]> w = new Builder(HadoopOutputFile.fromPath(path, conf), file, columns)
                .withConf(conf)
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .build()) {
            while (records.hasNext()) {
                w.write(RecordRows.values(records.next()));
                rows++;
            }
        }
        return rows;
    }

    /** Parquet message type for a Spark schema of strings, ints, longs, doubles, booleans and double arrays. */
    static MessageType messageType(StructType schema) {
        StringBuilder s = new StringBuilder("message spark_schema {\n");
        for (StructField f : schema.fields()) {
            String rep = f.nullable() ? "optional" : "required";
            DataType t = f.dataType();
            if (t instanceof ArrayType) {
                s.append("  ").append(rep).append(" group ").append(f.name()).append(" (LIST) {\n")
                        .append("    repeated group list {\n      required double element;\n    }\n  }\n");
            } else {
                s.append("  ").append(rep).append(' ').append(primitive(t)).append(' ').append(f.name());
                if (t == DataTypes.StringType) s.append(" (STRING)");
                s.append(";\n");
            }
        }
        return MessageTypeParser.parseMessageType(s.append("}\n").toString());
    }

    private static String primitive(DataType t) {
        if (t == DataTypes.StringType) return "binary";
        if (t == DataTypes.IntegerType) return "int32";
        if (t == DataTypes.LongType) return "int64";
        if (t == DataTypes.DoubleType) return "double";
        if (t == DataTypes.BooleanType) return "boolean";
        throw new IllegalArgumentException("no Parquet type for " + t);
    }

    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        private final StructType schema;
        private final int[] columns;

        Builder(HadoopOutputFile file, StructType schema, int[] columns) {
            super(file);
            this.schema = schema;
            this.columns = columns;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
            return new ValuesWriteSupport(schema, columns);
        }
    }

    /** Writes one row given as the full record's values, picking the file's columns. */
    private static final class ValuesWriteSupport extends WriteSupport<Object[]> {
        private final StructType schema;
        private final int[] columns;
        private RecordConsumer out;

        ValuesWriteSupport(StructType schema, int[] columns) {
            this.schema = schema;
            this.columns = columns;
        }

        @Override
        public WriteContext init(Configuration configuration) {
            Map<String, String> meta = new HashMap<>();
            meta.put(SPARK_SCHEMA_KEY, schema.json());
            return new WriteContext(messageType(schema), meta);
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            out = recordConsumer;
        }

        @Override
        public void write(Object[] values) {
            out.startMessage();
            StructField[] fields = schema.fields();
            for (int i = 0; i < fields.length; i++) {
                Object v = values[columns[i]];
                if (v == null) {
                    if (!fields[i].nullable()) throw new IllegalArgumentException("null in required column " + fields[i].name());
                    continue;
                }
                String name = fields[i].name();
                out.startField(name, i);
                writeValue(v);
                out.endField(name, i);
            }
            out.endMessage();
        }

        private void writeValue(Object v) {
            if (v instanceof String s) out.addBinary(Binary.fromString(s));
            else if (v instanceof Integer x) out.addInteger(x);
            else if (v instanceof Long x) out.addLong(x);
            else if (v instanceof Double x) out.addDouble(x);
            else if (v instanceof Boolean x) out.addBoolean(x);
            else if (v instanceof double[] a) {
                out.startGroup();
                if (a.length > 0) {
                    out.startField("list", 0);
                    for (double d : a) {
                        out.startGroup();
                        out.startField("element", 0);
                        out.addDouble(d);
                        out.endField("element", 0);
                        out.endGroup();
                    }
                    out.endField("list", 0);
                }
                out.endGroup();
            } else {
                throw new IllegalArgumentException("cannot write " + v.getClass());
            }
        }
    }
}
