package io.minerai.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.core.site.ProfileSource;
import io.minerai.core.site.Site;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioReaderTest {

    @Test
    void defaultScenarioParses() {
        Scenario s = DefaultScenario.load();
        assertThat(s.name()).isEqualTo("west-texas-2024");
        assertThat(s.period().startUtc()).isEqualTo(Instant.parse("2024-01-01T06:00:00Z"));
        assertThat(s.period().grid().count()).isEqualTo(8784);
        assertThat(s.period().step()).isEqualTo(Duration.ofHours(1));
        Site site = s.site();
        assertThat(site.grid().settlementPoint()).isEqualTo("HB_WEST");
        assertThat(site.minerFleets()).hasSize(3);
        assertThat(site.minerFleets().get(0).efficiencyJPerTh()).isEqualTo(17.5);
        assertThat(site.gpuClouds().get(0).firm()).isFalse();
        assertThat(site.colocationLeases().get(0).facilityPowerMw()).isEqualTo(15 * 1.35);
        assertThat(site.generators().get(0).profile()).isEqualTo(new ProfileSource.ErcotFuelShape("Solar", 0.85, 2024));
        assertThat(site.ppa()).isPresent();
        assertThat(s.prices()).isEqualTo(new PriceSource.ErcotBundled("RTM"));
    }

    @Test
    void everyProblemIsReportedWithItsPath() {
        String yaml = """
                name: broken
                period: {start: 2024-01-01T00:00:00Z, end: 2024-01-02T00:00:00Z, step: 7s}
                prices: {source: nordpool}
                site:
                  name: x
                  grid: {settlementPoint: HB_WEST, importCapMW: 10}
                  minerFleets:
                    - {name: a, model: S21, unitCount: -5, unitHashrateThPerS: 200, unitPowerW: abc, pue: 0.9}
                    - {name: a, model: S21, unitCount: 10, unitHashrateThPerS: 200, unitPowerW: 3500, pue: 1.1,
                       poolFeeFraction: 1.5}
                  generators:
                    - {name: pv, kind: nuclear, nameplateMw: 10, profile: {source: constant, capacityFactor: 2}}
                """;
        ValidationException e = catchValidation(yaml);
        List<String> paths = e.problems().stream().map(Problem::path).toList();
        assertThat(paths)
                .contains(
                        "period.step",
                        "prices.source",
                        "site.grid.importCapMW",
                        "site.grid.importCapMw",
                        "site.minerFleets[0].unitCount",
                        "site.minerFleets[0].unitPowerW",
                        "site.minerFleets[0].pue",
                        "site.minerFleets[1].poolFeeFraction",
                        "site.generators[0].kind",
                        "site.generators[0].profile.capacityFactor");
        assertThat(e.getMessage())
                .contains("site.grid.importCapMW: unknown field; did you mean 'importCapMw'?")
                .contains("site.minerFleets[0].unitCount: must be > 0, was -5")
                .contains("site.minerFleets[0].unitPowerW: must be a number W, was 'abc'")
                .contains("prices.source: must be one of [ercot-bundled, ercot-spp-csv, csv, market], was 'nordpool'");
    }

    @Test
    void crossFieldRulesAreCheckedAfterTheFieldsAreValid() {
        String yaml = """
                name: tight
                period: {start: 2024-01-01T00:00:00Z, end: 2024-01-01T01:30:00Z, step: 1h}
                site:
                  name: x
                  grid: {settlementPoint: HB_WEST, importCapMw: 10, exportCapMw: 5}
                  minerFleets:
                    - {name: a, model: S21, unitCount: 10, unitHashrateThPerS: 200, unitPowerW: 3500, pue: 1.1}
                  colocationLeases:
                    - {name: a, criticalItMw: 9, priceUsdPerKwMonth: 120, pue: 1.3}
                """;
        ValidationException e = catchValidation(yaml);
        assertThat(e.getMessage())
                .contains("period.end: the period 2024-01-01T00:00:00Z .. 2024-01-01T01:30:00Z is not a whole number")
                .contains("site.colocationLeases[0].name: duplicate asset name 'a' (also site.minerFleets[0])")
                .contains("site.grid.exportCapMw: is 5.0 MW but exportAllowed is false")
                .contains("site.grid.importCapMw: firm loads need 11.70 MW");
    }

    @Test
    void unitMistakesAreCaught() {
        String yaml = """
                name: units
                period: {start: 2024-01-01, end: 2024-01-02}
                site:
                  name: x
                  grid: {settlementPoint: HB_WEST, importCapMw: 10}
                  minerFleets:
                    - {name: a, model: S21, unitCount: 10, unitHashrateThPerS: 20000, unitPowerW: 3500, pue: 1.1}
                """;
        assertThat(catchValidation(yaml).getMessage())
                .contains("efficiency 0.2 J/TH")
                .contains("check units");
    }

    @Test
    void malformedYamlNamesLineAndColumn() {
        assertThat(catchValidation("name: [unclosed\nperiod: x").getMessage()).contains("line ");
        assertThat(catchValidation("- a list").getMessage()).contains("must be a YAML/JSON object");
    }

    @Test
    void missingFileIsAClearError(@org.junit.jupiter.api.io.TempDir Path dir) {
        assertThatThrownBy(() -> ScenarioReader.read(dir.resolve("nope.yaml")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("file not found");
    }

    @Test
    void writerOutputReadsBackEqual(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Scenario s = DefaultScenario.load();
        Scenario fromYaml = ScenarioReader.parse(ScenarioWriter.toYaml(s), "yaml");
        Scenario fromJson = ScenarioReader.parse(ScenarioWriter.toJson(s), "json");
        assertThat(fromYaml).isEqualTo(s);
        assertThat(fromJson).isEqualTo(s);
        Path f = dir.resolve("s.json");
        Files.writeString(f, ScenarioWriter.toJson(s));
        assertThat(ScenarioReader.read(f)).isEqualTo(s);
    }

    private static ValidationException catchValidation(String yaml) {
        try {
            ScenarioReader.parse(yaml, "test scenario");
        } catch (ValidationException e) {
            return e;
        }
        throw new AssertionError("expected a ValidationException");
    }
}
