package io.minerai.bench.sweep;

import io.minerai.sweep.InProcessExecutor;
import io.minerai.sweep.Sweep;
import io.minerai.sweep.SweepResult;
import io.minerai.sweep.TaskContext;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-process executor on the 2,000-task planning sweep ({@link PlanBlockKernel}: 50 paths x 3 strategies x 120
 * months per task, 300,000 path-strategy evaluations per operation). One operation = the whole sweep; evaluations per
 * core-second = 300,000 / (seconds per op x threads); scaling efficiency = t(1) / (2 t(2)).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 7)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
public class SweepBench {
    @Param({"1", "2"})
    int threads;

    @Param({"2000"})
    int tasks;

    @Param({"50"})
    int pathsPerTask;

    private Sweep<PlanBlock> sweep;
    private PlanBlockKernel kernel;

    @Setup
    public void setUp() {
        sweep = PlanSweeps.blocks(tasks, pathsPerTask);
        kernel = PlanBlockKernel.threeStrategies();
        kernel.evaluate(sweep.task(0), new TaskContext(sweep.seed(), 0)); // compiles the plan once
    }

    @Benchmark
    public SweepResult<PlanBlockNpv> inProcess() {
        return new InProcessExecutor(threads).run(sweep, kernel);
    }
}
