package io.minerai.data.resolve;

import io.minerai.core.inputs.MarketInputs;
import io.minerai.core.market.MarketDataRequest;
import io.minerai.core.market.MarketDataSource;
import io.minerai.core.market.MarketProduct;
import io.minerai.core.market.pack.MarketPack;
import io.minerai.core.market.pack.MarketPacks;
import io.minerai.core.scenario.MarketSettings;
import io.minerai.core.scenario.Scenario;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.csv.ProblemCollector;
import io.minerai.data.market.FxResolver;
import io.minerai.data.market.MarketDataResolver;
import io.minerai.data.market.PublishedSeries;
import io.minerai.data.market.ResolvedFx;
import io.minerai.data.market.ResolvedMarketSeries;
import java.nio.file.Path;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Resolves a scenario's {@code market} section: the market's series through {@link MarketDataResolver}, turned into
 * USD with the stated exchange rate, and the {@link MarketInputs} a run settles with. The market pack fixes the
 * currency; an interval whose price or rate is missing stays missing (and is skipped, reported as a missing price).
 */
final class MarketInputResolver {
    /** Days an FX rate may be carried forward over weekends and holidays before an interval counts as missing. */
    static final int FX_DAYS_BACK = 4;

    private final Scenario scenario;
    private final MarketPack pack;
    private final Currency currency;
    private final TimeGrid grid;
    private final Path baseDir;
    private final ProblemCollector problems;
    private @Nullable ResolvedFx fx;

    MarketInputResolver(Scenario scenario, TimeGrid grid, Path baseDir, ProblemCollector problems) {
        this.scenario = scenario;
        this.pack = MarketPacks.find(scenario.market().pack()).orElse(MarketPacks.GENERIC);
        this.currency = scenario.market().currency(pack);
        this.grid = grid;
        this.baseDir = baseDir;
        this.problems = problems;
        if (!currency.getCurrencyCode().equals("USD")) {
            scenario.market().fx().ifPresent(f -> {
                try {
                    fx = FxResolver.resolve(
                            "market.fx",
                            f.toSource(currency.getCurrencyCode()),
                            grid,
                            baseDir,
                            pack.clock().zone(),
                            new FxResolver.MissingDays.PreviousPublished(FX_DAYS_BACK));
                } catch (ValidationException e) {
                    problems.addAll(e.problems());
                }
            });
        }
    }

    /** The market's real-time price in USD/MWh from {@code market.data.prices}, or null after reporting a problem. */
    @Nullable
    TimeSeries prices() {
        Optional<MarketDataSource> src = scenario.market().data().prices();
        if (src.isEmpty()) {
            problems.add("market.data.prices", "is required with prices: {source: market}");
            return null;
        }
        // a day-ahead market (European SDAC) settles the site at its day-ahead price
        MarketProduct product = pack.id().equals("eu-day-ahead")
                ? MarketProduct.DAY_AHEAD_ENERGY_PRICE
                : MarketProduct.REAL_TIME_ENERGY_PRICE;
        return money(src.get(), "market.data.prices", product, "price");
    }

    /** Day-ahead prices in USD/MWh, when the market section names them. */
    Optional<TimeSeries> dayAheadPrices() {
        return scenario.market()
                .data()
                .dayAheadPrices()
                .map(s -> money(
                        s, "market.data.dayAheadPrices", MarketProduct.DAY_AHEAD_ENERGY_PRICE, "day-ahead price"));
    }

    /** Reserve prices in USD/MW-h by product from a list of the market section. */
    Map<String, TimeSeries> productPrices(List<MarketSettings.ProductPrices> list, String path) {
        Map<String, TimeSeries> out = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            MarketSettings.ProductPrices p = list.get(i);
            TimeSeries s =
                    money(p.source(), path + "[" + i + "].prices", MarketProduct.REAL_TIME_ENERGY_PRICE, p.product());
            if (s != null) {
                out.put(p.product(), s.renamed(p.product(), "USD/MW-h"));
            }
        }
        return out;
    }

    /**
     * The market's system load in MW from {@code market.data.systemLoad}, when named, over the run's period at the
     * finer of the data's own step and the run's step (peak programs average it to their peak interval).
     */
    Optional<TimeSeries> systemLoad() {
        Optional<MarketDataSource> src = scenario.market().data().systemLoad();
        if (src.isEmpty()) {
            return Optional.empty();
        }
        String path = "market.data.systemLoad";
        try {
            PublishedSeries p = MarketDataResolver.published(
                    path, new MarketDataRequest(src.get(), node(), MarketProduct.SYSTEM_LOAD), baseDir);
            java.time.Duration step = grid.step();
            if (p.series().size() > 0 && p.series().length(0).compareTo(step) < 0) {
                step = p.series().length(0);
            }
            TimeGrid fine = TimeGrid.between(grid.startUtc(), grid.endUtc(), step);
            return Optional.of(p.series().resampleTo(fine).renamed("system load", "MW"));
        } catch (ValidationException e) {
            problems.addAll(e.problems());
            return Optional.empty();
        }
    }

    private Optional<String> node() {
        return scenario.market().node().or(() -> {
            String sp = scenario.site().grid().settlementPoint();
            return sp.isBlank() ? Optional.empty() : Optional.of(sp);
        });
    }

    /** The market inputs: currency, rate, system load and real-time reserve prices. */
    MarketInputs marketInputs(Optional<TimeSeries> systemLoad, Map<String, TimeSeries> realTimeAncillary) {
        TimeSeries rate = fx != null ? fx.rate() : TimeSeries.constant("usd_per_usd", "USD/USD", grid, 1.0);
        String source = fx == null ? "none (prices in USD)" : fxText(fx);
        return new MarketInputs(currency, rate, source, systemLoad, realTimeAncillary);
    }

    private static String fxText(ResolvedFx fx) {
        String unit = fx.to().getCurrencyCode() + "/" + fx.from().getCurrencyCode();
        if (fx.source().equals("constant") && fx.rate().size() > 0 && !fx.rate().isMissing(0)) {
            return "a constant " + fx.rate().value(0) + " " + unit + " stated in the scenario";
        }
        return "daily rates from " + fx.source() + " (" + unit + "; "
                + String.join("; ", fx.coverage().notes()) + ")";
    }

    private @Nullable TimeSeries money(MarketDataSource src, String path, MarketProduct product, String name) {
        ResolvedMarketSeries r = resolve(src, path, product);
        if (r == null) {
            return null;
        }
        Currency cur = r.currency().orElse(currency);
        if (!cur.getCurrencyCode().equals("USD")) {
            if (fx == null) {
                problems.add(
                        "market.fx",
                        "is required: " + r.source() + " is in " + cur.getCurrencyCode() + "; state USD per "
                                + cur.getCurrencyCode());
                return null;
            }
            if (!fx.from().equals(cur)) {
                problems.add(
                        path,
                        r.source() + " is in " + cur.getCurrencyCode() + " but the exchange rate converts "
                                + fx.from().getCurrencyCode());
                return null;
            }
            return fx.convert(r.series()).renamed(name, "USD/MWh");
        }
        return r.series().renamed(name, "USD/MWh");
    }

    private @Nullable ResolvedMarketSeries resolve(MarketDataSource src, String path, MarketProduct product) {
        try {
            return MarketDataResolver.resolve(path, new MarketDataRequest(src, node(), product), grid, baseDir);
        } catch (ValidationException e) {
            problems.addAll(e.problems());
            return null;
        }
    }
}
