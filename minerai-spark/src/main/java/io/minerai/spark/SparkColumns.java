package io.minerai.spark;

import io.minerai.sweep.RecordColumns;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A task or result record as a Spark row: column 0 is the task index ({@code long}), then one column per record
 * component. Serializable (it travels with the partition function) and rebuilds its reflective view on each worker.
 *
 * @param <R> the record type
 */
final class SparkColumns<R extends Record> implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Class<R> type;
    private transient RecordColumns<R> columns;

    SparkColumns(Class<R> type) {
        this.type = type;
        this.columns = RecordColumns.of(type);
    }

    private RecordColumns<R> columns() {
        RecordColumns<R> c = columns;
        if (c == null) {
            c = RecordColumns.of(type);
            columns = c;
        }
        return c;
    }

    /** The Spark schema: taskIndex, then the components. */
    StructType schema() {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField(RecordColumns.TASK_INDEX, DataTypes.LongType, false));
        for (RecordColumns.Column c : columns().columns()) {
            fields.add(DataTypes.createStructField(c.name(), sparkType(c), false));
        }
        return DataTypes.createStructType(fields);
    }

    private static DataType sparkType(RecordColumns.Column c) {
        return switch (c.type()) {
            case BOOLEAN -> DataTypes.BooleanType;
            case INT -> DataTypes.IntegerType;
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case STRING, ENUM -> DataTypes.StringType;
            case INT_ARRAY -> DataTypes.createArrayType(DataTypes.IntegerType, false);
            case LONG_ARRAY -> DataTypes.createArrayType(DataTypes.LongType, false);
            case DOUBLE_ARRAY -> DataTypes.createArrayType(DataTypes.DoubleType, false);
        };
    }

    /** The row of {@code record} at {@code taskIndex}. */
    Row toRow(long taskIndex, R record) {
        Object[] values = columns().values(record);
        Object[] row = new Object[values.length + 1];
        row[0] = taskIndex;
        System.arraycopy(values, 0, row, 1, values.length);
        return RowFactory.create(row);
    }

    /** The record of {@code row} (as {@link #toRow} wrote it). */
    R fromRow(Row row) {
        List<RecordColumns.Column> cols = columns().columns();
        Object[] values = new Object[cols.size()];
        for (int i = 0; i < values.length; i++) {
            int f = i + 1;
            values[i] = switch (cols.get(i).type()) {
                case BOOLEAN -> row.getBoolean(f);
                case INT -> row.getInt(f);
                case LONG -> row.getLong(f);
                case DOUBLE -> row.getDouble(f);
                case STRING, ENUM -> row.getString(f);
                case INT_ARRAY -> {
                    List<Integer> l = row.getList(f);
                    int[] a = new int[l.size()];
                    for (int k = 0; k < a.length; k++) {
                        a[k] = l.get(k);
                    }
                    yield a;
                }
                case LONG_ARRAY -> {
                    List<Long> l = row.getList(f);
                    long[] a = new long[l.size()];
                    for (int k = 0; k < a.length; k++) {
                        a[k] = l.get(k);
                    }
                    yield a;
                }
                case DOUBLE_ARRAY -> {
                    List<Double> l = row.getList(f);
                    double[] a = new double[l.size()];
                    for (int k = 0; k < a.length; k++) {
                        a[k] = l.get(k);
                    }
                    yield a;
                }
            };
        }
        return columns().create(values);
    }
}
