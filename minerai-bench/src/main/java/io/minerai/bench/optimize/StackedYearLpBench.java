package io.minerai.bench.optimize;

import io.minerai.core.scenario.DefaultScenario;
import io.minerai.core.scenario.OptimizeSettings;
import io.minerai.core.scenario.Scenario;
import io.minerai.core.time.TimeGrid;
import io.minerai.optimize.Formulation;
import io.minerai.optimize.ModelData;
import io.minerai.optimize.OptimizationProblem;
import io.minerai.optimize.Optimizer;
import io.minerai.optimize.SiteTerms;
import io.minerai.solver.LpModel;
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
 * The default site's hourly year (8,784 intervals) on the real bundled 2024 data with 4CP and ancillary offers, as one
 * stacked LP: {@code buildSolve} is model build, hand-over to the backend and solve (inputs prepared once);
 * {@code buildSolveSettle} adds the preparation of the inputs and the settlement of the dispatch. The bench command {@link
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
    private ModelData data;
    private SiteTerms terms;

    @Setup
    public void setUp() {
        Scenario s = DefaultScenario.loadBaseline();
        TimeGrid grid = s.period().grid();
        var in = OptimizeBench.inputs(s, grid).inputs();
        problem = OptimizeBench.problem(s, in, OptimizeSettings.DEFAULT);
        optimizer = new Optimizer(
                Solvers.byName(backend), SolveOptions.DEFAULT.withTimeLimit(Duration.ofMinutes(5)), Formulation.full());
        data = problem.actualData();
        terms = problem.siteTerms();
    }

    /** The LP alone (issue 11 target: under 0.15 s): formulation steps into our model, hand-over and solve. */
    @Benchmark
    public double buildSolve() {
        LpModel m = optimizer.formulation().build(data, terms).model();
        return optimizer
                .solver()
                .solve(m, optimizer.options())
                .solution()
                .orElseThrow()
                .objectiveValue();
    }

    @Benchmark
    public double buildSolveSettle() {
        return optimizer.perfectForesight(problem).netUsd();
    }
}
