package io.minerai.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.sweep.ExecutorSettings;
import io.minerai.sweep.InProcessExecutor;
import io.minerai.sweep.Sweep;
import io.minerai.sweep.SweepExecutor;
import io.minerai.sweep.SweepExecutorContract;
import io.minerai.sweep.TestKernels;
import io.minerai.sweep.TestKernels.Kind;
import io.minerai.sweep.TestKernels.MixKernel;
import io.minerai.sweep.TestKernels.MixResult;
import io.minerai.sweep.TestKernels.MixTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark in local mode (two worker threads, inside this JVM) passes the executor contract kit: bit-identical results to
 * the sequential reference on random small sweeps, hence to the in-process executor on any number of threads.
 */
class SparkExecutorTest extends SweepExecutorContract {
    /**
     * One session for the JVM (surefire forks one JVM per class), never stopped here: jqwik's properties run after
     * JUnit Jupiter's {@code @AfterAll}, so the JVM's exit ends it.
     */
    private static final SparkExecutor spark =
            SparkExecutor.create(ExecutorSettings.defaults().withMaster("local[2]"));

    @Override
    protected SweepExecutor executor() {
        return spark;
    }

    @Override
    protected int maxTasks() {
        return 40;
    }

    @Test
    void theServiceLoaderFindsIt() {
        assertThat(new SparkExecutorProvider().name()).isEqualTo("spark");
        assertThat(java.util.ServiceLoader.load(io.minerai.sweep.SweepExecutorProvider.class).stream()
                        .map(p -> p.get().name()))
                .contains("spark");
    }

    @Test
    void sparkAndOneAndTwoThreadsInProcessAgreeOnASweepOfAHundredTasks() {
        Sweep<MixTask> sweep = TestKernels.sweep("agree", 20261205L, 100, 8);
        var viaSpark = TestKernels.bits(spark.run(sweep, new MixKernel()).results());
        assertThat(viaSpark).hasSize(100);
        assertThat(TestKernels.bits(
                        new InProcessExecutor(1).run(sweep, new MixKernel()).results()))
                .containsExactlyElementsOf(viaSpark);
        assertThat(TestKernels.bits(
                        new InProcessExecutor(2).run(sweep, new MixKernel()).results()))
                .containsExactlyElementsOf(viaSpark);
    }

    @Test
    void aWorkDirectoryKeepsTasksAndResultsAsParquetThatSparkSqlReadsBackBitForBit(@TempDir Path dir) throws Exception {
        Sweep<MixTask> sweep = TestKernels.sweep("kept", 3, 23, 4);
        SparkExecutor kept = SparkExecutor.create(ExecutorSettings.defaults()
                .withMaster("local[2]")
                .withWorkDirectory(dir.toUri().toString()));
        var results = kept.run(sweep, new MixKernel());
        Path run;
        try (Stream<Path> s = Files.list(dir)) {
            run = s.filter(p -> p.getFileName().toString().startsWith("kept-3-"))
                    .findFirst()
                    .orElseThrow();
        }
        assertThat(run.resolve("tasks.parquet/_SUCCESS")).exists();
        assertThat(run.resolve("results.parquet/_SUCCESS")).exists();
        assertThat(run.resolve("results.parquet/_temporary")).doesNotExist();

        // Spark SQL's own Parquet reader, not the executor's: the files hold every task and every result bit
        var tasks = spark.session()
                .read()
                .parquet(run.resolve("tasks.parquet").toString())
                .orderBy("taskIndex")
                .collectAsList();
        assertThat(tasks).hasSize(23);
        for (int i = 0; i < tasks.size(); i++) {
            Row r = tasks.get(i);
            assertThat(r.getLong(0)).isEqualTo(i);
            assertThat(new MixTask(
                            r.getInt(1), r.getDouble(2), r.getDouble(3), Kind.valueOf(r.getString(4)), r.getInt(5)))
                    .isEqualTo(sweep.task(i));
        }
        var reread =
                spark.session().read().parquet(run.resolve("results.parquet").toString());
        assertThat(reread.columns())
                .containsExactly(
                        "taskIndex",
                        "taskIndex0",
                        "commonDraw",
                        "value",
                        "shifted",
                        "label",
                        "kind",
                        "picks",
                        "longs",
                        "samples");
        List<MixResult> fromFiles = new ArrayList<>();
        List<Row> rows = reread.orderBy("taskIndex").collectAsList();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            assertThat(r.getLong(0)).isEqualTo(i);
            fromFiles.add(new MixResult(
                    r.getInt(1),
                    r.getLong(2),
                    r.getDouble(3),
                    r.getBoolean(4),
                    r.getString(5),
                    Kind.valueOf(r.getString(6)),
                    r.<Integer>getList(7).stream().mapToInt(Integer::intValue).toArray(),
                    r.<Long>getList(8).stream().mapToLong(Long::longValue).toArray(),
                    r.<Double>getList(9).stream()
                            .mapToDouble(Double::doubleValue)
                            .toArray()));
        }
        assertThat(TestKernels.bits(fromFiles))
                .hasSize(23)
                .containsExactlyElementsOf(TestKernels.bits(results.results()));
    }

    /** Task 0 fails at once; every other task takes a while, so the other worker is still busy when the job fails. */
    record FailFirstSlowOthers() implements io.minerai.sweep.SweepKernel<MixTask, TestKernels.Product> {
        @Override
        public Class<TestKernels.Product> resultType() {
            return TestKernels.Product.class;
        }

        @Override
        public TestKernels.Product evaluate(MixTask task, io.minerai.sweep.TaskContext context) {
            if (context.taskIndex() == 0) {
                throw new IllegalStateException("synthetic failure");
            }
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new TestKernels.Product(task.a());
        }
    }

    @Test
    void aTaskStillRunningWhenTheSweepFailsDoesNotBringItsRunDirectoryBack(@TempDir Path dir) throws Exception {
        Sweep<MixTask> sweep = TestKernels.sweep("late", 3, 16, 2);
        SparkExecutor ex = SparkExecutor.create(ExecutorSettings.defaults()
                .withMaster("local[2]")
                .withWorkDirectory(dir.toUri().toString()));
        assertThatThrownBy(() -> ex.run(sweep, new FailFirstSlowOthers())).hasMessageContaining("at task 0");
        Thread.sleep(1500); // the other worker's task ends (Spark does not interrupt it) and tries to write
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void aFailedSweepLeavesNoFilesInItsWorkDirectory(@TempDir Path dir) throws Exception {
        Sweep<MixTask> sweep = TestKernels.sweep("broken", 3, 10, 2);
        SparkExecutor ex = SparkExecutor.create(ExecutorSettings.defaults()
                .withMaster("local[2]")
                .withWorkDirectory(dir.toUri().toString()));
        assertThatThrownBy(() -> ex.run(sweep, new TestKernels.FailingKernel(4)))
                .hasMessageContaining("at task 4");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s).isEmpty();
        }
    }
}
