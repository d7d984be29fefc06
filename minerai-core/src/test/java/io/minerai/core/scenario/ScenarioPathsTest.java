package io.minerai.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.core.site.AmbientTemperatureSource;
import io.minerai.core.site.Generator;
import io.minerai.core.site.GeneratorKind;
import io.minerai.core.site.ProfileSource;
import io.minerai.core.site.Site;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ScenarioPathsTest {
    /** The default scenario with a file in every place a scenario can name one (two generators, one by file). */
    static Scenario everyFile() {
        Scenario d = DefaultScenario.load();
        Site site = d.site();
        Site withProfiles = new Site(
                site.name(),
                site.grid(),
                site.minerFleets(),
                site.gpuClouds(),
                site.colocationLeases(),
                List.of(
                        new Generator("solar", GeneratorKind.SOLAR, 50, new ProfileSource.Constant(0.25)),
                        new Generator("wind", GeneratorKind.WIND, 30, new ProfileSource.Csv("wind.csv", "t", "cf"))),
                site.ppa(),
                site.opex(),
                Optional.of(new AmbientTemperatureSource.Csv("temps.csv", "time", "temperatureC", Optional.empty())));
        SustainabilitySettings sus = new SustainabilitySettings(
                new SustainabilitySettings.GridFactorSource.Csv("factors.csv", "time", "kg"),
                d.sustainability().market(),
                d.sustainability().flexibility());
        CoincidentPeakProgram cp = d.markets().coincidentPeak().orElseThrow();
        MarketPrograms markets = new MarketPrograms(
                Optional.of(new CoincidentPeakProgram(
                        cp.tariffUsdPerKwYear(),
                        new CoincidentPeakProgram.PeakSource.Csv("load.csv", "time", "mw"),
                        cp.rule())),
                d.markets().ancillary(),
                Optional.of(new DemandReductionProgram(
                        0,
                        20,
                        5,
                        1000,
                        24,
                        java.time.LocalDate.of(2025, 6, 20),
                        new DemandReductionProgram.EventSource.Csv("events.csv", "start", "end"))),
                Optional.empty(),
                Optional.of(new FlexibleComputeProgram(
                        5,
                        20,
                        new FlexibleComputeProgram.Availability.PerMwMonth(3000),
                        0.5,
                        24,
                        new DemandReductionProgram.EventSource.Csv("flex-events.csv", "start", "end"))));
        MarketSettings market = new MarketSettings(
                "nem",
                Optional.of("VIC1"),
                "by-date",
                new MarketSettings.MarketData(
                        Optional.of(csv("market-prices.csv")),
                        Optional.of(new io.minerai.core.market.MarketDataSource.PublisherFile(
                                "da.csv", "aemo-price-and-demand")),
                        Optional.of(new io.minerai.core.market.MarketDataSource.PublisherFile(
                                "demand.csv", "aemo-price-and-demand")),
                        List.of(new MarketSettings.ProductPrices("RAISE6SEC", csv("fcas.csv"))),
                        List.of(new MarketSettings.ProductPrices("RRS", csv("rt-as.csv")))),
                Optional.of(new MarketSettings.Fx.DailyCsv("fx.csv", "date", "usdPerUnit")),
                true);
        return new Scenario(
                d.name(),
                d.description(),
                d.period(),
                new PriceSource.Csv("prices.csv", "time", "usd"),
                new BitcoinSource.CoinMetricsCsv("btc.csv"),
                withProfiles,
                sus,
                markets,
                d.optimize(),
                market,
                d.computePrecision());
    }

    private static io.minerai.core.market.MarketDataSource csv(String path) {
        return new io.minerai.core.market.MarketDataSource.Csv(
                path, "t", "v", Optional.of("AUD"), "+10:00", "ending", "5m", Optional.empty());
    }

    @Test
    void listsEveryFileWithItsFieldPath() {
        assertThat(ScenarioPaths.files(everyFile()))
                .containsExactly(
                        new ScenarioPaths.FileRef("prices.path", "prices.csv"),
                        new ScenarioPaths.FileRef("bitcoin.path", "btc.csv"),
                        new ScenarioPaths.FileRef("site.generators[1].profile.path", "wind.csv"),
                        new ScenarioPaths.FileRef("sustainability.gridFactors.path", "factors.csv"),
                        new ScenarioPaths.FileRef("markets.coincidentPeak.peakSource.path", "load.csv"),
                        new ScenarioPaths.FileRef("markets.demandReduction.events.path", "events.csv"),
                        new ScenarioPaths.FileRef("markets.flexibleCompute.events.path", "flex-events.csv"),
                        new ScenarioPaths.FileRef("market.data.prices.path", "market-prices.csv"),
                        new ScenarioPaths.FileRef("market.data.dayAheadPrices.path", "da.csv"),
                        new ScenarioPaths.FileRef("market.data.systemLoad.path", "demand.csv"),
                        new ScenarioPaths.FileRef("market.data.ancillaryPrices[0].prices.path", "fcas.csv"),
                        new ScenarioPaths.FileRef("market.data.realTimeAncillaryPrices[0].prices.path", "rt-as.csv"),
                        new ScenarioPaths.FileRef("market.fx.path", "fx.csv"),
                        new ScenarioPaths.FileRef("site.ambientTemperature.path", "temps.csv"));
        assertThat(ScenarioPaths.files(DefaultScenario.load())).isEmpty();
        Scenario spp = DefaultScenario.load();
        spp = new Scenario(
                spp.name(),
                spp.description(),
                spp.period(),
                new PriceSource.ErcotSppCsv("spp.zip"),
                spp.bitcoin(),
                spp.site(),
                spp.sustainability(),
                spp.markets(),
                spp.optimize());
        assertThat(ScenarioPaths.files(spp)).containsExactly(new ScenarioPaths.FileRef("prices.path", "spp.zip"));
    }

    @Test
    void rewriteChangesEveryPathAndNothingElse() {
        Scenario s = everyFile();
        Scenario moved = ScenarioPaths.rewrite(s, p -> "/run/" + p);
        assertThat(ScenarioPaths.files(moved))
                .extracting(ScenarioPaths.FileRef::path)
                .containsExactly(
                        "/run/prices.csv",
                        "/run/btc.csv",
                        "/run/wind.csv",
                        "/run/factors.csv",
                        "/run/load.csv",
                        "/run/events.csv",
                        "/run/flex-events.csv",
                        "/run/market-prices.csv",
                        "/run/da.csv",
                        "/run/demand.csv",
                        "/run/fcas.csv",
                        "/run/rt-as.csv",
                        "/run/fx.csv",
                        "/run/temps.csv");
        assertThat(ScenarioPaths.rewrite(moved, p -> p.substring("/run/".length())))
                .isEqualTo(s);
        assertThat(moved.markets().ancillary()).isEqualTo(s.markets().ancillary());
        assertThat(moved.optimize()).isEqualTo(s.optimize());
        assertThat(moved.sustainability().market()).isEqualTo(s.sustainability().market());
        Scenario d = DefaultScenario.load();
        assertThat(ScenarioPaths.rewrite(d, p -> "x")).isEqualTo(d);
    }

    /** A new file field in the schema must be taught to ScenarioPaths (and to this test's {@link #everyFile()}). */
    @Test
    void coversEveryPathFieldOfTheSchema() {
        Set<String> inSchema = new TreeSet<>();
        walk(ScenarioSchema.SCENARIO, "", inSchema);
        Set<String> covered = new TreeSet<>();
        for (ScenarioPaths.FileRef f : ScenarioPaths.files(everyFile())) {
            covered.add(f.field().replaceAll("\\[\\d+]", "[]"));
        }
        assertThat(inSchema).hasSize(14).isEqualTo(covered);
    }

    private static void walk(ObjectSpec o, String prefix, Set<String> out) {
        for (FieldSpec f : o.fields()) {
            String name = prefix + f.name();
            if (f.name().equals("path")) {
                out.add(name);
            }
            if (f.element().isPresent()) {
                walk(f.element().get(), name + (f.kind() == FieldKind.LIST ? "[]." : "."), out);
            }
        }
        for (ObjectSpec v : o.variants().values()) {
            walk(v, prefix, out);
        }
    }

    @Test
    void unreadableFilesAreNamedWithTheirFieldAndAbsolutePath(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Files.writeString(dir.resolve("prices.csv"), "time,usd\n");
        java.nio.file.Files.writeString(dir.resolve("btc.csv"), "x\n");
        java.nio.file.Files.createDirectory(dir.resolve("wind.csv"));
        assertThat(ScenarioPaths.unreadable(everyFile(), dir))
                .containsExactly(
                        new io.minerai.core.validation.Problem(
                                "site.generators[1].profile.path", "not a readable file: " + dir.resolve("wind.csv")),
                        new io.minerai.core.validation.Problem(
                                "sustainability.gridFactors.path", "file not found: " + dir.resolve("factors.csv")),
                        new io.minerai.core.validation.Problem(
                                "markets.coincidentPeak.peakSource.path", "file not found: " + dir.resolve("load.csv")),
                        new io.minerai.core.validation.Problem(
                                "markets.demandReduction.events.path", "file not found: " + dir.resolve("events.csv")),
                        new io.minerai.core.validation.Problem(
                                "markets.flexibleCompute.events.path",
                                "file not found: " + dir.resolve("flex-events.csv")),
                        new io.minerai.core.validation.Problem(
                                "market.data.prices.path", "file not found: " + dir.resolve("market-prices.csv")),
                        new io.minerai.core.validation.Problem(
                                "market.data.dayAheadPrices.path", "file not found: " + dir.resolve("da.csv")),
                        new io.minerai.core.validation.Problem(
                                "market.data.systemLoad.path", "file not found: " + dir.resolve("demand.csv")),
                        new io.minerai.core.validation.Problem(
                                "market.data.ancillaryPrices[0].prices.path",
                                "file not found: " + dir.resolve("fcas.csv")),
                        new io.minerai.core.validation.Problem(
                                "market.data.realTimeAncillaryPrices[0].prices.path",
                                "file not found: " + dir.resolve("rt-as.csv")),
                        new io.minerai.core.validation.Problem(
                                "market.fx.path", "file not found: " + dir.resolve("fx.csv")),
                        new io.minerai.core.validation.Problem(
                                "site.ambientTemperature.path", "file not found: " + dir.resolve("temps.csv")));
        assertThat(ScenarioPaths.unreadable(DefaultScenario.load(), dir)).isEmpty();
    }
}
