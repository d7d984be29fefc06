package io.minerai.bench.planning;

import io.minerai.planning.PlanReader;
import io.minerai.planning.engine.MarketData;
import io.minerai.planning.history.PlanHistory;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.StrategyPlan;
import io.minerai.planning.montecarlo.MonteCarloResult;
import io.minerai.planning.montecarlo.PlanSimulation;
import io.minerai.planning.montecarlo.RunSettings;
import java.util.List;
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
 * The planning Monte Carlo of the bundled default plan (300 MW West Texas, 120 months): market paths (block bootstrap
 * of real BTC daily returns since 2018, correlated hashrate, fees, GPU price decline, tenant defaults, power months
 * resampled from real ERCOT HB_WEST days) and three strategies (stay mining; own GPU cloud with project finance;
 * colocation lease with project finance) with tax, debt service, a monthly DSCR covenant, NPV, IRR, payback and
 * dilution per path. One operation = one whole run of {@code paths} paths; results are identical for any thread count.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
public class PlanMonteCarloBench {
    @Param({"2500", "5000", "10000"})
    int paths;

    @Param({"1", "2"})
    int threads;

    private PlanSimulation simulation;
    private List<StrategyPlan> strategies;
    private RunSettings settings;

    @Setup
    public void setUp() {
        Plan plan = PlanReader.bundledDefault();
        MarketData data = PlanHistory.load(plan);
        simulation = new PlanSimulation(plan, data);
        strategies = List.of(
                plan.strategy("stay-mining").orElseThrow(),
                plan.strategy("gpu-cloud").orElseThrow(),
                plan.strategy("colocation").orElseThrow());
        settings = new RunSettings(threads, 256, false, 0.1);
    }

    @Benchmark
    public MonteCarloResult run() {
        return simulation.run(strategies, paths, settings, n -> {});
    }
}
