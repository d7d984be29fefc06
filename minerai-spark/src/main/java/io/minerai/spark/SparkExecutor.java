package io.minerai.spark;

import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.sweep.ExecutorSettings;
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
import java.util.Comparator;
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
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;

/**
 * Runs a sweep on Apache Spark. The tasks are written as Parquet ({@code tasks.parquet}: taskIndex and one column per
 * task component), evaluated partition by partition on the workers with the same kernel and the same (seed, task
 * index) streams as {@link io.minerai.sweep.InProcessExecutor}, and their results written as Parquet
 * ({@code results.parquet}); the driver reads them back in task-index order. Results are therefore bit-identical to
 * the in-process executor's.
 *
 * <p>Files go to {@code <workDirectory>/<sweep>-<seed>-<id>/} and are kept; without a work directory, to a temporary
 * local directory removed afterwards (only possible with a local master). On failure the run's directory is removed.
 */
public final class SparkExecutor implements SweepExecutor {
    /** Partitions per worker core: small enough to balance uneven tasks, few enough to keep overhead low. */
    private static final int PARTITIONS_PER_CORE = 4;

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
        SparkColumns<T> taskColumns = new SparkColumns<>(sweep.taskType());
        SparkColumns<R> resultColumns = new SparkColumns<>(kernel.resultType());
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
        String tasksPath = new Path(runDir, "tasks.parquet").toString();
        String resultsPath = new Path(runDir, "results.parquet").toString();
        LongAccumulator done = spark.sparkContext().longAccumulator("minerai-sweep-done");
        ProgressListener listener = new ProgressListener(done, n, progress);
        spark.sparkContext().addSparkListener(listener);
        boolean ok = false;
        try {
            writeTasks(sweep, taskColumns, tasksPath);
            StructType taskSchema = taskColumns.schema();
            JavaRDD<Row> evaluated = spark.read()
                    .schema(taskSchema)
                    .parquet(tasksPath)
                    .javaRDD()
                    .mapPartitions(new EvaluatePartition<>(kernel, sweep.seed(), taskColumns, resultColumns, done));
            spark.createDataFrame(evaluated, resultColumns.schema())
                    .write()
                    .mode(SaveMode.ErrorIfExists)
                    .parquet(resultsPath);
            List<Row> rows = new ArrayList<>(spark.read()
                    .schema(resultColumns.schema())
                    .parquet(resultsPath)
                    .collectAsList());
            rows.sort(Comparator.comparingLong(r -> r.getLong(0)));
            List<R> results = new ArrayList<>(n);
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).getLong(0) != i) {
                    throw new SweepFailedException(
                            sweep.name(), i, "Spark returned no result or several for this task", null);
                }
                results.add(resultColumns.fromRow(rows.get(i)));
            }
            if (results.size() != n) {
                throw new SweepFailedException(
                        sweep.name(),
                        results.size(),
                        "Spark returned " + results.size() + " of " + n + " results",
                        null);
            }
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
                delete(temp.isPresent() ? new Path(temp.get().toUri()) : runDir);
            }
        }
    }

    private <T extends Record> void writeTasks(Sweep<T> sweep, SparkColumns<T> columns, String path) {
        List<Row> rows = new ArrayList<>(sweep.size());
        for (int i = 0; i < sweep.size(); i++) {
            rows.add(columns.toRow(i, sweep.task(i)));
        }
        int cores = Math.max(1, spark.sparkContext().defaultParallelism());
        int partitions = Math.min(sweep.size(), cores * PARTITIONS_PER_CORE);
        JavaRDD<Row> rdd =
                JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, partitions);
        Dataset<Row> df = spark.createDataFrame(rdd, columns.schema());
        df.write().mode(SaveMode.ErrorIfExists).parquet(path);
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

    private void delete(Path dir) {
        try {
            FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
            fs.delete(dir, true);
        } catch (IOException | RuntimeException e) {
            System.err.println("minerai: could not remove " + dir + ": " + e.getMessage());
        }
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
