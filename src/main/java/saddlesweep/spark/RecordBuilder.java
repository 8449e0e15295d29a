package saddlesweep.spark;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Map;

/**
 * A row record from the values of some of its columns (by snake_case name, as in {@link RecordRows}), every other
 * column at its blank value: null for objects, NaN for doubles, 0 or false for other primitives. For rows made
 * outside the pipeline (the replay bench), so that they keep compiling when columns are added.
 */
final class RecordBuilder {

    private RecordBuilder() {
    }

    static <R extends Record> R build(Class<R> type, Map<String, ?> columns) {
        RecordComponent[] cs = type.getRecordComponents();
        Class<?>[] types = new Class<?>[cs.length];
        Object[] args = new Object[cs.length];
        int used = 0;
        for (int i = 0; i < cs.length; i++) {
            types[i] = cs[i].getType();
            String column = RecordRows.snakeCase(cs[i].getName());
            if (columns.containsKey(column)) {
                args[i] = columns.get(column);
                used++;
            } else {
                args[i] = blank(types[i]);
            }
        }
        if (used != columns.size()) throw new IllegalArgumentException("unknown columns in " + columns.keySet() + " for " + type.getSimpleName());
        try {
            Constructor<R> c = type.getDeclaredConstructor(types);
            return c.newInstance(args);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot build a " + type.getSimpleName(), e);
        }
    }

    private static Object blank(Class<?> t) {
        if (!t.isPrimitive()) return null;
        if (t == double.class) return Double.NaN;
        if (t == boolean.class) return false;
        if (t == int.class) return 0;
        if (t == long.class) return 0L;
        throw new IllegalArgumentException("no blank value for " + t);
    }
}
