package io.minerai.cli.markets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minerai.cli.CliRunner;
import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.Scenario;
import io.minerai.core.scenario.ScenarioReader;
import io.minerai.data.resolve.InputResolver;
import io.minerai.dispatch.DispatchResult;
import io.minerai.dispatch.ledger.Ledger;
import io.minerai.optimize.ScenarioSettlement;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Market packs end to end, as a user runs them: scenario files with a market section, publishers' files read as
 * published, programs settled by the pack. Hand-computed cases use tiny synthetic files (labelled); the golden-style
 * cases use the bundled real data.
 */
class MarketPacksTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A firm 1 MW colocation tenant (IT 1 MW, PUE 1): the site imports exactly 1 MW in every interval. */
    private static final String FLAT_SITE = """
            site:
              name: flat
              grid: {settlementPoint: NODE, importCapMw: 5, exportAllowed: false}
              colocationLeases:
                - {name: tenant, tenant: t, criticalItMw: 1, priceUsdPerKwMonth: 0, pue: 1.0, loadFactor: 1.0,
                   energyPassThrough: false}
            """;

    private static DispatchResult run(Path dir, String file) {
        Scenario s = ScenarioReader.read(dir.resolve(file));
        ScenarioInputs in = InputResolver.resolve(s, dir);
        return ScenarioSettlement.meritOrder(s, in, dir);
    }

    @Test
    void nemIntervalEndingStampsAndFxAreHandComputed(@TempDir Path dir) throws Exception {
        // two AEMO rows (synthetic values, AEMO's published layout): SETTLEMENTDATE is the END of the interval in NEM
        // time (UTC+10), so 2025/01/01 00:05 is the interval 2024-12-31T14:00Z .. 14:05Z
        Files.writeString(
                dir.resolve("PRICE_AND_DEMAND_202501_VIC1.csv"),
                "REGION,SETTLEMENTDATE,TOTALDEMAND,RRP,PERIODTYPE\r\n"
                        + "VIC1,2025/01/01 00:05:00,4000,120.00,TRADE\r\n"
                        + "VIC1,2025/01/01 00:10:00,4100,-60.00,TRADE\r\n");
        Files.writeString(dir.resolve("s.yaml"), """
                name: nem-two-intervals
                period: {start: 2025-01-01T00:00:00+10:00, end: 2025-01-01T00:10:00+10:00, step: 5m}
                prices: {source: market}
                market:
                  pack: nem
                  node: VIC1
                  data:
                    prices: {source: publisher-file, path: PRICE_AND_DEMAND_202501_VIC1.csv, format: aemo-price-and-demand}
                  fx: {source: constant, usdPerUnit: 0.65}
                """ + FLAT_SITE.replace("NODE", "VIC1"));
        DispatchResult r = run(dir, "s.yaml");
        Ledger l = r.ledger();
        assertThat(l.grid().startUtc()).hasToString("2024-12-31T14:00:00Z");
        assertThat(l.size()).isEqualTo(2);
        // interval 0: 1 MW x 1/12 h x 120 AUD = 10 AUD = 6.50 USD paid; interval 1: -60 AUD/MWh is a credit of 5 AUD
        double[] power = l.amountsOrZero("power_cost");
        assertThat(power[0]).isCloseTo(-6.5, within(1e-9));
        assertThat(power[1]).isCloseTo(3.25, within(1e-9));
        assertThat(l.valuesOrZero("price_usd_per_mwh")).containsExactly(78.0, -39.0);
        var stream = r.summary().streams().stream()
                .filter(s -> s.id().equals("power_cost"))
                .findFirst()
                .orElseThrow();
        assertThat(stream.totalUsd()).isCloseTo(-3.25, within(1e-9));
        assertThat(stream.totalMarketCurrency()).isCloseTo(-5.0, within(1e-9));
        assertThat(r.summary().run().marketCurrency()).isEqualTo("AUD");
    }

    /**
     * NEM FCAS from a user price file (none is shared; the values here are synthetic, labelled): a 1 MW miner fleet,
     * worth more than power in both intervals, runs and offers its 1 MW as RAISE6SEC; the optimiser holds the offer in
     * both 5-minute intervals. Revenue: 1 MW x 120 AUD/MW-h x 1/12 h x 2 = 20 AUD = 13.00 USD at 0.65.
     */
    @Test
    void nemFcasFromAUserPriceFileIsHandComputed(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("PRICE_AND_DEMAND_202501_VIC1.csv"),
                "REGION,SETTLEMENTDATE,TOTALDEMAND,RRP,PERIODTYPE\r\n"
                        + "VIC1,2025/01/01 00:05:00,4000,20.00,TRADE\r\n"
                        + "VIC1,2025/01/01 00:10:00,4100,20.00,TRADE\r\n");
        // interval-starting stamps in NEM time, AUD per MW per hour
        Files.writeString(
                dir.resolve("raise6sec.csv"),
                "time,price\n2025-01-01T00:00:00+10:00,120\n2025-01-01T00:05:00+10:00,120\n");
        Files.writeString(dir.resolve("s.yaml"), """
                name: nem-fcas
                period: {start: 2025-01-01T00:00:00+10:00, end: 2025-01-01T00:10:00+10:00, step: 5m}
                prices: {source: market}
                bitcoin: {source: coinmetrics-bundled}
                market:
                  pack: nem
                  node: VIC1
                  data:
                    prices: {source: publisher-file, path: PRICE_AND_DEMAND_202501_VIC1.csv, format: aemo-price-and-demand}
                    ancillaryPrices:
                      - product: RAISE6SEC
                        prices: {source: csv, path: raise6sec.csv, timeColumn: time, valueColumn: price, currency: AUD,
                                 zone: "+10:00", convention: starting, step: 5m}
                  fx: {source: constant, usdPerUnit: 0.65}
                markets:
                  ancillary: {offerRrs: false, offerEcrs: false, offerNonSpin: false, otherProducts: RAISE6SEC}
                site:
                  name: fcas
                  grid: {settlementPoint: VIC1, importCapMw: 5, exportAllowed: false}
                  minerFleets:
                    - {name: m, model: S19, unitCount: 200, unitHashrateThPerS: 200, unitPowerW: 5000, pue: 1.0}
                """);
        CliRunner.Result res = CliRunner.run(
                "optimize",
                dir.resolve("s.yaml").toString(),
                "--format",
                "json",
                "--out",
                dir.resolve("out").toString());
        assertThat(res.exitCode()).as(res.err()).isZero();
        JsonNode n = JSON.readTree(res.out()).get("summary");
        JsonNode ancillary = stream(n, "ancillary");
        assertThat(ancillary.get("totalUsd").asDouble()).isCloseTo(13.0, within(1e-6));
        assertThat(ancillary.get("totalAud").asDouble()).isCloseTo(20.0, within(1e-6));
        assertThat(n.get("run").get("marketCurrency").asText()).isEqualTo("AUD");
    }

    @Test
    void theSharedAemoVictoria2025FileBacktestsThroughTheNemPack() throws Exception {
        // the bundled example, as published by AEMO: 105,120 five-minute intervals; only the UTC day after the Coin
        // Metrics data (2025-12-31) is skipped, for Bitcoin data
        CliRunner.Result res = CliRunner.run(
                "backtest",
                "../docs/examples/nem-victoria-2025.yaml",
                "--format",
                "json",
                "--out",
                "target/nem-example");
        assertThat(res.exitCode()).as(res.err()).isZero();
        JsonNode n = JSON.readTree(res.out());
        assertThat(n.get("intervals").asInt()).isEqualTo(105_120);
        assertThat(n.get("missingPriceIntervals").asInt()).isZero();
        assertThat(n.get("run").get("marketCurrency").asText()).isEqualTo("AUD");
        JsonNode power = JSON.createObjectNode();
        for (JsonNode s : n.get("streams")) {
            if (s.get("id").asText().equals("power_cost")) {
                power = s;
            }
        }
        assertThat(power.has("totalUsd")).as("the power cost stream").isTrue();
        // the USD total is the AUD total at the stated constant 0.65
        assertThat(power.get("totalUsd").asDouble())
                .isCloseTo(
                        0.65 * power.get("totalAud").asDouble(),
                        within(1e-6 * Math.abs(power.get("totalUsd").asDouble())));
        assertThat(n.get("powerCostUsd").asDouble())
                .isCloseTo(-power.get("totalUsd").asDouble(), within(1e-6));
    }

    /**
     * The bundled post-RTC+B ERCOT prices (from 2025-12-05) run through the ERCOT pack's RTC+B rules: the optimiser
     * holds reserves as a Controllable Load Resource, paid at the bundled day-ahead MCPCs, and the SB 6 service pays for
     * its committed MW; no real-time AS price series is public, so no deviation is priced.
     */
    @Test
    void theBundledPostRtcbPricesRunThroughTheRtcbPack() throws Exception {
        CliRunner.Result res = CliRunner.run(
                "optimize",
                "../docs/examples/ercot-rtcb-2025-26.yaml",
                "--format",
                "json",
                "--out",
                "target/rtcb-example");
        assertThat(res.exitCode()).as(res.err()).isZero();
        JsonNode n = JSON.readTree(res.out()).get("summary");
        assertThat(n.get("intervals").asInt()).isEqualTo(594); // 2025-12-05 06:00Z .. 2025-12-30 00:00Z, hourly
        assertThat(n.get("missingPriceIntervals").asInt()).isZero();
        assertThat(n.get("missingIntervals").asInt()).isZero();
        JsonNode programs = n.get("programs");
        assertThat(programs.has("ercot-rtc-b")).as(programs.toString()).isTrue();
        assertThat(programs.get("ercot-rtc-b").get("unpricedDeviationMwh").asDouble())
                .isZero();
        assertThat(programs.get("ercot-sb6-demand-reduction").get("committedMw").asDouble())
                .isEqualTo(35.0);
        double ancillary = stream(n, "ancillary").get("totalUsd").asDouble();
        assertThat(ancillary).isPositive();
        assertThat(n.get("revenueAncillaryUsd").asDouble()).isCloseTo(ancillary, within(1e-6));
        // SB 6 availability: 35 MW committed x $8/MW-h x 594 hours in force
        assertThat(stream(n, "demand_reduction_availability").get("totalUsd").asDouble())
                .isCloseTo(35 * 8 * 594.0, within(1e-6));
    }

    /** Every bundled example validates and backtests, one per market pack. */
    @Test
    void everyBundledExampleBacktests() throws Exception {
        try (var files = Files.list(Path.of("../docs/examples"))) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                CliRunner.Result v = CliRunner.run("validate", f.toString());
                assertThat(v.exitCode()).as(f + ": " + v.err()).isZero();
                CliRunner.Result res = CliRunner.run(
                        "backtest", f.toString(), "--format", "json", "--out", "target/examples/" + f.getFileName());
                assertThat(res.exitCode()).as(f + ": " + res.err()).isZero();
                JsonNode n = JSON.readTree(res.out());
                // real data has gaps (ERCOT 2024 has 170 hours without a price): they are reported, never most of a run
                assertThat(n.get("missingPriceIntervals").asInt())
                        .as(f.toString())
                        .isLessThan(n.get("intervals").asInt() / 20);
                double streams = 0;
                for (JsonNode st : n.get("streams")) {
                    streams += st.get("totalUsd").asDouble();
                }
                assertThat(n.get("netUsd").asDouble())
                        .as(f.toString())
                        .isCloseTo(streams, within(1e-6 * (1 + Math.abs(streams))));
            }
        }
    }

    private static JsonNode stream(JsonNode summary, String id) {
        for (JsonNode s : summary.get("streams")) {
            if (s.get("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no stream " + id + " in " + summary.get("streams"));
    }

    @Test
    void pjmCapacityObligationFromFivePeakHoursIsHandComputed(@TempDir Path dir) throws Exception {
        // the bundled PJM Western Hub real-time LMPs; five listed peak hours in summer 2025 set the PLC for delivery
        // year
        // 2026/27 at the RTO clearing price $329.17/MW-day (the cap), 365 days: 1 MW x 329.17 x 365 = $120,147.05
        Files.writeString(dir.resolve("s.yaml"), """
                name: pjm-plc
                period: {start: 2025-06-01T00:00:00-04:00, end: 2025-08-01T00:00:00-04:00, step: 1h}
                prices: {source: market}
                market:
                  pack: pjm
                  node: WESTERN HUB
                  data:
                    prices: {source: bundled, dataset: pjm-hub-lmp-2025-summer}
                markets:
                  capacityObligation:
                    lda: RTO
                    peakHours:
                      - start: 2025-06-23T21:00:00Z
                      - start: 2025-06-24T21:00:00Z
                      - start: 2025-06-25T20:00:00Z
                      - start: 2025-07-28T22:00:00Z
                      - start: 2025-07-29T21:00:00Z
                """ + FLAT_SITE.replace("NODE", "WESTERN HUB"));
        DispatchResult r = run(dir, "s.yaml");
        assertThat(r.summary().streamTotalUsd("capacity_obligation_dy2026")).isCloseTo(-120_147.05, within(1e-6));
        assertThat(r.summary().programFact("pjm-capacity-dy2026", "plcMw")).isCloseTo(1.0, within(1e-12));
        // the whole two months settle on real LMPs: no price gaps in the shared file
        assertThat(r.summary().gaps().missingPriceIntervals()).isZero();
        // each peak hour carries a fifth of the charge
        Ledger l = r.ledger();
        double[] cap = l.amountsOrZero("capacity_obligation_dy2026");
        int peaks = 0;
        for (double v : cap) {
            if (v != 0) {
                peaks++;
                assertThat(v).isCloseTo(-120_147.05 / 5, within(1e-6));
            }
        }
        assertThat(peaks).isEqualTo(5);
    }

    @Test
    void theSharedPjmSummerLmpsBacktest() throws Exception {
        CliRunner.Result res = CliRunner.run(
                "backtest",
                "../docs/examples/pjm-dominion-2025-summer.yaml",
                "--format",
                "json",
                "--out",
                "target/pjm-example");
        assertThat(res.exitCode()).as(res.err()).isZero();
        JsonNode n = JSON.readTree(res.out());
        assertThat(n.get("intervals").asInt()).isEqualTo(2208);
        assertThat(n.get("missingIntervals").asInt()).isZero();
        assertThat(n.get("programs").has("pjm-capacity-dy2026")).isTrue();
    }
}
