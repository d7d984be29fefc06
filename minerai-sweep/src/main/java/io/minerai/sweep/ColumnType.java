package io.minerai.sweep;

/**
 * The types a task or result record component may have, each with a plain Parquet/Spark equivalent: numbers, text,
 * enums (stored by name) and arrays of primitives.
 */
public enum ColumnType {
    BOOLEAN,
    INT,
    LONG,
    DOUBLE,
    STRING,
    /** An enum constant, stored as its name. */
    ENUM,
    INT_ARRAY,
    LONG_ARRAY,
    DOUBLE_ARRAY;

    /** The column type of a record component of type {@code type}, if supported. */
    static java.util.Optional<ColumnType> of(Class<?> type) {
        if (type == boolean.class) {
            return java.util.Optional.of(BOOLEAN);
        } else if (type == int.class) {
            return java.util.Optional.of(INT);
        } else if (type == long.class) {
            return java.util.Optional.of(LONG);
        } else if (type == double.class) {
            return java.util.Optional.of(DOUBLE);
        } else if (type == String.class) {
            return java.util.Optional.of(STRING);
        } else if (type.isEnum()) {
            return java.util.Optional.of(ENUM);
        } else if (type == int[].class) {
            return java.util.Optional.of(INT_ARRAY);
        } else if (type == long[].class) {
            return java.util.Optional.of(LONG_ARRAY);
        } else if (type == double[].class) {
            return java.util.Optional.of(DOUBLE_ARRAY);
        }
        return java.util.Optional.empty();
    }
}
