package io.minerai.data.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.market.IntervalConvention;
import io.minerai.core.market.MarketDataRequest;
import io.minerai.core.market.MarketDataSource;
import io.minerai.core.market.MarketProduct;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketDataResolverTest {
    private static final Path HERE = Path.of(".");
    private static final MarketDataSource VIC = new MarketDataSource.Bundled("aemo-vic1-2025");

    @Test
    void bundled_aemo_price_on_an_hourly_grid_with_currency_clock_and_coverage() {
        // the first hour of 2025 in NEM time = 2024-12-31T14:00Z; the grid starts one hour before the data
        TimeGrid grid = new TimeGrid(Instant.parse("2024-12-31T13:00:00Z"), Duration.ofHours(1), 3);
        ResolvedMarketSeries r = MarketDataResolver.resolve(
                "market.data.prices",
                MarketDataRequest.of(VIC, "vic1", MarketProduct.REAL_TIME_ENERGY_PRICE),
                grid,
                HERE);
        assertThat(r.node()).isEqualTo("VIC1");
        assertThat(r.currency()).contains(java.util.Currency.getInstance("AUD"));
        assertThat(r.unit()).isEqualTo("AUD/MWh");
        assertThat(r.sourceClock().zone()).isEqualTo(ZoneOffset.ofHours(10));
        assertThat(r.sourceClock().convention()).isEqualTo(IntervalConvention.ENDING);
        assertThat(r.attribution()).contains("Source: AEMO");
        assertThat(r.series().isMissing(0)).as("before the data").isTrue();
        // mean of the first 12 RRPs of the file (lines 2..13): (130 + 125.50 + 129.02 + 116.97 + 116.50 + 119.44
        // + 110.18 + 118.58 + 119.08 + 117.29 + 130 + 119.10) / 12 = 1451.66 / 12
        assertThat(r.series().value(1)).isCloseTo(1451.66 / 12, within(1e-9));
        assertThat(r.coverage().missing()).isEqualTo(1);
        assertThat(r.coverage().gaps()).hasSize(1);
        assertThat(r.coverage().data().orElseThrow().startUtc()).isEqualTo(Instant.parse("2024-12-31T14:00:00Z"));
        assertThat(r.coverage().summary()).startsWith("3 intervals, 1 missing (33.33 %) in 1 gap; data ");
    }

    @Test
    void bundled_aemo_demand_is_the_system_load_in_mw() {
        TimeGrid grid = new TimeGrid(Instant.parse("2024-12-31T14:00:00Z"), Duration.ofMinutes(5), 2);
        ResolvedMarketSeries r = MarketDataResolver.resolve(
                "market.data.load",
                new MarketDataRequest(VIC, Optional.empty(), MarketProduct.SYSTEM_LOAD),
                grid,
                HERE);
        assertThat(r.series().copyValues()).containsExactly(4339, 4310.79);
        assertThat(r.unit()).isEqualTo("MW");
        assertThat(r.currency()).isEmpty();
    }

    @Test
    void every_problem_names_its_field() {
        TimeGrid grid = new TimeGrid(Instant.parse("2025-06-01T00:00:00Z"), Duration.ofHours(1), 24);
        assertThatThrownBy(() -> MarketDataResolver.resolve(
                        "market.data.prices",
                        MarketDataRequest.of(
                                new MarketDataSource.Bundled("aemo-vic9"), "", MarketProduct.REAL_TIME_ENERGY_PRICE),
                        grid,
                        HERE))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::path)
                                .containsExactly("market.data.prices.dataset"))
                .hasMessageContaining("unknown bundled dataset 'aemo-vic9'; bundled: aemo-vic1-2025");
        assertThatThrownBy(() -> MarketDataResolver.resolve(
                        "market.data.prices",
                        MarketDataRequest.of(VIC, "SA1", MarketProduct.DAY_AHEAD_ENERGY_PRICE),
                        grid,
                        HERE))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::toString)
                                .containsExactly(
                                        "market.data.prices.node: unknown node 'SA1' for bundled aemo-vic1-2025; it has VIC1",
                                        "market.data.prices.product: bundled aemo-vic1-2025 has no day-ahead-price; it has"
                                                + " real-time-price, system-load"));
        TimeGrid y2024 = new TimeGrid(Instant.parse("2024-06-01T00:00:00Z"), Duration.ofHours(1), 24);
        assertThatThrownBy(() -> MarketDataResolver.resolve(
                        "market.data.prices",
                        MarketDataRequest.of(VIC, "VIC1", MarketProduct.REAL_TIME_ENERGY_PRICE),
                        y2024,
                        HERE))
                .hasMessageContaining(
                        "market.data.prices: the run's period 2024-06-01T00:00:00Z .. 2024-06-02T00:00:00Z"
                                + " is entirely outside bundled aemo-vic1-2025 (2024-12-31T14:00:00Z .. 2025-12-31T14:00:00Z)");
    }

    @Test
    void a_users_aemo_file_in_its_published_format(@TempDir Path dir) throws Exception {
        // synthetic values in AEMO's layout
        Files.writeString(
                dir.resolve("PRICE_AND_DEMAND_202507_SA1.csv"),
                "REGION,SETTLEMENTDATE,TOTALDEMAND,RRP,PERIODTYPE\n"
                        + "SA1,2025/07/01 00:05:00,1500,100,TRADE\n"
                        + "SA1,2025/07/01 00:10:00,1510,-40,TRADE\n",
                StandardCharsets.UTF_8);
        TimeGrid grid = new TimeGrid(Instant.parse("2025-06-30T14:00:00Z"), Duration.ofMinutes(10), 1);
        ResolvedMarketSeries r = MarketDataResolver.resolve(
                "market.data.prices",
                MarketDataRequest.of(
                        new MarketDataSource.PublisherFile("PRICE_AND_DEMAND_202507_SA1.csv", "aemo-price-and-demand"),
                        "",
                        MarketProduct.REAL_TIME_ENERGY_PRICE),
                grid,
                dir);
        assertThat(r.series().value(0)).isEqualTo(30);
        assertThat(r.source()).isEqualTo("PRICE_AND_DEMAND_202507_SA1.csv");
        assertThatThrownBy(() -> MarketDataResolver.resolve(
                        "market.data.prices",
                        MarketDataRequest.of(
                                new MarketDataSource.PublisherFile("x.csv", "aemo"),
                                "",
                                MarketProduct.REAL_TIME_ENERGY_PRICE),
                        grid,
                        dir))
                .hasMessageContaining("market.data.prices.format: unknown format 'aemo'; known: aemo-price-and-demand");
    }

    @Test
    void bundled_european_day_ahead_in_eur_with_attribution_and_upstream_flags() {
        TimeGrid aroundSwitch = new TimeGrid(Instant.parse("2025-09-30T21:00:00Z"), Duration.ofHours(1), 2);
        ResolvedMarketSeries de = MarketDataResolver.resolve(
                "market.data.prices",
                MarketDataRequest.of(
                        new MarketDataSource.Bundled("de-lu-dayahead"), "de-lu", MarketProduct.DAY_AHEAD_ENERGY_PRICE),
                aroundSwitch,
                HERE);
        // 21:00Z is the last hourly MTU (92.54); 22:00Z averages the first four quarter hours: 366.26 / 4
        assertThat(de.series().value(0)).isEqualTo(92.54);
        assertThat(de.series().value(1)).isCloseTo(91.565, within(1e-12));
        assertThat(de.currency()).contains(java.util.Currency.getInstance("EUR"));
        assertThat(de.attribution()).contains("CC BY 4.0 — Bundesnetzagentur | SMARD.de");
        assertThat(de.sourceClock().zone()).isEqualTo(ZoneOffset.UTC);

        TimeGrid april7 = new TimeGrid(Instant.parse("2024-04-07T00:00:00Z"), Duration.ofHours(1), 24);
        ResolvedMarketSeries no2 = MarketDataResolver.resolve(
                "market.data.prices",
                new MarketDataRequest(
                        new MarketDataSource.Bundled("no2-dayahead-2024"),
                        Optional.empty(),
                        MarketProduct.DAY_AHEAD_ENERGY_PRICE),
                april7,
                HERE);
        assertThat(no2.node()).isEqualTo("NO2");
        assertThat(no2.coverage().missing()).isEqualTo(3);
        assertThat(no2.coverage().notes()).anySatisfy(n -> assertThat(n).startsWith("46 hours flagged"));
        assertThat(no2.attribution()).contains("ENTSO-E");
    }

    @Test
    void bundled_nsw1_hourly_via_openelectricity() {
        TimeGrid grid = new TimeGrid(Instant.parse("2024-12-31T14:00:00Z"), Duration.ofHours(1), 1);
        ResolvedMarketSeries r = MarketDataResolver.resolve(
                "market.data.prices",
                new MarketDataRequest(
                        new MarketDataSource.Bundled("aemo-nsw1-2025-hourly"),
                        Optional.empty(),
                        MarketProduct.REAL_TIME_ENERGY_PRICE),
                grid,
                HERE);
        // 55 minutes of the 00:00+10:00 value and 5 of the 01:00+10:00 value (lines 2 and 3 of the file)
        assertThat(r.series().value(0)).isCloseTo((124.35667 * 55 + 109.7075 * 5) / 60, within(1e-9));
        assertThat(r.unit()).isEqualTo("AUD/MWh");
        assertThat(r.attribution()).contains("OpenElectricity").contains("Source: AEMO");
    }

    @Test
    void a_day_ahead_file_without_a_node_takes_the_declared_one(@TempDir Path dir) throws Exception {
        // synthetic prices in the Energy-Charts layout (a user's own export of another bidding zone)
        Files.writeString(
                dir.resolve("fr.csv"),
                "interval_start_utc,resolution_minutes,price_eur_per_mwh\n"
                        + "2025-10-01T00:00:00Z,15,10\n2025-10-01T00:15:00Z,15,20\n",
                StandardCharsets.UTF_8);
        ResolvedMarketSeries r = MarketDataResolver.resolve(
                "market.data.prices",
                MarketDataRequest.of(
                        new MarketDataSource.PublisherFile("fr.csv", "energy-charts-day-ahead"),
                        "FR",
                        MarketProduct.DAY_AHEAD_ENERGY_PRICE),
                new TimeGrid(Instant.parse("2025-10-01T00:00:00Z"), Duration.ofMinutes(30), 1),
                dir);
        assertThat(r.node()).isEqualTo("FR");
        assertThat(r.series().value(0)).isEqualTo(15);
        assertThat(r.coverage().notes()).contains("node FR as declared (the file names no node)");
    }

    @Test
    void bundled_pjm_lmps_by_pnode_id_and_capacity_prices_by_lda() {
        TimeGrid firstHours = new TimeGrid(Instant.parse("2025-05-01T04:00:00Z"), Duration.ofMinutes(30), 2);
        ResolvedMarketSeries rt = MarketDataResolver.resolve(
                "market.data.prices",
                MarketDataRequest.of(
                        new MarketDataSource.Bundled("pjm-hub-lmp-2025-summer"),
                        "51288",
                        MarketProduct.REAL_TIME_ENERGY_PRICE),
                firstHours,
                HERE);
        // WESTERN HUB RT, hour beginning 2025-05-01T04:00Z (00:00 EPT) = 24.784737; a 30-minute grid repeats it
        assertThat(rt.node()).isEqualTo("WESTERN HUB");
        assertThat(rt.series().copyValues()).containsExactly(24.784737, 24.784737);
        assertThat(rt.currency()).contains(java.util.Currency.getInstance("USD"));
        assertThat(rt.unit()).isEqualTo("USD/MWh");
        assertThatThrownBy(() -> MarketDataResolver.resolve(
                        "market.data.prices",
                        new MarketDataRequest(
                                new MarketDataSource.Bundled("pjm-hub-lmp-2025-summer"),
                                Optional.empty(),
                                MarketProduct.REAL_TIME_ENERGY_PRICE),
                        firstHours,
                        HERE))
                .hasMessageContaining("market.data.prices.node: bundled pjm-hub-lmp-2025-summer has several nodes;"
                        + " name one of DOMINION HUB, WESTERN HUB");

        ResolvedMarketSeries cap = MarketDataResolver.resolve(
                "market.data.capacity",
                MarketDataRequest.of(new MarketDataSource.Bundled("pjm-rpm-bra"), "DOM", MarketProduct.CAPACITY_PRICE),
                new TimeGrid(Instant.parse("2025-07-01T00:00:00Z"), Duration.ofDays(1), 1),
                HERE);
        assertThat(cap.series().value(0)).isEqualTo(444.26);
        assertThat(cap.unit()).isEqualTo("USD/MW-day");
        assertThat(cap.coverage().notes())
                .anySatisfy(n -> assertThat(n).startsWith("no price for DOM in 2023/2024, 2024/2025, 2026/2027"));
    }

    private static MarketDataSource.Csv csv(String currency, String zone, String step) {
        return new MarketDataSource.Csv(
                "prices.csv",
                "time",
                "price",
                currency.isEmpty() ? Optional.empty() : Optional.of(currency),
                zone,
                "ending",
                step,
                Optional.empty());
    }

    @Test
    void a_generic_csv_with_declared_currency_zone_convention_and_step(@TempDir Path dir) throws Exception {
        // synthetic: two 30-minute interval-ending prices in NEM time
        Files.writeString(
                dir.resolve("prices.csv"),
                "time,price\n2025-07-01 00:30,50\n2025-07-01 01:00,70\n",
                StandardCharsets.UTF_8);
        TimeGrid hour = new TimeGrid(Instant.parse("2025-06-30T14:00:00Z"), Duration.ofHours(1), 1);
        ResolvedMarketSeries r = MarketDataResolver.resolve(
                "market.data.prices",
                MarketDataRequest.of(csv("aud", "+10:00", "30m"), "", MarketProduct.REAL_TIME_ENERGY_PRICE),
                hour,
                dir);
        assertThat(r.series().value(0)).isEqualTo(60);
        assertThat(r.currency()).contains(java.util.Currency.getInstance("AUD"));
        assertThat(r.unit()).isEqualTo("AUD/MWh");
        assertThat(r.sourceClock().convention()).isEqualTo(IntervalConvention.ENDING);

        assertThatThrownBy(() -> MarketDataResolver.resolve(
                        "market.data.prices",
                        MarketDataRequest.of(csv("", "+10:00", "30m"), "", MarketProduct.REAL_TIME_ENERGY_PRICE),
                        hour,
                        dir))
                .hasMessageContaining("market.data.prices.currency: required for a real-time-price file: give its ISO"
                        + " 4217 code (e.g. AUD, EUR, USD); prices are never assumed to be in USD");
        assertThatThrownBy(() -> MarketDataResolver.resolve(
                        "market.data.prices",
                        MarketDataRequest.of(csv("AUX", "Australia/Melbourn", "30m"), "", MarketProduct.SYSTEM_LOAD),
                        hour,
                        dir))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::path)
                                .containsExactly("market.data.prices.currency", "market.data.prices.zone"));
        assertThatThrownBy(() -> MarketDataResolver.resolve(
                        "market.data.load",
                        MarketDataRequest.of(csv("AUD", "+10:00", "30m"), "", MarketProduct.SYSTEM_LOAD),
                        hour,
                        dir))
                .hasMessageContaining("market.data.load.currency: system-load is in MW and takes no currency, was AUD");
        assertThatThrownBy(() -> MarketDataResolver.resolve(
                        "market.data.prices",
                        MarketDataRequest.of(csv("AUD", "+10:00", "5m"), "", MarketProduct.REAL_TIME_ENERGY_PRICE),
                        hour,
                        dir))
                .hasMessageContaining("prices.csv:3:time: the rows are 30 min apart (1 of 1 steps), but the declared"
                        + " step is 5 min");
    }

    @Test
    void products_are_checked_per_node_and_reserve_prices_are_per_mw_hour(@TempDir Path dir) throws Exception {
        // synthetic OpenElectricity export: NSW1 has price and demand, QLD1 only price
        Files.writeString(
                dir.resolve("oe.csv"),
                "region,timestamp,metric,value,unit\n"
                        + "NSW1,2025-01-01 00:00:00+10:00,price,10,$/MWh\n"
                        + "NSW1,2025-01-01 00:00:00+10:00,demand,7000,MW\n"
                        + "QLD1,2025-01-01 00:00:00+10:00,price,20,$/MWh\n",
                StandardCharsets.UTF_8);
        TimeGrid grid = new TimeGrid(Instant.parse("2024-12-31T13:55:00Z"), Duration.ofMinutes(5), 12);
        MarketDataSource oe = new MarketDataSource.PublisherFile("oe.csv", "openelectricity");
        assertThat(MarketDataResolver.resolve(
                                "market.data.load",
                                MarketDataRequest.of(oe, "NSW1", MarketProduct.SYSTEM_LOAD),
                                grid,
                                dir)
                        .series()
                        .value(11))
                .isEqualTo(7000);
        assertThatThrownBy(() -> MarketDataResolver.resolve(
                        "market.data.load", MarketDataRequest.of(oe, "QLD1", MarketProduct.SYSTEM_LOAD), grid, dir))
                .hasMessageContaining(
                        "market.data.load.product: oe.csv has no system-load at QLD1; it has real-time-price");

        Files.writeString(
                dir.resolve("fcas.csv"), "time,price\n2025-01-01T00:00:00+10:00,3.5\n", StandardCharsets.UTF_8);
        ResolvedMarketSeries fcas = MarketDataResolver.resolve(
                "market.data.ancillaryPrices[0]",
                MarketDataRequest.of(
                        new MarketDataSource.Csv(
                                "fcas.csv",
                                "time",
                                "price",
                                Optional.of("AUD"),
                                "+10:00",
                                "starting",
                                "5m",
                                Optional.empty()),
                        "",
                        MarketProduct.RESERVE_PRICE),
                new TimeGrid(Instant.parse("2024-12-31T14:00:00Z"), Duration.ofMinutes(5), 1),
                dir);
        assertThat(fcas.unit()).isEqualTo("AUD/MW-h");
        assertThat(fcas.series().value(0)).isEqualTo(3.5);
    }
}
