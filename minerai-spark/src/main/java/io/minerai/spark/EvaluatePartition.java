package io.minerai.spark;

import io.minerai.sweep.RecordColumns;
import io.minerai.sweep.SweepKernel;
import io.minerai.sweep.TaskContext;
import java.io.IOException;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.util.LongAccumulator;

/**
 * Evaluates one partition on a Spark worker, in one pass: reads the partition's tasks from
 * {@code tasks.parquet/part-NNNNN.parquet}, evaluates each with the kernel and a {@link TaskContext} of (seed, task
 * index) exactly as in-process, writes the results to {@code results.parquet/part-NNNNN.parquet} and returns them to
 * the driver (so the driver never reads the results back). A kernel failure is rethrown as {@link TaskFailure} naming
 * the index.
 *
 * <p>The result file is written under {@code _temporary/} with the attempt number and then renamed, so a retried or
 * speculative attempt never leaves a half-written part file; results are deterministic, so two attempts that both
 * finish write the same bytes.
 */
final class EvaluatePartition<T extends Record, R extends Record> implements Function<Integer, ParquetRows.Rows> {
    private static final long serialVersionUID = 1L;
    private final SweepKernel<T, R> kernel;
    private final long seed;
    private final ParquetRows<T> tasks;
    private final ParquetRows<R> results;
    private final String tasksDir;
    private final String resultsDir;
    private final RunFiles files;
    private final LongAccumulator done;

    EvaluatePartition(
            SweepKernel<T, R> kernel,
            long seed,
            ParquetRows<T> tasks,
            ParquetRows<R> results,
            String tasksDir,
            String resultsDir,
            RunFiles files,
            LongAccumulator done) {
        this.kernel = kernel;
        this.seed = seed;
        this.tasks = tasks;
        this.results = results;
        this.tasksDir = tasksDir;
        this.resultsDir = resultsDir;
        this.files = files;
        this.done = done;
    }

    /** The file name of partition {@code partition}'s tasks and results. */
    static String partFile(int partition) {
        return String.format(Locale.ROOT, "part-%05d.parquet", partition);
    }

    @Override
    public ParquetRows.Rows call(Integer partition) throws IOException {
        Configuration hadoop = files.configuration();
        ParquetRows.Rows in = tasks.read(files.input(RunFiles.child(tasksDir, partFile(partition))), hadoop);
        RecordColumns<T> taskColumns = tasks.columns();
        RecordColumns<R> resultColumns = results.columns();
        long[] index = in.taskIndex();
        Object[][] out = new Object[index.length][];
        for (int k = 0; k < index.length; k++) {
            R result;
            try {
                result = kernel.evaluate(
                        taskColumns.create(in.values()[k]), new TaskContext(seed, Math.toIntExact(index[k])));
            } catch (RuntimeException e) {
                throw new TaskFailure(index[k], e);
            }
            if (result == null) {
                throw new TaskFailure(index[k], new NullPointerException("the kernel returned null"));
            }
            out[k] = resultColumns.values(result);
            done.add(1);
        }
        int attempt = org.apache.spark.TaskContext.get() == null
                ? 0
                : org.apache.spark.TaskContext.get().attemptNumber();
        String target = RunFiles.child(resultsDir, partFile(partition));
        String temporary = RunFiles.child(
                RunFiles.child(resultsDir, SparkExecutor.TEMPORARY),
                String.format(Locale.ROOT, "part-%05d-attempt-%d.parquet", partition, attempt));
        results.write(files.output(temporary), hadoop, index, out);
        if (!files.rename(temporary, target)) {
            files.delete(temporary); // another attempt finished first; its file holds the same results
        }
        return new ParquetRows.Rows(index, out);
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
