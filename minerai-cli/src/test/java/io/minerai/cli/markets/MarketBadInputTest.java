package io.minerai.cli.markets;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad market input is refused before any work, with the field path and exit code 2. */
class MarketBadInputTest {
    private static final String SITE = """
            site:
              name: s
              grid: {settlementPoint: VIC1, importCapMw: 5, exportAllowed: false}
              colocationLeases:
                - {name: t, tenant: t, criticalItMw: 1, priceUsdPerKwMonth: 100, pue: 1.0, loadFactor: 1.0,
                   energyPassThrough: false}
            """;

    private static CliRunner.Result validate(Path dir, String yaml) throws Exception {
        Files.writeString(dir.resolve("prices.csv"), "time,price\n2025-01-01T00:00:00+10:00,50\n");
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, yaml + SITE);
        return CliRunner.run("validate", f.toString());
    }

    private static String market(String pricesFields, String extra) {
        return """
                name: bad
                period: {start: 2025-01-01T00:00:00+10:00, end: 2025-01-02T00:00:00+10:00, step: 5m}
                prices: {source: market}
                market:
                  pack: nem
                  data:
                    prices: {source: csv, path: prices.csv, timeColumn: time, valueColumn: price, %s}
                  fx: {source: constant, usdPerUnit: 0.65}
                %s
                """.formatted(pricesFields, extra);
    }

    @Test
    void aPriceFileWithoutACurrencyInANonUsdMarketIsRefused(@TempDir Path dir) throws Exception {
        CliRunner.Result r = validate(dir, market("zone: '+10:00', convention: ending, step: 5m", ""));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .contains("market.data.prices.currency: is required: the Australian NEM publishes prices in AUD");
    }

    @Test
    void anUnknownTimeZoneIsRefused(@TempDir Path dir) throws Exception {
        CliRunner.Result r =
                validate(dir, market("currency: AUD, zone: Australia/Nowhere, convention: ending, step: 5m", ""));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("market.data.prices.zone");
    }

    @Test
    void aStepThatDoesNotMatchTheMarketsSettlementStepIsRefused(@TempDir Path dir) throws Exception {
        CliRunner.Result r = validate(dir, market("currency: AUD, zone: '+10:00', convention: ending, step: 30m", ""));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("market.data.prices.step: is 30m but the Australian NEM settles every 5 minutes");
    }

    @Test
    void aProgramOutsideItsDatesIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("s.yaml"), """
                name: early
                period: {start: 2024-07-01T00:00:00-05:00, end: 2024-07-02T00:00:00-05:00, step: 1h}
                markets:
                  demandReduction:
                    firmServiceLevelMw: 1
                    availabilityUsdPerMwHour: 5
                    penaltyUsdPerMwh: 1000
                    events: {source: price-at-least, thresholdUsdPerMwh: 1000}
                """ + SITE.replace("VIC1", "HB_WEST"));
        CliRunner.Result r = CliRunner.run("validate", dir.resolve("s.yaml").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .contains("markets.demandReduction: SB 6 demand-reduction service for loads of 75 MW and more is in"
                        + " force from 2025-06-20, outside the whole period");
    }

    @Test
    void aNonUsdMarketWithoutAnExchangeRateIsRefused(@TempDir Path dir) throws Exception {
        String yaml = market("currency: AUD, zone: '+10:00', convention: ending, step: 5m", "")
                .replace("  fx: {source: constant, usdPerUnit: 0.65}\n", "");
        CliRunner.Result r = validate(dir, yaml);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("market.fx: is required: the Australian NEM publishes prices in AUD");
    }

    @Test
    void aProgramOfAnotherMarketIsRefused(@TempDir Path dir) throws Exception {
        CliRunner.Result r = validate(
                dir,
                market(
                        "currency: AUD, zone: '+10:00', convention: ending, step: 5m",
                        "markets:\n  capacityObligation:\n    lda: RTO\n"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("markets.capacityObligation: is not a program of the Australian NEM");
    }
}
