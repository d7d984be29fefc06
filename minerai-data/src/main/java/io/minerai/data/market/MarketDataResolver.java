package io.minerai.data.market;

import io.minerai.core.market.MarketDataRequest;
import io.minerai.core.market.MarketDataSource;
import io.minerai.core.market.MarketProduct;
import io.minerai.core.market.PublisherFormat;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.Coverage;
import io.minerai.data.aemo.AemoPriceAndDemandReader;
import io.minerai.data.aemo.OpenElectricityReader;
import io.minerai.data.csv.ProblemCollector;
import io.minerai.data.energycharts.EnergyChartsDayAheadReader;
import io.minerai.data.entsoe.EntsoeDayAheadExtractReader;
import io.minerai.data.pjm.PjmCapacityPrices;
import io.minerai.data.pjm.PjmLmpReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one entry point that resolves a market's data on a run's grid: given a {@link MarketDataRequest} (a bundled
 * dataset, a publisher's file or a generic CSV; a node; a product), the series on the grid with its currency, unit,
 * source clock, attribution and coverage.
 *
 * <p>Every problem is collected and thrown as one {@link ValidationException}: the source's declared fields at {@code
 * <path>.<field>} ({@code market.data.prices.currency: unknown currency 'AUX' ...}), an unknown dataset at {@code
 * <path>.dataset}, a node the data lacks at {@code <path>.node} (listing the ones it has), a product it lacks at {@code
 * <path>.product}, a file's own {@code file:line:column} problems, and a run period entirely outside the data at
 * {@code <path>}. A partial overlap is not an error: the uncovered intervals are missing and listed in the coverage.
 */
public final class MarketDataResolver {
    private MarketDataResolver() {}

    /**
     * Resolves {@code request} onto {@code grid}.
     *
     * @param path the request's field path in the scenario, for problems (e.g. {@code market.data.prices})
     * @param baseDir the folder relative file paths resolve against (the scenario file's folder)
     * @throws ValidationException listing every problem
     */
    public static ResolvedMarketSeries resolve(String path, MarketDataRequest request, TimeGrid grid, Path baseDir) {
        PublishedSeries p = published(path, request, baseDir);
        ResolvedMarketSeries r = ResolvedMarketSeries.onGrid(p, grid);
        Optional<Coverage> span = p.series().coverage();
        if (span.isEmpty() || !span.get().overlaps(grid)) {
            throw new ValidationException(
                    "market data",
                    new Problem(
                            path,
                            "the run's period " + grid.startUtc() + " .. " + grid.endUtc() + " is entirely outside "
                                    + p.source() + " ("
                                    + span.map(Coverage::toString).orElse("no data") + ")"));
        }
        return r;
    }

    /**
     * The requested series as published (before gridding), e.g. for peak finding on the data's own intervals.
     *
     * @throws ValidationException listing every problem
     */
    public static PublishedSeries published(String path, MarketDataRequest request, Path baseDir) {
        List<Problem> declared = request.source().problems(path);
        if (!declared.isEmpty()) {
            throw new ValidationException("market data", declared);
        }
        MarketDataset data = dataset(path, request.source(), request.product(), baseDir);
        ProblemCollector problems = new ProblemCollector();
        String node = node(path, request, data, problems);
        java.util.Set<MarketProduct> products = node.isEmpty() ? data.products() : data.products(node);
        if (!products.contains(request.product())) {
            problems.add(
                    path + ".product",
                    data.source() + " has no " + request.product().key() + (node.isEmpty() ? "" : " at " + node)
                            + "; it has "
                            + products.stream().map(MarketProduct::key).collect(Collectors.joining(", ")));
        }
        problems.throwIfAny("market data");
        return data.series(node, request.product());
    }

    /** The dataset behind a source (bundled: cached; files: read now). */
    public static MarketDataset dataset(String path, MarketDataSource source, MarketProduct product, Path baseDir) {
        return switch (source) {
            case MarketDataSource.Bundled b ->
                BundledMarketData.load(BundledMarketDataset.find(b.dataset())
                        .orElseThrow(() -> new ValidationException(
                                "market data",
                                new Problem(
                                        path + ".dataset",
                                        "unknown bundled dataset '" + b.dataset() + "'; bundled: "
                                                + BundledMarketDataset.ids()))));
            case MarketDataSource.PublisherFile f -> readPublisherFile(f, baseDir);
            case MarketDataSource.Csv c -> GenericCsvDataset.read(path, c, product, baseDir);
        };
    }

    private static MarketDataset readPublisherFile(MarketDataSource.PublisherFile f, Path baseDir) {
        Path file = baseDir.resolve(f.path());
        String name = file.getFileName() == null ? f.path() : file.getFileName().toString();
        PublisherFormat format = f.publisherFormat();
        return switch (format) {
            case AEMO_PRICE_AND_DEMAND -> new AemoDataset(name, AemoPriceAndDemandReader.read(file, Optional.empty()));
            case OPENELECTRICITY ->
                new OpenElectricityDataset(name, OpenElectricityReader.read(file, OpenElectricityReader.HOURLY));
            case PJM_DATA_MINER_LMP -> PjmDatasets.lmps(name, PjmLmpReader.read(List.of(file)));
            case PJM_RPM_CLEARING_PRICES -> PjmDatasets.capacity(name, PjmCapacityPrices.read(file));
            case ENERGY_CHARTS_DAY_AHEAD ->
                FixedDataset.unnamedNode(EuropeanDayAhead.energyCharts(
                        name, "(file)", EnergyChartsDayAheadReader.read(List.of(file), name + " day-ahead")));
            case ENTSOE_DAY_AHEAD_EXTRACT ->
                FixedDataset.unnamedNode(EuropeanDayAhead.entsoe(
                        name, "(file)", EntsoeDayAheadExtractReader.read(file, name + " day-ahead")));
        };
    }

    private static String node(String path, MarketDataRequest request, MarketDataset data, ProblemCollector problems) {
        List<String> nodes = data.nodes();
        if (request.node().isEmpty()) {
            if (nodes.size() == 1) {
                return nodes.get(0);
            }
            problems.add(path + ".node", data.source() + " has several nodes; name one of " + String.join(", ", nodes));
            return "";
        }
        Optional<String> found = data.findNode(request.node().get());
        if (found.isEmpty()) {
            problems.add(
                    path + ".node",
                    "unknown node '" + request.node().get() + "' for " + data.source() + "; it has "
                            + String.join(", ", new ArrayList<>(nodes)));
            return "";
        }
        return found.get();
    }
}
