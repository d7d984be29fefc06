package io.minerai.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.sweep.ExecutorSettings;
import io.minerai.sweep.InProcessExecutor;
import io.minerai.sweep.Sweep;
import io.minerai.sweep.SweepExecutor;
import io.minerai.sweep.SweepExecutorContract;
import io.minerai.sweep.TestKernels;
import io.minerai.sweep.TestKernels.MixKernel;
import io.minerai.sweep.TestKernels.MixTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
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
    void aWorkDirectoryKeepsTasksAndResultsAsParquet(@TempDir Path dir) throws Exception {
        Sweep<MixTask> sweep = TestKernels.sweep("kept", 3, 10, 2);
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
        var reread =
                spark.session().read().parquet(run.resolve("results.parquet").toString());
        assertThat(reread.columns()).startsWith("taskIndex", "taskIndex0", "commonDraw", "value");
        assertThat(reread.count()).isEqualTo(10);
        assertThat(spark.session()
                        .read()
                        .parquet(run.resolve("tasks.parquet").toString())
                        .columns())
                .containsExactly("taskIndex", "id", "a", "b", "kind", "paths");
        assertThat(results.size()).isEqualTo(10);
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
