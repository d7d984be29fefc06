package io.minerai.bench.optimize;

import io.minerai.core.scenario.DefaultScenario;
import io.minerai.core.scenario.OptimizeSettings;
import io.minerai.core.scenario.Scenario;
import io.minerai.core.time.TimeGrid;
import io.minerai.optimize.Formulation;
import io.minerai.optimize.OptimizationProblem;
import io.minerai.optimize.Optimizer;
import io.minerai.optimize.PeakResolver;
import io.minerai.solver.SolveOptions;
import io.minerai.solver.Solvers;
import java.nio.file.Path;
import java.time.Duration;
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
 * The default site's hourly year (8,784 intervals) on the real bundled 2024 data with 4CP and ancillary offers, as one
 * stacked LP: model build, hand-over to the backend, solve and settlement per operation. The bench command {@link
 * OptimizeBench} splits the same figure into its parts and measures memory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class StackedYearLpBench {
    @Param({"glop", "highs_lp"})
    String backend = "glop";

    private Optimizer optimizer;
    private OptimizationProblem problem;

    @Setup
    public void setUp() {
        Scenario s = DefaultScenario.load();
        TimeGrid grid = s.period().grid();
        var in = OptimizeBench.inputs(s, grid).inputs();
        problem = new OptimizationProblem(
                s.site(),
                in,
                s.markets(),
                OptimizeSettings.DEFAULT,
                PeakResolver.resolve(s.markets(), grid, Path.of(".")));
        optimizer = new Optimizer(
                Solvers.byName(backend), SolveOptions.DEFAULT.withTimeLimit(Duration.ofMinutes(5)), Formulation.full());
    }

    @Benchmark
    public double buildSolveSettle() {
        return optimizer.perfectForesight(problem).netUsd();
    }
}
