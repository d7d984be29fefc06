package io.minerai.bench.planning;

import io.minerai.planning.PlanReader;
import io.minerai.planning.engine.MarketBlock;
import io.minerai.planning.engine.MarketData;
import io.minerai.planning.engine.MarketModel;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 12 point 6: the planning Monte Carlo of 10,000 paths x 120 months x 3 strategies with financing (the bundled
 * plan's stay-mining, gpu-cloud and colocation; see {@link PlanMonteCarloBench}) on ONE thread, and, to show where
 * the floor is, the same run's market paths alone (block bootstrap of real BTC returns, hashrate, fees, GPU decline,
 * defaults and power-month draws: StrictMath exp/log and the per-path generators, which the engine's bit-for-bit
 * reproducibility needs). The strategies' share is {@code run} minus {@code marketPathsOnly}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
public class PlanMonteCarloOneThreadBench {
    private static final int PATHS = 10_000;
    private static final int BLOCK = 256;

    private PlanSimulation simulation;
    private List<StrategyPlan> strategies;
    private RunSettings settings;
    private MarketModel market;
    private MarketBlock block;

    @Setup
    public void setUp() {
        Plan plan = PlanReader.bundledDefault();
        MarketData data = PlanHistory.load(plan);
        simulation = new PlanSimulation(plan, data);
        strategies = List.of(
                plan.strategy("stay-mining").orElseThrow(),
                plan.strategy("gpu-cloud").orElseThrow(),
                plan.strategy("colocation").orElseThrow());
        settings = new RunSettings(1, BLOCK, false, 0.1);
        market = simulation.market();
        block = new MarketBlock(
                BLOCK,
                simulation.grid().months(),
                plan.leases().size(),
                plan.contracts().size());
    }

    /** The whole run: market paths, three strategies, summaries. */
    @Benchmark
    public MonteCarloResult run() {
        return simulation.run(strategies, PATHS, settings, n -> {});
    }

    /** The market paths of the same run alone. */
    @Benchmark
    public MarketBlock marketPathsOnly() {
        for (int first = 0; first < PATHS; first += BLOCK) {
            market.fill(block, first, Math.min(BLOCK, PATHS - first));
        }
        return block;
    }
}
