package io.minerai.core.scenario;

import io.minerai.core.market.MarketDataSource;
import io.minerai.core.site.AmbientTemperatureSource;
import io.minerai.core.site.Generator;
import io.minerai.core.site.ProfileSource;
import io.minerai.core.site.Site;
import io.minerai.core.validation.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Every file a scenario names, in one place: user price and Bitcoin files, generator profiles, the ambient temperature,
 * grid emission factors and 4CP system load. Tools that must treat file references specially (the server reads only uploaded datasets, never
 * a path a user typed) list and rewrite them here, so a new file field cannot be missed in one of them: a test checks
 * that this class covers every {@code path} field of {@link ScenarioSchema}.
 */
public final class ScenarioPaths {
    private ScenarioPaths() {}

    /**
     * A file named in a scenario.
     *
     * @param field the field's path in the scenario file, e.g. {@code site.generators[1].profile.path}
     * @param path the file path as written
     */
    public record FileRef(String field, String path) {}

    /** The files the scenario names, in file order. */
    public static List<FileRef> files(Scenario s) {
        List<FileRef> out = new ArrayList<>();
        map(s, (field, path) -> {
            out.add(new FileRef(field, path));
            return path;
        });
        return out;
    }

    /**
     * Each file the scenario names that is not a readable file, relative paths resolved against {@code baseDir}: a
     * problem at the field's path naming the absolute file, so a missing 4CP load or grid-factor file is reported
     * before any work starts, like a missing price file.
     */
    public static List<Problem> unreadable(Scenario s, Path baseDir) {
        List<Problem> out = new ArrayList<>();
        for (FileRef f : files(s)) {
            Path p = baseDir.resolve(f.path()).toAbsolutePath().normalize();
            if (!Files.exists(p)) {
                out.add(new Problem(f.field(), "file not found: " + p));
            } else if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                out.add(new Problem(f.field(), "not a readable file: " + p));
            }
        }
        return out;
    }

    /** The same scenario with each file path replaced by {@code rewrite(path)}; every other field is kept. */
    public static Scenario rewrite(Scenario s, UnaryOperator<String> rewrite) {
        return map(s, (field, path) -> rewrite.apply(path));
    }

    private interface PathMapper {
        String map(String field, String path);
    }

    private static Scenario map(Scenario s, PathMapper f) {
        PriceSource prices = switch (s.prices()) {
            case PriceSource.ErcotSppCsv c -> new PriceSource.ErcotSppCsv(f.map("prices.path", c.path()));
            case PriceSource.Csv c ->
                new PriceSource.Csv(f.map("prices.path", c.path()), c.timeColumn(), c.valueColumn());
            case PriceSource.ErcotBundled b -> b;
            case PriceSource.Market m -> m;
        };
        BitcoinSource bitcoin = switch (s.bitcoin()) {
            case BitcoinSource.CoinMetricsCsv c -> new BitcoinSource.CoinMetricsCsv(f.map("bitcoin.path", c.path()));
            case BitcoinSource.CoinMetricsBundled b -> b;
        };
        List<Generator> gens = new ArrayList<>();
        List<Generator> old = s.site().generators();
        for (int i = 0; i < old.size(); i++) {
            Generator g = old.get(i);
            ProfileSource p = g.profile() instanceof ProfileSource.Csv c
                    ? new ProfileSource.Csv(
                            f.map("site.generators[" + i + "].profile.path", c.path()), c.timeColumn(), c.column())
                    : g.profile();
            gens.add(new Generator(g.name(), g.kind(), g.nameplateMw(), p));
        }
        SustainabilitySettings sus = s.sustainability();
        if (sus.gridFactors() instanceof SustainabilitySettings.GridFactorSource.Csv c) {
            sus = new SustainabilitySettings(
                    new SustainabilitySettings.GridFactorSource.Csv(
                            f.map("sustainability.gridFactors.path", c.path()), c.timeColumn(), c.valueColumn()),
                    sus.market(),
                    sus.flexibility());
        }
        MarketPrograms markets = s.markets();
        if (markets.coincidentPeak().isPresent()
                && markets.coincidentPeak().get().peaks() instanceof CoincidentPeakProgram.PeakSource.Csv c) {
            CoincidentPeakProgram cp = markets.coincidentPeak().get();
            markets = markets.withCoincidentPeak(Optional.of(cp.withPeaks(new CoincidentPeakProgram.PeakSource.Csv(
                    f.map("markets.coincidentPeak.peakSource.path", c.path()), c.timeColumn(), c.loadColumn()))));
        }
        if (markets.demandReduction().isPresent()
                && markets.demandReduction().get().events() instanceof DemandReductionProgram.EventSource.Csv c) {
            DemandReductionProgram d = markets.demandReduction().get();
            markets = markets.withDemandReduction(Optional.of(new DemandReductionProgram(
                    d.committedMw(),
                    d.firmServiceLevelMw(),
                    d.availabilityUsdPerMwHour(),
                    d.penaltyUsdPerMwh(),
                    d.noticeHours(),
                    d.from(),
                    new DemandReductionProgram.EventSource.Csv(
                            f.map("markets.demandReduction.events.path", c.path()), c.startColumn(), c.endColumn()))));
        }
        if (markets.flexibleCompute().isPresent()) {
            FlexibleComputeProgram fc = markets.flexibleCompute().get();
            DemandReductionProgram.EventSource.Csv c = fc.events();
            markets = markets.withFlexibleCompute(Optional.of(new FlexibleComputeProgram(
                    fc.committedMw(),
                    fc.firmLevelMw(),
                    fc.availability(),
                    fc.clawbackFraction(),
                    fc.noticeHours(),
                    new DemandReductionProgram.EventSource.Csv(
                            f.map("markets.flexibleCompute.events.path", c.path()), c.startColumn(), c.endColumn()))));
        }
        MarketSettings market = marketFiles(s.market(), f);
        Site site = s.site();
        Optional<AmbientTemperatureSource> ambient = site.ambientTemperature().map(a -> switch (a) {
            case AmbientTemperatureSource.Csv c ->
                new AmbientTemperatureSource.Csv(
                        f.map("site.ambientTemperature.path", c.path()), c.timeColumn(), c.valueColumn(), c.zone());
        });
        Site newSite = new Site(
                site.name(),
                site.grid(),
                site.minerFleets(),
                site.gpuClouds(),
                site.colocationLeases(),
                gens,
                site.ppa(),
                site.opex(),
                ambient);
        return new Scenario(
                s.name(),
                s.description(),
                s.period(),
                prices,
                bitcoin,
                newSite,
                sus,
                markets,
                s.optimize(),
                market,
                s.computePrecision());
    }

    private static MarketSettings marketFiles(MarketSettings ms, PathMapper f) {
        MarketSettings.MarketData d = ms.data();
        Optional<MarketDataSource> prices = d.prices().map(p -> source(p, "market.data.prices", f));
        Optional<MarketDataSource> dayAhead = d.dayAheadPrices().map(p -> source(p, "market.data.dayAheadPrices", f));
        Optional<MarketDataSource> load = d.systemLoad().map(p -> source(p, "market.data.systemLoad", f));
        List<MarketSettings.ProductPrices> anc = new ArrayList<>();
        for (int i = 0; i < d.ancillaryPrices().size(); i++) {
            MarketSettings.ProductPrices p = d.ancillaryPrices().get(i);
            anc.add(new MarketSettings.ProductPrices(
                    p.product(), source(p.source(), "market.data.ancillaryPrices[" + i + "].prices", f)));
        }
        List<MarketSettings.ProductPrices> rt = new ArrayList<>();
        for (int i = 0; i < d.realTimeAncillaryPrices().size(); i++) {
            MarketSettings.ProductPrices p = d.realTimeAncillaryPrices().get(i);
            rt.add(new MarketSettings.ProductPrices(
                    p.product(), source(p.source(), "market.data.realTimeAncillaryPrices[" + i + "].prices", f)));
        }
        MarketSettings.MarketData data = new MarketSettings.MarketData(prices, dayAhead, load, anc, rt);
        Optional<MarketSettings.Fx> fx = ms.fx()
                .map(x -> x instanceof MarketSettings.Fx.DailyCsv c
                        ? new MarketSettings.Fx.DailyCsv(
                                f.map("market.fx.path", c.path()), c.dateColumn(), c.rateColumn())
                        : x);
        return new MarketSettings(ms.pack(), ms.node(), ms.rules(), data, fx, ms.declared());
    }

    private static MarketDataSource source(MarketDataSource src, String field, PathMapper f) {
        return switch (src) {
            case MarketDataSource.Bundled b -> b;
            case MarketDataSource.PublisherFile p ->
                new MarketDataSource.PublisherFile(f.map(field + ".path", p.path()), p.format());
            case MarketDataSource.Csv c ->
                new MarketDataSource.Csv(
                        f.map(field + ".path", c.path()),
                        c.timeColumn(),
                        c.valueColumn(),
                        c.currency(),
                        c.zone(),
                        c.convention(),
                        c.step(),
                        c.timeFormat());
        };
    }
}
