package saddlesweep.spark;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Table schemas and rows from Java records, by reflection on the record components: a component
 * {@code genExcess} is the column {@code gen_excess}. Primitives are non-null columns; boxed numbers,
 * strings and {@code double[]} (as {@code array<double>}) are nullable.
 */
public final class RecordRows {

    private static final Map<Class<?>, RecordComponent[]> COMPONENTS = new ConcurrentHashMap<>();

    private RecordRows() {
    }

    /** The Spark schema of a record type, one field per component, in declaration order. */
    public static StructType schema(Class<? extends Record> type) {
        List<StructField> fields = new ArrayList<>();
        for (RecordComponent c : components(type)) {
            Class<?> t = c.getType();
            fields.add(DataTypes.createStructField(snakeCase(c.getName()), sparkType(t), !t.isPrimitive()));
        }
        return DataTypes.createStructType(fields);
    }

    /** The column values of a record, in schema order (arrays stay {@code double[]}). */
    public static Object[] values(Record record) {
        RecordComponent[] cs = components(record.getClass());
        Object[] v = new Object[cs.length];
        for (int i = 0; i < cs.length; i++) {
            Method accessor = cs[i].getAccessor();
            try {
                v[i] = accessor.invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + cs[i].getName() + " of " + record.getClass(), e);
            }
        }
        return v;
    }

    /** A Spark row of a record, matching {@link #schema(Class)}. */
    public static Row row(Record record) {
        return RowFactory.create(values(record));
    }

    /** {@code genExcess} → {@code gen_excess}, {@code teacherW} → {@code teacher_w}, {@code sigma2} → {@code sigma2}. */
    public static String snakeCase(String camel) {
        StringBuilder s = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char ch = camel.charAt(i);
            if (Character.isUpperCase(ch)) {
                if (i > 0) s.append('_');
                s.append(Character.toLowerCase(ch));
            } else {
                s.append(ch);
            }
        }
        return s.toString();
    }

    private static RecordComponent[] components(Class<?> type) {
        return COMPONENTS.computeIfAbsent(type, t -> {
            if (!t.isRecord()) throw new IllegalArgumentException(t + " is not a record");
            RecordComponent[] cs = t.getRecordComponents();
            for (RecordComponent c : cs) c.getAccessor().setAccessible(true);
            return cs;
        });
    }

    private static DataType sparkType(Class<?> t) {
        if (t == String.class) return DataTypes.StringType;
        if (t == int.class || t == Integer.class) return DataTypes.IntegerType;
        if (t == long.class || t == Long.class) return DataTypes.LongType;
        if (t == double.class || t == Double.class) return DataTypes.DoubleType;
        if (t == boolean.class || t == Boolean.class) return DataTypes.BooleanType;
        if (t == double[].class) return DataTypes.createArrayType(DataTypes.DoubleType, false);
        throw new IllegalArgumentException("no column type for " + t.getName());
    }
}
