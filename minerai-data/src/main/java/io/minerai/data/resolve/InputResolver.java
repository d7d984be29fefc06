package io.minerai.data.resolve;

import io.minerai.core.bitcoin.BitcoinDay;
import io.minerai.core.inputs.GpuInputs;
import io.minerai.core.inputs.MarketInputs;
import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.BitcoinSource;
import io.minerai.core.scenario.Plausibility;
import io.minerai.core.scenario.PriceSource;
import io.minerai.core.scenario.Scenario;
import io.minerai.core.site.Generator;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.Coverage;
import io.minerai.data.DateRange;
import io.minerai.data.bitcoin.BitcoinHistory;
import io.minerai.data.bitcoin.BitcoinSeries;
import io.minerai.data.bitcoin.CoinMetricsReader;
import io.minerai.data.csv.ProblemCollector;
import io.minerai.data.ercot.ErcotAncillaryPrices;
import io.minerai.data.ercot.ErcotHourlyPrices;
import io.minerai.data.ercot.ErcotSppReportReader;
import io.minerai.data.ercot.Market;
import io.minerai.data.ercot.SppSeries;
import io.minerai.data.series.TimestampedCsvReader;
import io.minerai.data.specs.GpuCatalogueReader;
import io.minerai.data.specs.GpuProfiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Builds a run's {@link ScenarioInputs} from its {@link Scenario}: every series on the scenario's grid, missing values
 * kept missing. All problems are collected and thrown as one {@link ValidationException}:
 *
 * <ul>
 *   <li>a missing file: {@code prices.path: file not found: /abs/path} (likewise {@code bitcoin.path} and {@code
 *       site.generators[i].profile.path}); a malformed file: its own {@code file:line:column} problems;
 *   <li>a settlement point the bundled prices do not have: {@code site.grid.settlementPoint}, listing the known ones;
 *   <li>a period entirely outside a source's data: a problem naming the data's coverage. A partial overlap is not an
 *       error: the uncovered intervals are missing (see {@link GapReport}).
 * </ul>
 *
 * <p>Day-ahead prices are filled for the {@code ercot-bundled} source (the DAM column of the same settlement point).
 * Ancillary prices (REGDN, REGUP, RRS, NSPIN, ECRS) come from the bundled ERCOT table for the ERCOT price sources
 * ({@code ercot-bundled}, {@code ercot-spp-csv}) when the period overlaps it; otherwise the map is empty. Relative paths
 * resolve against {@code baseDir} (the scenario file's folder).
 */
public final class InputResolver {
    /** Prices beyond these are impossible in any market: an error at their line, never a total that overflows. */
    private static final Plausibility PRICE = Plausibility.ENERGY_PRICE_USD_PER_MWH;

    private InputResolver() {}

    /** Resolves every input of the scenario onto its grid. */
    public static ScenarioInputs resolve(Scenario scenario, Path baseDir) {
        ProblemCollector problems = new ProblemCollector();
        TimeGrid grid;
        try {
            grid = scenario.period().grid();
        } catch (IllegalArgumentException e) {
            problems.add("period", String.valueOf(e.getMessage()));
            problems.throwIfAny("scenario inputs");
            throw new IllegalStateException("unreachable");
        }
        String sp = scenario.site().grid().settlementPoint();
        MarketInputResolver marketData = new MarketInputResolver(scenario, grid, baseDir, problems);

        TimeSeries price = null;
        Optional<TimeSeries> dayAhead = Optional.empty();
        Map<String, TimeSeries> ancillary = Map.of();
        switch (scenario.prices()) {
            case PriceSource.ErcotBundled b -> {
                ErcotHourlyPrices bundled = ErcotHourlyPrices.bundled();
                Optional<Market> market = Market.parse(b.market());
                Optional<String> found = bundled.find(sp);
                if (market.isEmpty()) {
                    problems.add("prices.market", "must be RTM or DAM, was " + b.market());
                }
                if (found.isEmpty()) {
                    problems.add(
                            "site.grid.settlementPoint",
                            "unknown settlement point " + sp + " for the bundled ERCOT prices; known: "
                                    + String.join(", ", bundled.settlementPoints()));
                }
                if (covers(bundled.coverage(), grid, "the bundled ERCOT prices", problems)
                        && market.isPresent()
                        && found.isPresent()) {
                    price = bundled.series(found.get(), market.get(), grid)
                            .renamed("price " + found.get() + " " + market.get(), "USD/MWh");
                    dayAhead = Optional.of(bundled.series(found.get(), Market.DAM, grid)
                            .renamed("day-ahead price " + found.get(), "USD/MWh"));
                    ancillary = ancillary(grid);
                }
            }
            case PriceSource.ErcotSppCsv c -> {
                Path file = baseDir.resolve(c.path());
                if (!Files.exists(file)) {
                    problems.add("prices.path", "file not found: " + file.toAbsolutePath());
                } else {
                    SppSeries s = collect(() -> ErcotSppReportReader.read(file, sp), problems);
                    if (s != null && covers(s.coverage(), grid, file.getFileName() + " (" + sp + ")", problems)) {
                        price = s.priceUsdPerMwh().resampleTo(grid).renamed("price " + s.settlementPoint(), "USD/MWh");
                        ancillary = ancillary(grid);
                    }
                }
            }
            case PriceSource.Csv c -> {
                Path file = baseDir.resolve(c.path());
                if (!Files.exists(file)) {
                    problems.add("prices.path", "file not found: " + file.toAbsolutePath());
                } else {
                    TimeSeries s = collect(
                            () -> TimestampedCsvReader.read(
                                            file,
                                            TimestampedCsvReader.Spec.of(c.timeColumn(), c.valueColumn())
                                                    .withRange(PRICE.min(), PRICE.max())
                                                    .withUnit("USD/MWh"))
                                    .series(c.valueColumn()),
                            problems);
                    if (s != null
                            && covers(
                                    new Coverage(s.grid().startUtc(), s.grid().endUtc()),
                                    grid,
                                    String.valueOf(file.getFileName()),
                                    problems)) {
                        price = s.resampleTo(grid).renamed("price", "USD/MWh");
                    }
                }
            }
            case PriceSource.Market m -> {
                price = marketData.prices();
                dayAhead = marketData.dayAheadPrices();
            }
        }
        if (!scenario.market().data().ancillaryPrices().isEmpty()) {
            Map<String, TimeSeries> merged = new LinkedHashMap<>(ancillary);
            merged.putAll(marketData.productPrices(
                    scenario.market().data().ancillaryPrices(), "market.data.ancillaryPrices"));
            ancillary = merged;
        }
        Map<String, TimeSeries> realTimeAncillary = marketData.productPrices(
                scenario.market().data().realTimeAncillaryPrices(), "market.data.realTimeAncillaryPrices");
        Optional<TimeSeries> systemLoad = marketData
                .systemLoad()
                .or(() -> ProgramDataResolver.coincidentPeakLoad(scenario, grid, baseDir, problems));
        MarketInputs.ProgramData programData = ProgramDataResolver.programData(scenario, grid, baseDir, problems);

        BitcoinHistory history = switch (scenario.bitcoin()) {
            case BitcoinSource.CoinMetricsBundled b -> CoinMetricsReader.bundled();
            case BitcoinSource.CoinMetricsCsv c -> {
                Path file = baseDir.resolve(c.path());
                if (!Files.exists(file)) {
                    problems.add("bitcoin.path", "file not found: " + file.toAbsolutePath());
                    yield null;
                }
                yield collect(() -> CoinMetricsReader.read(file), problems);
            }
        };
        BitcoinSeries btc = null;
        Map<LocalDate, BitcoinDay> days = Map.of();
        if (history != null) {
            DateRange runDays = new DateRange(grid.utcDate(0), grid.utcDate(grid.count() - 1));
            if (!history.coverage().overlaps(runDays)) {
                problems.add(
                        "period",
                        "the run's UTC days " + runDays + " are entirely outside the Bitcoin data (" + history.source()
                                + ", " + history.coverage() + ")");
            } else {
                btc = history.onGrid(grid);
                days = history.daysOf(grid);
            }
        }

        List<TimeSeries> capacityFactors = new ArrayList<>();
        List<Generator> generators = scenario.site().generators();
        for (int i = 0; i < generators.size(); i++) {
            Generator g = generators.get(i);
            ProfileResolver.resolve(g.profile(), grid, baseDir, "site.generators[" + i + "].profile", problems)
                    .ifPresent(s -> capacityFactors.add(s.renamed("capacity factor " + g.name(), "1")));
        }

        GpuInputs gpus = GpuProfiles.resolve(
                scenario.site(),
                scenario.optimize().gpuJobs(),
                GpuCatalogueReader.bundled(),
                scenario.computePrecision(),
                problems);
        Optional<TimeSeries> ambient = scenario.site()
                .ambientTemperature()
                .flatMap(a -> AmbientTemperatureResolver.resolve(a, grid, baseDir, problems));

        problems.throwIfAny("scenario inputs of " + scenario.name());
        if (price == null || btc == null || capacityFactors.size() != generators.size()) {
            throw new IllegalStateException("inputs incomplete without a reported problem");
        }
        return new ScenarioInputs(
                grid,
                price,
                btc.btcPerThDay(),
                btc.btcPriceUsd(),
                capacityFactors,
                dayAhead,
                ancillary,
                days,
                marketData.marketInputs(systemLoad, realTimeAncillary).withPrograms(programData),
                gpus,
                ambient);
    }

    /**
     * The market inputs a scenario's programs need (system load behind coincident peaks, event windows, capacity
     * prices) added to inputs resolved elsewhere, e.g. synthetic test inputs.
     *
     * @throws ValidationException listing every problem
     */
    public static ScenarioInputs withProgramData(Scenario scenario, ScenarioInputs inputs, Path baseDir) {
        ProblemCollector problems = new ProblemCollector();
        TimeGrid grid = inputs.grid();
        Optional<TimeSeries> load = ProgramDataResolver.coincidentPeakLoad(scenario, grid, baseDir, problems);
        MarketInputs.ProgramData data = ProgramDataResolver.programData(scenario, grid, baseDir, problems);
        problems.throwIfAny("scenario inputs of " + scenario.name());
        MarketInputs m = inputs.market().withPrograms(data);
        return inputs.withMarket(load.isPresent() ? m.withSystemLoad(load.get()) : m);
    }

    private static Map<String, TimeSeries> ancillary(TimeGrid grid) {
        ErcotAncillaryPrices as = ErcotAncillaryPrices.bundled();
        if (!as.coverage().overlaps(grid)) {
            return Map.of();
        }
        Map<String, TimeSeries> out = new LinkedHashMap<>();
        as.series(grid).forEach((p, s) -> out.put(p, s.renamed("ancillary " + p, "USD/MW-h")));
        return out;
    }

    private static boolean covers(Coverage c, TimeGrid grid, String what, ProblemCollector problems) {
        if (c.overlaps(grid)) {
            return true;
        }
        problems.add(
                "period",
                "the run's period " + grid.startUtc() + " .. " + grid.endUtc() + " is entirely outside " + what
                        + " (coverage " + c + ")");
        return false;
    }

    private static <T> @Nullable T collect(Supplier<T> read, ProblemCollector problems) {
        try {
            return read.get();
        } catch (ValidationException e) {
            problems.addAll(e);
            return null;
        }
    }
}
