package io.minerai.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.sweep.TestKernels.MixKernel;
import io.minerai.sweep.TestKernels.MixResult;
import io.minerai.sweep.TestKernels.MixTask;
import io.minerai.sweep.TestKernels.Product;
import io.minerai.sweep.TestKernels.ProductKernel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SweepExecutor} must do: hand-computed results in task-index order, bit-identical results to the
 * sequential reference on random small sweeps, empty sweeps, a failing task named by its index, progress up to the
 * total. Each executor's test extends it.
 */
public abstract class SweepExecutorContract {
    /** The executor under test (it may be shared between calls; the kit never closes it). */
    protected abstract SweepExecutor executor();

    /** Random sweeps per property run (Spark jobs cost about a second each, in-process ones microseconds). */
    protected int maxTasks() {
        return 40;
    }

    @Test
    void handComputedProductsComeBackInTaskOrder() {
        List<MixTask> tasks = List.of(
                new MixTask(0, 2, 3, TestKernels.Kind.PLAIN, 0), // 2*3+2 = 8
                new MixTask(1, -1.5, 4, TestKernels.Kind.PLAIN, 0), // -6-1.5 = -7.5
                new MixTask(2, 0.5, 0.5, TestKernels.Kind.SHIFTED, 0), // 0.25+0.5 = 0.75
                new MixTask(3, 10, -0.1, TestKernels.Kind.PLAIN, 0)); // -1+10 = 9
        SweepResult<Product> r =
                executor().run(Sweep.of("hand", 1, MixTask.class, tasks), new ProductKernel(), SweepProgress.NONE);
        assertThat(r.results()).extracting(Product::value).containsExactly(8.0, -7.5, 0.75, 9.0);
        assertThat(r.sum(Product::value)).isEqualTo(10.25);
        assertThat(r.name()).isEqualTo("hand");
        assertThat(r.seed()).isEqualTo(1);
    }

    @Property(tries = 12)
    void randomSweepsAreBitIdenticalToTheSequentialReference(
            @ForAll long seed, @ForAll @IntRange(min = 0, max = 1000) int size, @ForAll @IntRange(max = 6) int paths) {
        Sweep<MixTask> sweep = TestKernels.sweep("prop", seed, size % (maxTasks() + 1), paths);
        MixKernel kernel = new MixKernel();
        List<MixResult> expected = TestKernels.sequential(sweep, kernel);
        SweepResult<MixResult> actual = executor().run(sweep, kernel, SweepProgress.NONE);
        assertThat(TestKernels.bits(actual.results())).containsExactlyElementsOf(TestKernels.bits(expected));
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i).taskIndex0()).isEqualTo(i);
        }
    }

    @Test
    void anEmptySweepGivesNoResults() {
        Sweep<MixTask> sweep = Sweep.of("empty", 3, MixTask.class, List.of());
        assertThat(executor().run(sweep, new MixKernel()).results()).isEmpty();
    }

    @Test
    void aFailingTaskIsNamedByItsIndex() {
        Sweep<MixTask> sweep = TestKernels.sweep("fails", 5, 12, 1);
        assertThatThrownBy(() -> executor().run(sweep, new TestKernels.FailingKernel(7)))
                .isInstanceOf(SweepFailedException.class)
                .hasMessageContaining("sweep 'fails' failed")
                .hasMessageContaining("synthetic failure of task 7")
                .satisfies(
                        e -> assertThat(((SweepFailedException) e).taskIndex()).isIn(7, -1));
    }

    @Test
    void progressIncreasesToTheTotal() {
        Sweep<MixTask> sweep = TestKernels.sweep("progress", 9, 25, 2);
        List<long[]> calls = new ArrayList<>();
        executor().run(sweep, new MixKernel(), (done, total) -> {
            synchronized (calls) {
                calls.add(new long[] {done, total});
            }
        });
        assertThat(calls).isNotEmpty();
        long last = 0;
        for (long[] c : calls) {
            assertThat(c[1]).isEqualTo(25);
            assertThat(c[0]).isGreaterThanOrEqualTo(last).isLessThanOrEqualTo(25);
            last = c[0];
        }
        assertThat(last).isEqualTo(25);
    }

    /** Settings for executors that take them; unused by the in-process kit. */
    protected static ExecutorSettings settings(Map<String, String> properties) {
        return ExecutorSettings.defaults().withProperties(properties);
    }
}
