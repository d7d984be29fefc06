package io.minerai.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The input-file cases of issue 13 on whole scenarios: each refusal located by its field path or line. */
class ScenarioInputFilesTest {
    private static final String SITE = """
            site:
              name: x
              grid: {settlementPoint: HB_WEST, importCapMw: 80}
              minerFleets:
                - {name: a, model: S21, unitCount: 1000, unitHashrateThPerS: 200, unitPowerW: 3500, pue: 1.1}
            """;

    private static Scenario parse(String yaml) {
        return ScenarioReader.parse(yaml, "scenario s.yaml");
    }

    @Test
    void aDuplicateKeyIsRefusedNotLastOneWins() {
        String yaml =
                "name: a\nperiod: {start: 2024-07-01T00:00:00Z, end: 2024-07-02T00:00:00Z}\n" + SITE + "  name: y\n";
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(new Problem(
                                        "site.name",
                                        "duplicate key: given on line 4 and again on line 8; give each key once")));
    }

    @Test
    void fractionalSecondsAreRefusedNotTruncated() {
        String yaml = "name: a\nperiod: {start: '2024-07-01T00:00:00.5Z', end: 2024-07-02T00:00:00Z}\n" + SITE;
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(new Problem(
                                        "period.start",
                                        "must be a whole second (a fraction would be cut off), was '2024-07-01T00:00:00.5Z';"
                                                + " write 2024-07-01T00:00:00Z if that is meant")));
        Scenario exact =
                parse("name: a\nperiod: {start: '2024-07-01T00:00:00.000Z', end: 2024-07-02T00:00:00Z}\n" + SITE);
        assertThat(exact.period().startUtc()).isEqualTo(Instant.parse("2024-07-01T00:00:00Z"));
    }

    @Test
    void aModelPeriodWithAFractionIsRefusedByTheValidator() {
        Scenario s = parse("name: a\nperiod: {start: 2024-07-01T00:00:00Z, end: 2024-07-02T00:00:00Z}\n" + SITE);
        Scenario moved = s.withPeriod(new Period(
                Instant.parse("2024-07-01T00:00:00.001Z"),
                s.period().endUtc(),
                s.period().step()));
        assertThat(ScenarioValidator.validate(moved).list())
                .containsExactly(new Problem("period.start", "must be a whole second, was 2024-07-01T00:00:00.001Z"));
    }

    private static final String PERIOD = "name: a\nperiod: {start: 2024-07-01T00:00:00Z, end: 2024-07-02T00:00:00Z}\n";

    /** Issue 13: an adder or price of 1e308 passed and the backtest printed "netUsd": null. */
    @Test
    void aPriceOrAdderNoMarketReachesIsAnError() {
        String yaml = PERIOD
                + SITE.replace("importCapMw: 80}", "importCapMw: 80, tariffAdders: [{name: t, usdPerMwh: 1e308}]}")
                + "  ppa: {quantityMw: 10, priceUsdPerMwh: -2e5}\n";
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        new Problem(
                                                "site.grid.tariffAdders[0].usdPerMwh",
                                                "must be -100000 .. 100000 $/MWh, was 1.0E308"),
                                        new Problem(
                                                "site.ppa.priceUsdPerMwh",
                                                "must be -100000 .. 100000 $/MWh, was -200000")));
    }

    @Test
    void everyNumberIsBoundedEvenWithoutARangeOfItsOwn() {
        String yaml = PERIOD + SITE + "sustainability: {market: {recsMwh: 1e13}}\n";
        assertThatThrownBy(() -> parse(yaml))
                .hasMessageContaining(
                        "sustainability.market.recsMwh: must be between -1e12 and 1e12 MWh (no quantity of"
                                + " a site is that large), was 10000000000000");
    }

    /** Issue 13: a 10^9-unit fleet behind an 80 MW cap was accepted without a word. Now: accepted, with warnings. */
    @Test
    void aFleetFarLargerThanTheSiteCanPowerIsWarnedAbout() {
        Scenario s = parse(PERIOD + SITE.replace("unitCount: 1000,", "unitCount: 1000000000,"));
        assertThat(ScenarioValidator.warnings(s))
                .containsExactly(
                        new Problem(
                                "site.minerFleets[0].unitCount",
                                "is 1000000000, unusually high (usually <= 1000000); check the value and its unit"),
                        new Problem(
                                "site.minerFleets[0]",
                                "draws 3850000.0 MW at full power, 48125 times what the import cap (80 MW) and on-site"
                                        + " generation (0 MW) can supply; most of it can never run (check unitCount and"
                                        + " unitPowerW)"));
    }

    @Test
    void unusualValuesAreWarningsNotErrors() {
        Scenario s = parse(PERIOD
                + SITE.replace("unitPowerW: 3500", "unitPowerW: 35")
                        .replace("unitHashrateThPerS: 200", "unitHashrateThPerS: 2"));
        assertThat(ScenarioValidator.warnings(s))
                .extracting(Problem::path)
                .containsExactly("site.minerFleets[0].unitPowerW");
        assertThat(ScenarioValidator.warnings(s).get(0).message())
                .isEqualTo("is 35 W, unusually low (usually 100 .. 20000); check the value and its unit");
    }

    @Test
    void theDefaultScenarioHasNoWarnings() {
        assertThat(ScenarioValidator.warnings(DefaultScenario.load())).isEmpty();
    }

    /** Found by the input fuzz test: an empty key had an empty path, and "1000000000000000d" threw ArithmeticException. */
    @Test
    void oddKeysAreQuotedInPathsAndHugeDurationsAreProblems() {
        assertThatThrownBy(() -> parse(PERIOD + SITE + "'': 1\n'a b': 2\n"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems()).extracting(Problem::path).containsExactly("\"\"", "\"a b\""));
        String huge = PERIOD.replace("2024-07-02T00:00:00Z}", "2024-07-02T00:00:00Z, step: 1000000000000000d}") + SITE;
        assertThatThrownBy(() -> parse(huge))
                .hasMessageContaining(
                        "period.step: must be a duration like 5m, 15m, 1h, 1d or PT15M, was" + " '1000000000000000d'");
    }
}
