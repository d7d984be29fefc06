package io.minerai.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.sweep.TestKernels.MixKernel;
import io.minerai.sweep.TestKernels.MixResult;
import io.minerai.sweep.TestKernels.MixTask;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The in-process executor on four threads passes the contract kit, and 1, 2 and 5 threads agree bit for bit. */
class InProcessExecutorTest extends SweepExecutorContract {
    private final SweepExecutor executor = new InProcessExecutor(4);

    @Override
    protected SweepExecutor executor() {
        return executor;
    }

    @Override
    protected int maxTasks() {
        return 300;
    }

    @Property(tries = 40)
    void oneTwoAndFiveThreadsGiveTheSameBits(
            @ForAll long seed, @ForAll @IntRange(max = 200) int size, @ForAll @IntRange(max = 8) int paths) {
        Sweep<MixTask> sweep = TestKernels.sweep("threads", seed, size, paths);
        MixKernel kernel = new MixKernel();
        var one = TestKernels.bits(new InProcessExecutor(1).run(sweep, kernel).results());
        var two = TestKernels.bits(new InProcessExecutor(2).run(sweep, kernel).results());
        var five = TestKernels.bits(new InProcessExecutor(5).run(sweep, kernel).results());
        assertThat(two).containsExactlyElementsOf(one);
        assertThat(five).containsExactlyElementsOf(one);
        assertThat(one).hasSize(size);
    }

    @Property(tries = 10)
    void aTasksResultDoesNotDependOnTheOtherTasks(@ForAll long seed, @ForAll @IntRange(min = 2, max = 30) int size) {
        Sweep<MixTask> sweep = TestKernels.sweep("subset", seed, size, 4);
        MixKernel kernel = new MixKernel();
        MixResult whole = new InProcessExecutor(2).run(sweep, kernel).get(size - 1);
        MixResult alone = kernel.evaluate(sweep.task(size - 1), new TaskContext(seed, size - 1));
        assertThat(TestKernels.bits(java.util.List.of(alone)))
                .containsExactlyElementsOf(TestKernels.bits(java.util.List.of(whole)));
    }
}
