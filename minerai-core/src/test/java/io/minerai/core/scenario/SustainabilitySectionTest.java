package io.minerai.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The optional {@code sustainability} section: defaults, reading, writing back, and errors with paths. */
class SustainabilitySectionTest {
    private static final String HEAD = """
            name: s
            period: {start: 2024-07-01T00:00:00Z, end: 2024-07-02T00:00:00Z, step: 1h}
            site:
              name: x
              grid: {settlementPoint: HB_WEST, importCapMw: 10}
              minerFleets:
                - {name: a, model: S21, unitCount: 10, unitHashrateThPerS: 200, unitPowerW: 3500, pue: 1.1}
              ppa: {quantityMw: 5, priceUsdPerMwh: 30}
            """;

    @Test
    void absentSectionMeansDefaults() {
        Scenario s = ScenarioReader.parse(HEAD, "t");
        assertThat(s.sustainability()).isEqualTo(SustainabilitySettings.DEFAULT);
        assertThat(ScenarioWriter.toYaml(s)).doesNotContain("sustainability");
        assertThat(DefaultScenario.load().sustainability()).isEqualTo(SustainabilitySettings.DEFAULT);
    }

    @Test
    void readsEveryFieldAndWritesItBack() {
        String yaml = HEAD + """
                sustainability:
                  gridFactors: {source: ercot-fuel-mix, factorSet: ipcc-ar5-lifecycle, year: 2023}
                  market: {ppaConveysEacs: true, ppaKgCo2ePerMwh: 0, recsMwh: 1000, residualMixKgCo2ePerMwh: 415}
                  flexibility: {highPricePercentile: 90, highPriceUsdPerMwh: 250, highLoadPercentile: 97.5}
                """;
        Scenario s = ScenarioReader.parse(yaml, "t");
        SustainabilitySettings st = s.sustainability();
        assertThat(st.gridFactors())
                .isEqualTo(new SustainabilitySettings.GridFactorSource.ErcotFuelMix("ipcc-ar5-lifecycle", 2023));
        assertThat(st.market())
                .isEqualTo(new SustainabilitySettings.MarketInstruments(true, 0, 1000, Optional.of(415.0)));
        assertThat(st.flexibility())
                .isEqualTo(new SustainabilitySettings.FlexibilityThresholds(90, Optional.of(250.0), 97.5));
        assertThat(ScenarioReader.parse(ScenarioWriter.toYaml(s), "again")).isEqualTo(s);
        assertThat(ScenarioReader.parse(ScenarioWriter.toJson(s), "again")).isEqualTo(s);
    }

    @Test
    void csvFactorsAndPartialSections() {
        String yaml = HEAD + """
                sustainability:
                  gridFactors: {source: csv, path: factors.csv}
                """;
        SustainabilitySettings st = ScenarioReader.parse(yaml, "t").sustainability();
        assertThat(st.gridFactors())
                .isEqualTo(new SustainabilitySettings.GridFactorSource.Csv("factors.csv", "time", "kgCo2ePerMwh"));
        assertThat(st.market()).isEqualTo(SustainabilitySettings.DEFAULT.market());
        assertThat(st.flexibility()).isEqualTo(SustainabilitySettings.DEFAULT.flexibility());
    }

    @Test
    void everyProblemHasItsPath() {
        String yaml = HEAD.replace("  ppa: {quantityMw: 5, priceUsdPerMwh: 30}\n", "") + """
                sustainability:
                  gridFactors: {source: ercot-fuel-mix, factorSet: ember, year: 2019}
                  market: {ppaConveysEacs: true, recsMwh: -5}
                  flexibility: {highPricePercentile: 120}
                """;
        assertThatThrownBy(() -> ScenarioReader.parse(yaml, "t"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e)
                                .problems().stream().map(Problem::path).toList())
                        .contains(
                                "sustainability.gridFactors.factorSet",
                                "sustainability.market.recsMwh",
                                "sustainability.flexibility.highPricePercentile"));
        String yaml2 = HEAD.replace("  ppa: {quantityMw: 5, priceUsdPerMwh: 30}\n", "") + """
                sustainability:
                  gridFactors: {source: ercot-fuel-mix, year: 2019}
                  market: {ppaConveysEacs: true}
                """;
        assertThatThrownBy(() -> ScenarioReader.parse(yaml2, "t"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e)
                                .problems().stream().map(Problem::path).toList())
                        .containsExactlyInAnyOrder(
                                "sustainability.gridFactors.year", "sustainability.market.ppaConveysEacs"));
    }
}
