package io.minerai.spark;

import io.minerai.sweep.RecordColumns;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.HadoopParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Task or result rows as Parquet files, written and read with Apache Parquet's own Hadoop writer and reader: column
 * {@code taskIndex} (int64), then one column per record component as Spark SQL writes it (required primitives; text
 * and enum names as UTF-8 strings; arrays as standard 3-level {@code LIST}s of required elements). Spark, pandas or
 * DuckDB read the files as a table. Values go straight from the record's primitive arrays to the column writers: no
 * row objects, no boxing of array elements.
 *
 * <p>Serializable: it travels to the workers with the partition function and rebuilds its reflective view there.
 *
 * @param <R> the record type
 */
final class ParquetRows<R extends Record> implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String LIST = "list";
    private static final String ELEMENT = "element";

    private final Class<R> type;
    private transient RecordColumns<R> columns;

    ParquetRows(Class<R> type) {
        this.type = type;
        this.columns = RecordColumns.of(type);
    }

    RecordColumns<R> columns() {
        RecordColumns<R> c = columns;
        if (c == null) {
            c = RecordColumns.of(type);
            columns = c;
        }
        return c;
    }

    /** The Parquet schema: taskIndex, then one column per component. */
    MessageType schema() {
        Types.MessageTypeBuilder b = Types.buildMessage();
        b.addField(Types.required(PrimitiveTypeName.INT64).named(RecordColumns.TASK_INDEX));
        for (RecordColumns.Column c : columns().columns()) {
            b.addField(column(c));
        }
        return b.named("minerai_sweep");
    }

    private static Type column(RecordColumns.Column c) {
        String n = c.name();
        return switch (c.type()) {
            case BOOLEAN -> Types.required(PrimitiveTypeName.BOOLEAN).named(n);
            case INT -> Types.required(PrimitiveTypeName.INT32).named(n);
            case LONG -> Types.required(PrimitiveTypeName.INT64).named(n);
            case DOUBLE -> Types.required(PrimitiveTypeName.DOUBLE).named(n);
            case STRING, ENUM ->
                Types.required(PrimitiveTypeName.BINARY)
                        .as(LogicalTypeAnnotation.stringType())
                        .named(n);
            case INT_ARRAY ->
                Types.requiredList().requiredElement(PrimitiveTypeName.INT32).named(n);
            case LONG_ARRAY ->
                Types.requiredList().requiredElement(PrimitiveTypeName.INT64).named(n);
            case DOUBLE_ARRAY ->
                Types.requiredList().requiredElement(PrimitiveTypeName.DOUBLE).named(n);
        };
    }

    /**
     * Writes {@code rows} to the new file {@code file} (replaced if it exists): row {@code k} is the record whose
     * component values are {@code values[k]} (as {@link RecordColumns#values} gives them) at {@code taskIndex[k]}.
     */
    void write(OutputFile file, Configuration conf, long[] taskIndex, Object[][] values) throws IOException {
        MessageType schema = schema();
        try (ParquetWriter<Integer> writer = new Builder(file, schema, taskIndex, values)
                .withConf(conf)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                // model outputs are rarely repeated: a dictionary would be built and thrown away for every page
                .withDictionaryEncoding(false)
                .build()) {
            for (int k = 0; k < taskIndex.length; k++) {
                writer.write(k);
            }
        }
    }

    /** The rows of {@code file} in file order: task indexes and component values (as {@link #write} took them). */
    Rows read(InputFile file, Configuration conf) throws IOException {
        List<RecordColumns.Column> cols = columns().columns();
        List<Long> indexes = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        try (ParquetReader<Group> reader = new GroupReader(file, conf).build()) {
            for (Group g = reader.read(); g != null; g = reader.read()) {
                indexes.add(g.getLong(RecordColumns.TASK_INDEX, 0));
                Object[] v = new Object[cols.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = value(g, cols.get(i));
                }
                rows.add(v);
            }
        }
        long[] index = new long[indexes.size()];
        for (int k = 0; k < index.length; k++) {
            index[k] = indexes.get(k);
        }
        return new Rows(index, rows.toArray(new Object[0][]));
    }

    private static Object value(Group g, RecordColumns.Column c) {
        String n = c.name();
        return switch (c.type()) {
            case BOOLEAN -> g.getBoolean(n, 0);
            case INT -> g.getInteger(n, 0);
            case LONG -> g.getLong(n, 0);
            case DOUBLE -> g.getDouble(n, 0);
            case STRING, ENUM -> g.getString(n, 0);
            case INT_ARRAY -> {
                Group list = g.getGroup(n, 0);
                int[] a = new int[list.getFieldRepetitionCount(LIST)];
                for (int k = 0; k < a.length; k++) {
                    a[k] = list.getGroup(LIST, k).getInteger(ELEMENT, 0);
                }
                yield a;
            }
            case LONG_ARRAY -> {
                Group list = g.getGroup(n, 0);
                long[] a = new long[list.getFieldRepetitionCount(LIST)];
                for (int k = 0; k < a.length; k++) {
                    a[k] = list.getGroup(LIST, k).getLong(ELEMENT, 0);
                }
                yield a;
            }
            case DOUBLE_ARRAY -> {
                Group list = g.getGroup(n, 0);
                double[] a = new double[list.getFieldRepetitionCount(LIST)];
                for (int k = 0; k < a.length; k++) {
                    a[k] = list.getGroup(LIST, k).getDouble(ELEMENT, 0);
                }
                yield a;
            }
        };
    }

    /**
     * Rows of one file or partition: {@code values[k]} holds the component values of the row at task index
     * {@code taskIndex[k]}. Serializable (a partition's results travel to the driver this way): primitives and
     * primitive arrays, strings for text and enum names.
     */
    record Rows(long[] taskIndex, Object[][] values) implements Serializable {}

    /** Parquet's reader builder for {@link Group}s of any file Parquet can open. */
    private static final class GroupReader extends ParquetReader.Builder<Group> {
        /** With {@code conf} from the start: the builder would otherwise load Hadoop's XML defaults each time. */
        GroupReader(InputFile file, Configuration conf) {
            super(file, new HadoopParquetConfiguration(conf));
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }

    /** Parquet's writer builder for rows given by their position in the arrays. */
    private static final class Builder extends ParquetWriter.Builder<Integer, Builder> {
        private final MessageType schema;
        private final long[] taskIndex;
        private final Object[][] values;

        Builder(OutputFile file, MessageType schema, long[] taskIndex, Object[][] values) {
            super(file);
            this.schema = schema;
            this.taskIndex = taskIndex;
            this.values = values;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Integer> getWriteSupport(Configuration conf) {
            return new RowWriteSupport(schema, taskIndex, values);
        }
    }

    /** Writes row {@code k} (an index into the arrays) field by field. */
    private static final class RowWriteSupport extends WriteSupport<Integer> {
        private final MessageType schema;
        private final long[] taskIndex;
        private final Object[][] values;
        private @org.jspecify.annotations.Nullable RecordConsumer out;

        RowWriteSupport(MessageType schema, long[] taskIndex, Object[][] values) {
            this.schema = schema;
            this.taskIndex = taskIndex;
            this.values = values;
        }

        @Override
        public WriteContext init(Configuration configuration) {
            return new WriteContext(schema, new HashMap<>());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.out = recordConsumer;
        }

        @Override
        public void write(Integer row) {
            RecordConsumer c = java.util.Objects.requireNonNull(out, "prepareForWrite was not called");
            int k = row;
            c.startMessage();
            c.startField(RecordColumns.TASK_INDEX, 0);
            c.addLong(taskIndex[k]);
            c.endField(RecordColumns.TASK_INDEX, 0);
            Object[] v = values[k];
            for (int i = 0; i < v.length; i++) {
                Type field = schema.getType(i + 1);
                String name = field.getName();
                c.startField(name, i + 1);
                switch (v[i]) {
                    case Boolean b -> c.addBoolean(b);
                    case Integer x -> c.addInteger(x);
                    case Long x -> c.addLong(x);
                    case Double x -> c.addDouble(x);
                    case String s -> c.addBinary(Binary.fromString(s));
                    case int[] a -> {
                        c.startGroup();
                        if (a.length > 0) {
                            c.startField(LIST, 0);
                            for (int x : a) {
                                c.startGroup();
                                c.startField(ELEMENT, 0);
                                c.addInteger(x);
                                c.endField(ELEMENT, 0);
                                c.endGroup();
                            }
                            c.endField(LIST, 0);
                        }
                        c.endGroup();
                    }
                    case long[] a -> {
                        c.startGroup();
                        if (a.length > 0) {
                            c.startField(LIST, 0);
                            for (long x : a) {
                                c.startGroup();
                                c.startField(ELEMENT, 0);
                                c.addLong(x);
                                c.endField(ELEMENT, 0);
                                c.endGroup();
                            }
                            c.endField(LIST, 0);
                        }
                        c.endGroup();
                    }
                    case double[] a -> {
                        c.startGroup();
                        if (a.length > 0) {
                            c.startField(LIST, 0);
                            for (double x : a) {
                                c.startGroup();
                                c.startField(ELEMENT, 0);
                                c.addDouble(x);
                                c.endField(ELEMENT, 0);
                                c.endGroup();
                            }
                            c.endField(LIST, 0);
                        }
                        c.endGroup();
                    }
                    default ->
                        throw new IllegalArgumentException(name + ": no Parquet column for a "
                                + v[i].getClass().getName());
                }
                c.endField(name, i + 1);
            }
            c.endMessage();
        }
    }
}
