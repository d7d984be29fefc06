package io.minerai.spark;

import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.sweep.ExecutorSettings;
import io.minerai.sweep.RecordColumns;
import io.minerai.sweep.Sweep;
import io.minerai.sweep.SweepExecutor;
import io.minerai.sweep.SweepFailedException;
import io.minerai.sweep.SweepKernel;
import io.minerai.sweep.SweepProgress;
import io.minerai.sweep.SweepResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

/**
 * Runs a sweep on Apache Spark in one Spark job. The driver writes the tasks as Parquet ({@code tasks.parquet/}, one
 * file per partition: taskIndex and one column per task component); each Spark task reads its partition's file,
 * evaluates it with the same kernel and the same (seed, task index) streams as {@link io.minerai.sweep.InProcessExecutor},
 * writes the per-task results as Parquet ({@code results.parquet/}) and returns them to the driver, which puts them
 * in task-index order. Results are therefore bit-identical to the in-process executor's.
 *
 * <p>Files go to {@code <workDirectory>/<sweep>-<seed>-<id>/} and are kept; without a work directory, to a temporary
 * local directory removed afterwards (only possible with a local master). On failure the run's directory is removed.
 */
public final class SparkExecutor implements SweepExecutor {
    /** Partitions per worker core: small enough to balance uneven tasks, few enough to keep overhead low. */
    private static final int PARTITIONS_PER_CORE = 4;

    /** Where workers write a result file before renaming it into place. */
    static final String TEMPORARY = "_temporary";

    private static final Pattern FAILED_TASK = Pattern.compile(EvaluatePartition.TaskFailure.MARKER + "(\\d+) failed");

    private final SparkSession spark;
    private final SparkMaster master;
    private final Optional<String> workDirectory;
    private final boolean ownsSession;

    private SparkExecutor(SparkSession spark, SparkMaster master, Optional<String> workDirectory, boolean ownsSession) {
        this.spark = spark;
        this.master = master;
        this.workDirectory = workDirectory;
        this.ownsSession = ownsSession;
    }

    /**
     * Starts (or joins, under {@code spark-submit}) a Spark session.
     *
     * @throws ValidationException at {@code --spark-master} if the master URL is malformed or cannot be reached within
     *     the connect timeout, at {@code --spark-work-dir} if a cluster master has no shared work directory; nothing is
     *     written then
     */
    public static SparkExecutor create(ExecutorSettings settings) {
        String url = settings.master()
                .or(() -> Optional.ofNullable(System.getProperty("spark.master")))
                .orElse(settings.threads() > 0 ? "local[" + settings.threads() + "]" : "local[*]");
        SparkMaster master = SparkMaster.check(url, settings.connectTimeout());
        if (!master.local() && settings.workDirectory().isEmpty()) {
            throw new ValidationException(
                    "Spark executor",
                    new Problem(
                            "--spark-work-dir",
                            "is required with the cluster master " + url
                                    + ": a directory every worker can read and write, e.g. hdfs:///tmp/minerai"));
        }
        SparkSession.Builder builder = SparkSession.builder()
                .appName("minerai-sweep")
                .master(master.url())
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "8");
        if (master.local()) {
            builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        String jars = System.getProperty("minerai.spark.jars", "");
        if (!master.local() && !jars.isBlank()) {
            builder.config("spark.jars", jars);
        }
        for (Map.Entry<String, String> e : settings.properties().entrySet()) {
            builder.config(e.getKey(), e.getValue());
        }
        boolean existing = SparkSession.getDefaultSession().isDefined();
        SparkSession session = master.local() ? startLocal(builder, url) : startRemote(builder, url, settings);
        return new SparkExecutor(session, master, settings.workDirectory(), !existing);
    }

    private static SparkSession startLocal(SparkSession.Builder builder, String url) {
        try {
            return builder.getOrCreate();
        } catch (RuntimeException e) {
            throw new ValidationException(
                    "Spark executor",
                    new Problem(
                            SparkMaster.OPTION, "could not start a Spark session on " + url + ": " + e.getMessage()));
        }
    }

    /**
     * Starts a session on a cluster master, waiting at most the connect timeout: something may accept TCP connections
     * on the master's port without being a Spark master that accepts the application (Spark itself would wait about a
     * minute). On timeout the starting thread is interrupted and a session that still comes up later is stopped.
     */
    private static SparkSession startRemote(SparkSession.Builder builder, String url, ExecutorSettings settings) {
        CompletableFuture<SparkSession> started = new CompletableFuture<>();
        AtomicBoolean abandoned = new AtomicBoolean();
        Thread starter = new Thread(
                () -> {
                    try {
                        SparkSession s = builder.getOrCreate();
                        if (abandoned.get()) {
                            s.stop();
                        }
                        started.complete(s);
                    } catch (Throwable e) { // Spark's failures include checked exceptions thrown from Scala
                        started.completeExceptionally(e);
                    }
                },
                "minerai-spark-start");
        starter.setDaemon(true);
        starter.start();
        long millis = settings.connectTimeout().toMillis();
        try {
            return started.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandoned.set(true);
            starter.interrupt();
            throw new ValidationException(
                    "Spark executor",
                    new Problem(
                            SparkMaster.OPTION,
                            String.format(
                                    Locale.ROOT,
                                    "'%s' accepted a connection but no Spark master took the application within"
                                            + " %.1f s; check the URL (the master's RPC port, 7077 by default) and"
                                            + " that it is running, nothing was written",
                                    url,
                                    millis / 1000.0)));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ValidationException(
                    "Spark executor",
                    new Problem(
                            SparkMaster.OPTION,
                            "could not start a Spark session on " + url + ": " + cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandoned.set(true);
            starter.interrupt();
            throw new IllegalStateException("interrupted while starting Spark", e);
        }
    }

    /** The session (for tests and benchmarks). */
    public SparkSession session() {
        return spark;
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public <T extends Record, R extends Record> SweepResult<R> run(
            Sweep<T> sweep, SweepKernel<T, R> kernel, SweepProgress progress) {
        int n = sweep.size();
        if (n == 0) {
            progress.update(0, 0);
            return new SweepResult<>(sweep.name(), sweep.seed(), List.of());
        }
        ParquetRows<T> taskRows = new ParquetRows<>(sweep.taskType());
        ParquetRows<R> resultRows = new ParquetRows<>(kernel.resultType());
        Optional<java.nio.file.Path> temp = Optional.empty();
        String base;
        if (workDirectory.isPresent()) {
            base = workDirectory.get();
        } else {
            try {
                temp = Optional.of(Files.createTempDirectory("minerai-sweep-"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temporary directory for the sweep", e);
            }
            base = temp.get().toUri().toString();
        }
        Path runDir = new Path(
                base,
                sweep.name() + "-" + sweep.seed() + "-"
                        + UUID.randomUUID().toString().substring(0, 8));
        String tasksDir = RunFiles.child(runDir.toString(), "tasks.parquet");
        String resultsDir = RunFiles.child(runDir.toString(), "results.parquet");
        int partitions = partitions(n);
        LongAccumulator done = spark.sparkContext().longAccumulator("minerai-sweep-done");
        ProgressListener listener = new ProgressListener(done, n, progress);
        spark.sparkContext().addSparkListener(listener);
        RunFiles files = RunFiles.of(base, spark.sparkContext().hadoopConfiguration());
        boolean ok = false;
        try {
            writeTasks(sweep, taskRows, tasksDir, partitions, files);
            files.mkdirs(RunFiles.child(resultsDir, TEMPORARY));
            List<Integer> parts = new ArrayList<>(partitions);
            for (int p = 0; p < partitions; p++) {
                parts.add(p);
            }
            List<ParquetRows.Rows> evaluated = JavaSparkContext.fromSparkContext(spark.sparkContext())
                    .parallelize(parts, partitions)
                    .map(new EvaluatePartition<>(
                            kernel, sweep.seed(), taskRows, resultRows, tasksDir, resultsDir, files, done))
                    .collect();
            List<R> results = collect(sweep, resultRows, evaluated);
            finish(tasksDir, files);
            finish(resultsDir, files);
            listener.finish();
            ok = true;
            return new SweepResult<>(sweep.name(), sweep.seed(), results);
        } catch (SweepFailedException e) {
            throw e;
        } catch (Exception e) { // Spark's job failures are checked SparkExceptions thrown from Scala
            throw failure(sweep, e);
        } finally {
            spark.sparkContext().removeSparkListener(listener);
            if (!ok || temp.isPresent()) {
                delete(files, temp.isPresent() ? temp.get().toUri().toString() : runDir.toString());
            }
        }
    }

    /**
     * Spark tasks for {@code n} sweep tasks: {@value #PARTITIONS_PER_CORE} per core (the balance of uneven tasks and a
     * moving progress bar against a small cost per partition: one Parquet file each way), never more than the tasks.
     */
    private int partitions(int n) {
        int cores = Math.max(1, spark.sparkContext().defaultParallelism());
        return Math.min(n, cores * PARTITIONS_PER_CORE);
    }

    /** The sweep's results in task-index order, checking that Spark returned exactly one for every task. */
    private static <R extends Record> List<R> collect(
            Sweep<?> sweep, ParquetRows<R> rows, List<ParquetRows.Rows> evaluated) {
        int n = sweep.size();
        Object[][] byIndex = new Object[n][];
        for (ParquetRows.Rows part : evaluated) {
            for (int k = 0; k < part.taskIndex().length; k++) {
                long index = part.taskIndex()[k];
                if (index < 0 || index >= n || byIndex[(int) index] != null) {
                    throw new SweepFailedException(
                            sweep.name(),
                            (int) Math.max(0, Math.min(index, n - 1L)),
                            "Spark returned a result for task " + index + " twice or out of range",
                            null);
                }
                byIndex[(int) index] = part.values()[k];
            }
        }
        List<R> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Object[] values = byIndex[i];
            if (values == null) {
                throw new SweepFailedException(sweep.name(), i, "Spark returned no result for this task", null);
            }
            results.add(rows.columns().create(values));
        }
        return results;
    }

    /**
     * Writes the tasks as Parquet, one file per Spark partition ({@code part-NNNNN.parquet}, consecutive task
     * indexes), on the driver: the tasks are small and this needs no Spark job.
     */
    private static <T extends Record> void writeTasks(
            Sweep<T> sweep, ParquetRows<T> rows, String dir, int partitions, RunFiles files) throws IOException {
        int n = sweep.size();
        RecordColumns<T> columns = rows.columns();
        if (files.exists(dir)) {
            throw new IOException(dir + " already exists");
        }
        files.mkdirs(dir);
        for (int p = 0; p < partitions; p++) {
            int from = (int) ((long) n * p / partitions);
            int to = (int) ((long) n * (p + 1) / partitions);
            long[] index = new long[to - from];
            Object[][] values = new Object[to - from][];
            for (int i = from; i < to; i++) {
                index[i - from] = i;
                values[i - from] = columns.values(sweep.task(i));
            }
            rows.write(
                    files.output(RunFiles.child(dir, EvaluatePartition.partFile(p))),
                    files.configuration(),
                    index,
                    values);
        }
    }

    /** Marks a complete Parquet directory as Spark's writer does: no {@code _temporary}, an empty {@code _SUCCESS}. */
    private static void finish(String dir, RunFiles files) throws IOException {
        files.delete(RunFiles.child(dir, TEMPORARY));
        files.touch(RunFiles.child(dir, "_SUCCESS"));
    }

    private static SweepFailedException failure(Sweep<?> sweep, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null) {
                Matcher m = FAILED_TASK.matcher(message);
                if (m.find()) {
                    int index = Integer.parseInt(m.group(1));
                    int start = message.indexOf(EvaluatePartition.TaskFailure.MARKER);
                    String line = message.substring(start).lines().findFirst().orElse(message);
                    return new SweepFailedException(sweep.name(), index, line, e);
                }
            }
        }
        return new SweepFailedException(sweep.name(), -1, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }

    /**
     * Removes a run directory. After a failed job, tasks of the job that were still running may be writing into it
     * for a moment; workers never create folders, so once the directory is gone it stays gone: retried briefly until
     * it is.
     */
    private static void delete(RunFiles files, String dir) {
        Exception last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                files.delete(dir);
                if (!files.exists(dir)) {
                    return;
                }
            } catch (IOException | RuntimeException e) {
                last = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        System.err.println("minerai: could not remove " + dir + (last == null ? "" : ": " + last.getMessage()));
    }

    /** Stops the Spark session if this executor started it (not one that spark-submit or a caller started). */
    @Override
    public void close() {
        if (ownsSession) {
            spark.stop();
        }
    }

    @Override
    public String toString() {
        return "SparkExecutor[" + master.url() + "]";
    }

    /** Reports the tasks counted by the accumulator as Spark tasks end; one call at a time, never decreasing. */
    private static final class ProgressListener extends SparkListener {
        private final LongAccumulator done;
        private final long total;
        private final SweepProgress progress;
        private long reported = -1;

        ProgressListener(LongAccumulator done, long total, SweepProgress progress) {
            this.done = done;
            this.total = total;
            this.progress = progress;
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
            report(Math.min(total, done.value()));
        }

        void finish() {
            report(total);
        }

        private synchronized void report(long value) {
            if (value > reported) {
                reported = value;
                progress.update(value, total);
            }
        }
    }
}
