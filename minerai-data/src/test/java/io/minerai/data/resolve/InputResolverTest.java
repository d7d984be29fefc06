package io.minerai.data.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.BitcoinSource;
import io.minerai.core.scenario.DefaultScenario;
import io.minerai.core.scenario.Period;
import io.minerai.core.scenario.PriceSource;
import io.minerai.core.scenario.Scenario;
import io.minerai.core.site.Generator;
import io.minerai.core.site.GridConnection;
import io.minerai.core.site.ProfileSource;
import io.minerai.core.site.Site;
import io.minerai.core.time.TimeSeries;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputResolverTest {
    private static final Scenario DEFAULT = DefaultScenario.load();
    private static final Path HERE = Path.of(".");

    private static Scenario with(Period period, PriceSource prices, BitcoinSource bitcoin, String settlementPoint) {
        return with(period, prices, bitcoin, settlementPoint, DEFAULT.site().generators());
    }

    private static Scenario with(
            Period period,
            PriceSource prices,
            BitcoinSource bitcoin,
            String settlementPoint,
            List<Generator> generators) {
        Site s = DEFAULT.site();
        GridConnection g = s.grid();
        Site site = new Site(
                s.name(),
                new GridConnection(
                        settlementPoint, g.importCapMw(), g.exportAllowed(), g.exportCapMw(), g.tariffAdders()),
                s.minerFleets(),
                s.gpuClouds(),
                s.colocationLeases(),
                generators,
                s.ppa(),
                s.opex());
        return new Scenario(
                DEFAULT.name(),
                DEFAULT.description(),
                period,
                prices,
                bitcoin,
                site,
                DEFAULT.sustainability(),
                io.minerai.core.scenario.MarketPrograms.NONE,
                DEFAULT.optimize());
    }

    @Test
    void theCoincidentPeakSystemLoadIsResolvedWhenThePeriodHoldsA4cpMonth() {
        // the default scenario's 4CP program: system load from the bundled fuel mix of the run's own year
        ScenarioInputs summer = InputResolver.resolve(
                DEFAULT.withPeriod(period("2024-07-01T05:00:00Z", "2024-07-08T05:00:00Z", Duration.ofHours(1))),
                Path.of("."));
        assertThat(summer.market().systemLoadMw()).isPresent();
        assertThat(summer.market().systemLoadMw().get().grid().step()).isEqualTo(Duration.ofMinutes(15));
        // a winter period has no 4CP month: no load is needed, even in a year the fuel mix does not cover
        ScenarioInputs winter = InputResolver.resolve(
                DEFAULT.withPeriod(period("2025-01-01T06:00:00Z", "2025-01-08T06:00:00Z", Duration.ofHours(1))),
                Path.of("."));
        assertThat(winter.market().systemLoadMw()).isEmpty();
        // a 2025 summer is refused at its field: the bundled fuel mix covers 2023 and 2024
        assertThatThrownBy(() -> InputResolver.resolve(
                        DEFAULT.withPeriod(period("2025-07-01T05:00:00Z", "2025-07-02T05:00:00Z", Duration.ofHours(1))),
                        Path.of(".")))
                .isInstanceOf(io.minerai.core.validation.ValidationException.class)
                .hasMessageContaining(
                        "markets.coincidentPeak.peakSource.year: the bundled fuel mix covers 2023 and 2024");
    }

    private static Generator solarFrom(int year) {
        Generator g = DEFAULT.site().generators().get(0);
        return new Generator(
                g.name(), g.kind(), g.nameplateMw(), new ProfileSource.ErcotFuelShape("Solar", 0.85, year));
    }

    private static Period period(String start, String end, Duration step) {
        return new Period(Instant.parse(start), Instant.parse(end), step);
    }

    /** The default scenario (2024, hourly, HB_WEST RTM) resolves with the source's known gaps and nothing else. */
    @Test
    void defaultScenarioResolvesOnRealData() {
        ScenarioInputs in = InputResolver.resolve(DEFAULT, HERE);
        assertThat(in.grid().count()).isEqualTo(8784);
        // 8,614 of 8,784 operating-day hours have prices (see ErcotHourlyPricesTest).
        assertThat(in.priceUsdPerMwh().missingCount()).isEqualTo(170);
        assertThat(in.dayAheadPriceUsdPerMwh()).isPresent();
        assertThat(in.btcPerThDay().missingCount()).isZero();
        assertThat(in.btcPriceUsd().missingCount()).isZero();
        assertThat(in.generatorCapacityFactor())
                .hasSize(DEFAULT.site().generators().size());
        assertThat(in.generatorCapacityFactor().get(0).missingCount()).isZero();
        assertThat(in.ancillaryPricesUsdPerMwH()).containsOnlyKeys("REGDN", "REGUP", "RRS", "NSPIN", "ECRS");
        assertThat(in.bitcoinDays()).containsKeys(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1));
        GapReport r = GapReport.of(in);
        assertThat(r.isComplete()).isFalse();
        String text = r.format(3);
        assertThat(text)
                .contains("Data gaps (8784 intervals")
                .contains("price ")
                .contains("170 missing (1.94 %)")
                .contains("2024-03-10T07:00:00Z .. 2024-03-17T08:00:00Z (169 intervals)")
                .contains("btcPerThDay")
                .contains("complete");
    }

    @Test
    void unknownSettlementPointListsTheKnownOnes() {
        Scenario s = with(DEFAULT.period(), DEFAULT.prices(), DEFAULT.bitcoin(), "HB_NOWHERE");
        assertThatThrownBy(() -> InputResolver.resolve(s, HERE))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::path)
                                .containsExactly("site.grid.settlementPoint"))
                .hasMessageContaining(
                        "unknown settlement point HB_NOWHERE for the bundled ERCOT prices; known: HB_WEST,"
                                + " LZ_WEST");
    }

    @Test
    void aPeriodOutsideEveryDatasetGivesOneProblemPerSource() {
        // the default solar profile takes its shape from 2024 explicitly; with year 0 (the run's own year) a 2030
        // period is outside the bundled fuel mix too
        List<Generator> ownYear = DEFAULT.site().generators().stream()
                .map(g -> new Generator(
                        g.name(), g.kind(), g.nameplateMw(), new ProfileSource.ErcotFuelShape("Solar", 0.85, 0)))
                .toList();
        Scenario s = with(
                period("2030-01-01T00:00:00Z", "2030-01-02T00:00:00Z", Duration.ofHours(1)),
                DEFAULT.prices(),
                DEFAULT.bitcoin(),
                "HB_WEST",
                ownYear);
        assertThatThrownBy(() -> InputResolver.resolve(s, HERE))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::path)
                                .containsExactly("period", "period", "site.generators[0].profile"))
                .hasMessageContaining("entirely outside the bundled ERCOT prices (coverage 2024-01-01T06:00:00Z .."
                        + " 2026-03-18T05:00:00Z)")
                .hasMessageContaining("entirely outside the Bitcoin data")
                .hasMessageContaining("2024-01-01..2025-12-30");
    }

    @Test
    void missingFilesNameTheirAbsolutePath(@TempDir Path dir) {
        Scenario s = with(
                DEFAULT.period(),
                new PriceSource.ErcotSppCsv("prices/spp.csv"),
                new BitcoinSource.CoinMetricsCsv("btc.csv"),
                "HB_WEST");
        assertThatThrownBy(() -> InputResolver.resolve(s, dir))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        new Problem(
                                                "prices.path",
                                                "file not found: "
                                                        + dir.resolve("prices/spp.csv")
                                                                .toAbsolutePath()),
                                        new Problem(
                                                "bitcoin.path",
                                                "file not found: "
                                                        + dir.resolve("btc.csv").toAbsolutePath())));
    }

    @Test
    void partialOverlapGivesMissingIntervalsNotErrors() {
        Scenario s = with(
                period("2025-12-29T00:00:00Z", "2026-01-01T00:00:00Z", Duration.ofHours(6)),
                DEFAULT.prices(),
                DEFAULT.bitcoin(),
                "LZ_WEST",
                List.of(solarFrom(2024)));
        ScenarioInputs in = InputResolver.resolve(s, HERE);
        // Bitcoin: 2025-12-29 present, 2025-12-30 empty row, 2025-12-31 beyond the data.
        assertThat(in.btcPriceUsd().missingCount()).isEqualTo(8);
        assertThat(in.priceUsdPerMwh().missingCount()).isZero();
        // The solar shape of 2024 mapped onto late December 2025: complete.
        assertThat(in.generatorCapacityFactor().get(0).missingCount()).isZero();
        assertThat(in.generatorCapacityFactor().get(0).name()).isEqualTo("capacity factor solar");
    }

    @Test
    void sppReportSourceWithRealRows(@TempDir Path dir) throws IOException {
        try (InputStream r = Objects.requireNonNull(
                getClass().getResourceAsStream("/io/minerai/data/ercot/spp_real_rows_2025-07-30.csv"))) {
            Files.copy(r, dir.resolve("spp.csv"));
        }
        Scenario s = with(
                period("2025-07-30T13:00:00Z", "2025-07-30T14:00:00Z", Duration.ofMinutes(15)),
                new PriceSource.ErcotSppCsv("spp.csv"),
                DEFAULT.bitcoin(),
                "7RNCHSLR_ALL",
                List.of());
        ScenarioInputs in = InputResolver.resolve(s, dir);
        TimeSeries p = in.priceUsdPerMwh();
        assertThat(p.isMissing(0)).isTrue();
        assertThat(p.value(2)).isEqualTo(19.27);
        assertThat(p.missingCount()).isEqualTo(3);
        assertThat(in.dayAheadPriceUsdPerMwh()).isEmpty();
        assertThat(in.ancillaryPricesUsdPerMwH()).hasSize(5);
        assertThat(GapReport.of(in).entries())
                .extracting(GapReport.Entry::input)
                .startsWith("price", "btcPerThDay", "btcPriceUsd");
    }

    @Test
    void malformedUserFilesReportTheirOwnLines(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("p.csv"), "time,priceUsdPerMwh\n2024-01-01T00:00:00Z,10\n2024-01-01T01:00,x\n");
        Scenario s = with(
                period("2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z", Duration.ofHours(1)),
                new PriceSource.Csv("p.csv", "time", "priceUsdPerMwh"),
                DEFAULT.bitcoin(),
                "HB_WEST");
        assertThatThrownBy(() -> InputResolver.resolve(s, dir))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::path)
                                .isEqualTo(List.of("p.csv:3:time", "p.csv:3:priceUsdPerMwh")));
    }

    /** A file with 105,408 bad rows: the message gives the true count, not the 100 listed plus one (issue 13). */
    @Test
    void aHugeBadFileReportsTheTrueNumberOfProblems(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("time,priceUsdPerMwh\n");
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < 105_408; i++) {
            csv.append(t.plusSeconds(300L * i)).append(",x\n");
        }
        Files.writeString(dir.resolve("p.csv"), csv);
        Scenario s = with(
                period("2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z", Duration.ofHours(1)),
                new PriceSource.Csv("p.csv", "time", "priceUsdPerMwh"),
                DEFAULT.bitcoin(),
                "HB_WEST");
        assertThatThrownBy(() -> InputResolver.resolve(s, dir))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.total()).isEqualTo(105_408);
                    assertThat(e.problems()).hasSize(100).allMatch(p -> p.path().startsWith("p.csv:"));
                    assertThat(e.omitted()).isEqualTo(105_308);
                })
                .hasMessageContaining("has 105,408 problems (the first 100 are listed):")
                .hasMessageEndingWith("... and 105,308 more problems");
    }
}
