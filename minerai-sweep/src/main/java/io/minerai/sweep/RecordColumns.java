package io.minerai.sweep;

import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A task or result record seen as a row of typed columns (one per component, in declaration order), so that an
 * executor can store it outside the JVM (Parquet) and rebuild it. Checked when a {@link Sweep} is made, so a sweep that
 * runs in-process can also run on a distributed executor.
 *
 * @param <R> the record type
 */
public final class RecordColumns<R extends Record> {
    /** The name executors give the task-index column; no component may use it. */
    public static final String TASK_INDEX = "taskIndex";

    private final Class<R> type;
    private final List<Column> columns;
    private final Method[] accessors;
    private final Constructor<R> constructor;

    /** A column: the component's name and type; {@code enumType} for {@link ColumnType#ENUM}. */
    public record Column(String name, ColumnType type, Optional<Class<?>> enumType) {}

    private RecordColumns(Class<R> type, List<Column> columns, Method[] accessors, Constructor<R> constructor) {
        this.type = type;
        this.columns = List.copyOf(columns);
        this.accessors = accessors;
        this.constructor = constructor;
    }

    /**
     * The columns of record class {@code type}.
     *
     * @throws ValidationException naming every component whose type is not a {@link ColumnType}
     */
    public static <R extends Record> RecordColumns<R> of(Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        List<Problem> problems = new ArrayList<>();
        String where = type.getSimpleName();
        if (components == null) {
            throw new ValidationException(where, new Problem(where, "must be a record"));
        }
        List<Column> columns = new ArrayList<>();
        Method[] accessors = new Method[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            accessors[i] = c.getAccessor();
            accessors[i].setAccessible(true);
            if (c.getName().equals(TASK_INDEX)) {
                problems.add(new Problem(where + "." + c.getName(), "is reserved for the task index; rename it"));
            }
            Optional<ColumnType> ct = ColumnType.of(c.getType());
            if (ct.isEmpty()) {
                problems.add(new Problem(
                        where + "." + c.getName(),
                        "has type " + c.getType().getSimpleName()
                                + "; a sweep column must be boolean, int, long, double, String, an enum,"
                                + " int[], long[] or double[]"));
            } else {
                columns.add(new Column(
                        c.getName(), ct.get(), c.getType().isEnum() ? Optional.of(c.getType()) : Optional.empty()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(where, problems);
        }
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return new RecordColumns<>(type, columns, accessors, constructor);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
        }
    }

    /** The record class. */
    public Class<R> type() {
        return type;
    }

    /** The columns, in component order. */
    public List<Column> columns() {
        return columns;
    }

    /**
     * The component values of {@code record} in column order: Boolean, Integer, Long, Double, String (also for enums,
     * their name), int[], long[], double[].
     */
    public Object[] values(R record) {
        Object[] out = new Object[accessors.length];
        for (int i = 0; i < accessors.length; i++) {
            Object v = invoke(accessors[i], record);
            out[i] = v instanceof Enum<?> e ? e.name() : v;
        }
        return out;
    }

    /** The record whose component values are {@code values} (as {@link #values} returns them). */
    public R create(Object[] values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(
                    type.getSimpleName() + " has " + columns.size() + " columns, got " + values.length + " values");
        }
        Object[] args = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            Column c = columns.get(i);
            args[i] = c.type() == ColumnType.ENUM ? enumConstant(c, (String) values[i]) : values[i];
        }
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalArgumentException(
                    "cannot rebuild a " + type.getSimpleName() + ": " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild a " + type.getSimpleName(), e);
        }
    }

    private static Object enumConstant(Column c, String name) {
        Class<?> enumType = c.enumType().orElseThrow();
        for (Object constant : enumType.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(c.name() + ": no " + enumType.getSimpleName() + " named '" + name + "'");
    }

    private static Object invoke(Method accessor, Object target) {
        try {
            return accessor.invoke(target);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(accessor + " failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(accessor + " is not accessible", e);
        }
    }
}
