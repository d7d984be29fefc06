package io.minerai.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.ai.Cooling;
import io.minerai.core.ai.PueCurve;
import io.minerai.core.ai.PueCurves;
import io.minerai.core.site.AmbientTemperatureSource;
import io.minerai.core.site.Site;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Cooling kinds and PUE curves of miner fleets, GPU clouds and colocation leases: read, validated, written back. */
class CoolingSectionTest {
    private static final String HEAD = """
            name: t
            period: {start: 2024-07-01T00:00:00Z, end: 2024-07-02T00:00:00Z, step: 1h}
            site:
              name: s
              grid: {settlementPoint: HB_WEST, importCapMw: 10}
            """;
    private static final String FLEET = "    - {name: %s, model: S21, unitCount: 100, unitHashrateThPerS: 200,"
            + " unitPowerW: 3500, pue: 1.05%s}\n";
    private static final String LEASE = "    - {name: %s, criticalItMw: 2, priceUsdPerKwMonth: 120, pue: 1.3%s}\n";

    private static String fleet(String name, String extra) {
        return String.format(FLEET, name, extra.isEmpty() ? "" : ", " + extra);
    }

    private static String lease(String name, String extra) {
        return String.format(LEASE, name, extra.isEmpty() ? "" : ", " + extra);
    }

    private static final String AMBIENT = "  ambientTemperature: {source: csv, path: temps.csv}\n";

    @Test
    void absentFieldsKeepAConstantPueInAnAirCooledHall() {
        Site s = ScenarioReader.parse(HEAD + "  minerFleets:\n" + fleet("a", ""), "t")
                .site();
        assertThat(s.minerFleets().get(0).cooling()).isEqualTo(Cooling.AIR);
        assertThat(s.minerFleets().get(0).pueCurve()).isEmpty();
        assertThat(s.ambientTemperature()).isEmpty();
        assertThat(s.pueFollowsAmbient()).isFalse();
    }

    @Test
    void curvesComeFromTheLoadTheSiteOrTheDefaultOfTheCoolingKind() {
        String yaml = HEAD
                + AMBIENT
                + "  pueCurves:\n"
                + "    - {cooling: liquid, points: [{temperatureC: 15, pue: 1.08}, {temperatureC: 35, pue: 1.2}]}\n"
                + "  minerFleets:\n"
                + fleet(
                        "own",
                        "cooling: immersion, pueCurve: [{temperatureC: 0, pue: 1.02}, {temperatureC: 40, pue: 1.1}]")
                + fleet("default", "cooling: immersion, pueFollowsAmbient: true")
                + fleet("constant", "cooling: immersion")
                + "  colocationLeases:\n"
                + lease("site", "cooling: liquid, pueFollowsAmbient: true");
        Scenario sc = ScenarioReader.parse(yaml, "t");
        Site s = sc.site();
        assertThat(s.ambientTemperature())
                .contains(new AmbientTemperatureSource.Csv("temps.csv", "time", "temperatureC", Optional.empty()));
        assertThat(s.minerFleets().get(0).pueCurve().orElseThrow().pueAt(20)).isCloseTo(1.06, within(1e-12));
        assertThat(s.minerFleets().get(1).pueCurve()).contains(PueCurves.IMMERSION);
        assertThat(s.minerFleets().get(2).pueCurve()).isEmpty();
        assertThat(s.colocationLeases().get(0).cooling()).isEqualTo(Cooling.LIQUID);
        assertThat(s.colocationLeases().get(0).pueCurve().orElseThrow().pueAt(25))
                .isCloseTo(1.14, within(1e-12));
        assertThat(ScenarioReader.parse(ScenarioWriter.toYaml(sc), "again")).isEqualTo(sc);
    }

    @Test
    void aFirmLeaseMustFitUnderTheImportCapAtItsHighestPue() {
        // 7.5 MW of critical IT at PUE 1.3 is 9.75 MW; the air curve reaches 1.7 at 40 C: 12.75 MW > 10 MW
        String yaml = HEAD + AMBIENT + "  colocationLeases:\n"
                + "    - {name: big, criticalItMw: 7.5, priceUsdPerKwMonth: 120, pue: 1.3, pueFollowsAmbient: true}\n";
        assertThatThrownBy(() -> ScenarioReader.parse(yaml, "t"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems()).extracting(Problem::path).contains("site.grid.importCapMw"))
                .hasMessageContaining("12.75 MW");
    }

    @Test
    void everyProblemIsReportedAtItsPath() {
        String yaml = HEAD
                + "  pueCurves:\n"
                + "    - {cooling: air, points: [{temperatureC: 10, pue: 1.2}]}\n"
                + "    - {cooling: air, points: [{temperatureC: 10, pue: 1.3}]}\n"
                + "  minerFleets:\n"
                + fleet("down", "pueCurve: [{temperatureC: 30, pue: 1.2}, {temperatureC: 20, pue: 1.3}]")
                + fleet("low", "pueCurve: [{temperatureC: 30, pue: 0.9}]")
                + fleet("both", "pueFollowsAmbient: false, pueCurve: [{temperatureC: 30, pue: 1.2}]")
                + fleet("ok", "")
                + fleet("cool", "cooling: water");
        assertThatThrownBy(() -> ScenarioReader.parse(yaml, "t"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    List<String> paths =
                            e.problems().stream().map(Problem::path).toList();
                    assertThat(paths)
                            .contains(
                                    "site.pueCurves[1].cooling",
                                    "site.minerFleets[0].pueCurve",
                                    "site.minerFleets[1].pueCurve[0].pue",
                                    "site.minerFleets[2].pueFollowsAmbient",
                                    "site.minerFleets[4].cooling");
                    assertThat(e.getMessage())
                            .contains("temperatureC must rise above 30")
                            .contains("a second curve for air");
                });
        String noAmbient = HEAD + "  minerFleets:\n" + fleet("a", "pueFollowsAmbient: true");
        assertThatThrownBy(() -> ScenarioReader.parse(noAmbient, "t"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::path)
                                .containsExactly("site.minerFleets[0].pueCurve"))
                .hasMessageContaining("add site.ambientTemperature");
    }

    @Test
    void theCurveIsLinearBetweenPointsAndFlatBeyondThem() {
        PueCurve c = new PueCurve(List.of(new PueCurve.Point(10, 1.2), new PueCurve.Point(30, 1.6)));
        assertThat(c.pueAt(-20)).isEqualTo(1.2);
        assertThat(c.pueAt(25)).isCloseTo(1.5, within(1e-12));
        assertThat(c.pueAt(45)).isEqualTo(1.6);
        assertThat(c.maxPue()).isEqualTo(1.6);
        assertThat(PueCurve.flat(1.3).isFlat()).isTrue();
        for (Cooling k : Cooling.values()) {
            // the defaults rise with temperature and rank air > liquid > immersion at every temperature
            PueCurve d = PueCurves.defaultFor(k);
            assertThat(d.pueAt(40)).isGreaterThan(d.pueAt(10));
        }
        for (double t = -10; t <= 50; t += 5) {
            assertThat(PueCurves.AIR.pueAt(t)).isGreaterThan(PueCurves.LIQUID.pueAt(t));
            assertThat(PueCurves.LIQUID.pueAt(t)).isGreaterThan(PueCurves.IMMERSION.pueAt(t));
        }
    }
}
