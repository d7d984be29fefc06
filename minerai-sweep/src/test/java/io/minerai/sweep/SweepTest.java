package io.minerai.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.core.validation.ValidationException;
import io.minerai.sweep.TestKernels.MixTask;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepTest {
    record Other(int id) {}

    @Test
    void aBadNameIsReported() {
        assertThatThrownBy(() -> Sweep.of("a b/c", 1, MixTask.class, List.of()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("sweep.name: must be 1-100 letters");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aTaskOfAnotherClassIsReportedWithItsIndex() {
        List tasks = List.of(new MixTask(0, 1, 1, TestKernels.Kind.PLAIN, 0), new Other(1));
        assertThatThrownBy(() -> Sweep.of("mixed", 1, MixTask.class, tasks))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("sweep.tasks[1]: must be a MixTask, was a Other");
    }

    @Test
    void anUnknownExecutorIsABadOptionAndSparkSaysHowToGetIt() {
        assertThatThrownBy(() -> SweepExecutors.create("dask", ExecutorSettings.defaults()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("--executor: no executor named 'dask': known executors: local");
        assertThatThrownBy(() -> SweepExecutors.create("spark", ExecutorSettings.defaults()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("--executor spark");
        try (SweepExecutor local =
                SweepExecutors.create("local", ExecutorSettings.defaults().withThreads(3))) {
            assertThat(local).isInstanceOf(InProcessExecutor.class);
            assertThat(((InProcessExecutor) local).threads()).isEqualTo(3);
        }
    }

    @Test
    void negativeThreadsAreRefused() {
        assertThatThrownBy(() -> ExecutorSettings.defaults().withThreads(-1))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("threads: must be >= 0");
    }
}
