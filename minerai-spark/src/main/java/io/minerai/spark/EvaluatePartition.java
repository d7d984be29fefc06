package io.minerai.spark;

import io.minerai.sweep.SweepKernel;
import io.minerai.sweep.TaskContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;

/**
 * Evaluates the tasks of one partition on a Spark worker: each row's task with the kernel and a {@link TaskContext}
 * of (seed, task index), exactly as in-process. A kernel failure is rethrown as {@link TaskFailure} naming the index.
 */
final class EvaluatePartition<T extends Record, R extends Record> implements FlatMapFunction<Iterator<Row>, Row> {
    private static final long serialVersionUID = 1L;
    private final SweepKernel<T, R> kernel;
    private final long seed;
    private final SparkColumns<T> tasks;
    private final SparkColumns<R> results;
    private final LongAccumulator done;

    EvaluatePartition(
            SweepKernel<T, R> kernel, long seed, SparkColumns<T> tasks, SparkColumns<R> results, LongAccumulator done) {
        this.kernel = kernel;
        this.seed = seed;
        this.tasks = tasks;
        this.results = results;
        this.done = done;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        List<Row> out = new ArrayList<>();
        while (rows.hasNext()) {
            Row row = rows.next();
            long index = row.getLong(0);
            R result;
            try {
                result = kernel.evaluate(tasks.fromRow(row), new TaskContext(seed, Math.toIntExact(index)));
            } catch (RuntimeException e) {
                throw new TaskFailure(index, e);
            }
            if (result == null) {
                throw new TaskFailure(index, new NullPointerException("the kernel returned null"));
            }
            out.add(results.toRow(index, result));
            done.add(1);
        }
        return out.iterator();
    }

    /** A task's kernel threw; the message carries the index so the driver can name it. */
    static final class TaskFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final String MARKER = "minerai-sweep task ";

        TaskFailure(long index, Throwable cause) {
            super(MARKER + index + " failed: " + cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        }
    }
}
