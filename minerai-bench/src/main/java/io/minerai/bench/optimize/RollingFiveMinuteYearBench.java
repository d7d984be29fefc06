package io.minerai.bench.optimize;

import io.minerai.core.scenario.OptimizeSettings;
import io.minerai.optimize.Formulation;
import io.minerai.optimize.OptimizationProblem;
import io.minerai.optimize.Optimizer;
import io.minerai.optimize.RollingHorizon;
import io.minerai.solver.SolveOptions;
import io.minerai.solver.Solvers;
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
 * Issue 11's target: a 5-minute year (2024, 105,408 intervals) of the default site with energy and four reserve
 * products (RRS, ECRS, NSPIN, REGUP) co-optimised by rolling horizon (day-ahead forecast, 48 h window, 24 h commit: 732
 * solves) in under 10 s, settlement included. Prices are SYNTHETIC ({@link SyntheticYear}); 4CP peaks come from the
 * bundled 2024 fuel mix. {@code limits=true} adds per-product limits (a share, a MW cap, an excluded fleet) that need a
 * column per product and load instead of the exact one-column reduction.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class RollingFiveMinuteYearBench {
    @Param({"false", "true"})
    boolean limits;

    @Param({"glop"})
    String backend = "glop";

    private OptimizationProblem problem;
    private Optimizer optimizer;

    @Setup
    public void setUp() {
        problem = OptimizeBench.fiveMinuteYear(backend, limits);
        optimizer = new Optimizer(
                Solvers.byName(backend), SolveOptions.DEFAULT.withTimeLimit(Duration.ofMinutes(5)), Formulation.full());
    }

    @Benchmark
    public double rollingYear() {
        return new RollingHorizon(optimizer)
                .run(problem, OptimizeSettings.ForecastMode.DAY_AHEAD)
                .netUsd();
    }
}
