package io.minerai.bench.sustainability;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.DefaultScenario;
import io.minerai.core.scenario.Scenario;
import io.minerai.core.scenario.SustainabilitySettings;
import io.minerai.core.time.TimeGrid;
import io.minerai.data.resolve.InputResolver;
import io.minerai.dispatch.Backtest;
import io.minerai.dispatch.DispatchResult;
import io.minerai.sustainability.ErcotFuelMixData;
import io.minerai.sustainability.FuelFactorSet;
import io.minerai.sustainability.FuelMix;
import io.minerai.sustainability.GridFactors;
import io.minerai.sustainability.GridIntensity;
import io.minerai.sustainability.SustainabilityAnalysis;
import io.minerai.sustainability.SustainabilityExport;
import io.minerai.sustainability.SustainabilityResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * The sustainability work of one year: grid factors for 2024 from the bundled 15-minute fuel mix (70,176 quarter hours
 * of 2023-2024 scanned) on an hourly or 15-minute run grid, and the whole analysis (Scope 2 both ways, renewable
 * share, flexibility, monthly mix) of the default 2024 backtest (real data, hourly), plus its interval CSV.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Djava.awt.headless=true"})
public class SustainabilityBench {
    @Param({"60", "15"})
    int stepMinutes;

    @SuppressWarnings("NullAway.Init")
    FuelMix mix;

    @SuppressWarnings("NullAway.Init")
    TimeGrid grid;

    @SuppressWarnings("NullAway.Init")
    Scenario scenario;

    @SuppressWarnings("NullAway.Init")
    DispatchResult result;

    @SuppressWarnings("NullAway.Init")
    GridFactors factors;

    @SuppressWarnings("NullAway.Init")
    SustainabilityResult analysed;

    @Setup
    public void setUp() {
        mix = ErcotFuelMixData.bundled();
        grid = TimeGrid.between(
                Instant.parse("2024-01-01T06:00:00Z"),
                Instant.parse("2025-01-01T06:00:00Z"),
                Duration.ofMinutes(stepMinutes));
        scenario = DefaultScenario.loadBaseline();
        ScenarioInputs inputs = InputResolver.resolve(scenario, Path.of("."));
        result = Backtest.meritOrder(scenario.site(), inputs);
        factors = GridIntensity.of(
                mix, FuelFactorSet.COMBUSTION_EPA_EIA, result.ledger().grid(), "bench");
        analysed = SustainabilityAnalysis.run(scenario.site(), result, factors, SustainabilitySettings.DEFAULT);
    }

    /** Grid factors, shares and system load of 2024 on the run grid. */
    @Benchmark
    public GridFactors gridFactors2024() {
        return GridIntensity.of(mix, FuelFactorSet.COMBUSTION_EPA_EIA, grid, "bench");
    }

    /** The analysis of the default hourly 2024 backtest (factors given). */
    @Benchmark
    public SustainabilityResult analysisDefault2024() {
        return SustainabilityAnalysis.run(scenario.site(), result, factors, SustainabilitySettings.DEFAULT);
    }

    /** The interval CSV of that analysis, as a string. */
    @Benchmark
    public int intervalsCsvDefault2024() {
        return SustainabilityExport.intervalsCsv(analysed).length();
    }
}
