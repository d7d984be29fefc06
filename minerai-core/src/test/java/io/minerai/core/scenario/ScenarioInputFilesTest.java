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
}
