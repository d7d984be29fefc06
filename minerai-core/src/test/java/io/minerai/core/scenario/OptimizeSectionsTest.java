package io.minerai.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The optional markets and optimize sections: read, validated, written back, absent = today's behaviour. */
class OptimizeSectionsTest {
    private static final String BASE = """
            name: t
            period: {start: 2024-07-01T00:00:00Z, end: 2024-07-02T00:00:00Z, step: 1h}
            site:
              name: s
              grid: {settlementPoint: HB_WEST, importCapMw: 10}
              minerFleets:
                - {name: s21, model: S21, unitCount: 1000, unitHashrateThPerS: 200, unitPowerW: 3500, pue: 1.1}
            """;

    @Test
    void absentSectionsKeepTheDefaults() {
        Scenario s = ScenarioReader.parse(BASE, "t");
        assertThat(s.markets()).isEqualTo(MarketPrograms.NONE);
        assertThat(s.optimize()).isEqualTo(OptimizeSettings.DEFAULT);
        assertThat(ScenarioWriter.toMap(s)).doesNotContainKeys("markets", "optimize");
    }

    @Test
    void sectionsAreReadAndWrittenBack() {
        String yaml = BASE + """
                markets:
                  coincidentPeak: {tariffUsdPerKwYear: 60, rule: alert, alertWithinFraction: 0.02}
                  ancillary: {offerNonSpin: false, maxOfferFraction: 0.8}
                optimize:
                  forecast: day-ahead
                  solver: glop
                  fleetControls:
                    - {fleet: s21, blockCount: 10, minOnIntervals: 2, minOffIntervals: 3, maxRestoreMwPerInterval: 1.5}
                  gpuJobs:
                    - {name: train, maxPowerMw: 2, gpuHours: 8000, facilityKwPerGpu: 1.5,
                       windowStart: 2024-07-01T02:00:00Z, deadline: 2024-07-01T20:00:00Z, valueUsdPerMwh: 400}
                """;
        Scenario s = ScenarioReader.parse(yaml, "t");
        CoincidentPeakProgram cp = s.markets().coincidentPeak().orElseThrow();
        assertThat(cp.tariffUsdPerKwYear()).isEqualTo(60);
        assertThat(cp.rule()).isEqualTo(new CoincidentPeakProgram.PeakRule.Alert(0.02));
        assertThat(cp.peaks()).isEqualTo(new CoincidentPeakProgram.PeakSource.ErcotFuelMix(0));
        assertThat(s.markets().ancillary().orElseThrow().products()).containsExactly("RRS", "ECRS");
        assertThat(s.optimize().forecast()).isEqualTo(OptimizeSettings.ForecastMode.DAY_AHEAD);
        assertThat(s.optimize().fleetControls())
                .containsExactly(new OptimizeSettings.FleetControl("s21", 10, 2, 3, 1.5));
        OptimizeSettings.GpuJob job = s.optimize().gpuJobs().get(0);
        assertThat(job.requiredEnergyMwh()).isEqualTo(12.0);
        assertThat(job.windowStartUtc()).isEqualTo(Instant.parse("2024-07-01T02:00:00Z"));
        assertThat(job.required()).isTrue();
        Scenario again = ScenarioReader.parse(ScenarioWriter.toYaml(s), "again");
        assertThat(again).isEqualTo(s);
    }

    @Test
    void crossFieldProblemsNameTheirPaths() {
        String yaml = BASE + """
                markets:
                  ancillary: {offerRrs: false, offerEcrs: false, offerNonSpin: false}
                optimize:
                  windowHours: 12
                  fleetControls:
                    - {fleet: s9, minOnIntervals: 3}
                  gpuJobs:
                    - {name: huge, maxPowerMw: 1, energyMwh: 100,
                       windowStart: 2024-07-01T00:00:00Z, deadline: 2024-07-01T10:00:00Z}
                    - {name: both, maxPowerMw: 1, energyMwh: 1, gpuHours: 5,
                       windowStart: 2024-07-01T00:00:00Z, deadline: 2024-07-01T10:00:00Z}
                """;
        assertThatThrownBy(() -> ScenarioReader.parse(yaml, "t"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    List<String> paths =
                            e.problems().stream().map(Problem::path).toList();
                    assertThat(paths)
                            .contains(
                                    "markets.ancillary",
                                    "optimize.commitHours",
                                    "optimize.fleetControls[0].fleet",
                                    "optimize.fleetControls[0]",
                                    "optimize.gpuJobs[0]",
                                    "optimize.gpuJobs[1]");
                    assertThat(e.getMessage()).contains("'huge' needs 100.000 MWh but at most 10.000 MWh fit");
                });
    }
}
