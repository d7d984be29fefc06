package io.minerai.data.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.ai.Cooling;
import io.minerai.core.ai.PueCurves;
import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.DefaultScenario;
import io.minerai.core.scenario.Period;
import io.minerai.core.scenario.Scenario;
import io.minerai.core.site.AmbientTemperatureSource;
import io.minerai.core.site.MinerFleet;
import io.minerai.core.site.Site;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.csv.ProblemCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ambient temperature CSV (SYNTHETIC temperatures): read like every user CSV, put on the run's grid. */
class AmbientTemperatureResolverTest {
    private static final Instant T0 = Instant.parse("2024-07-01T00:00:00Z");

    private static Optional<TimeSeries> resolve(Path dir, String file, Optional<String> zone, TimeGrid grid) {
        ProblemCollector p = new ProblemCollector();
        Optional<TimeSeries> s = AmbientTemperatureResolver.resolve(
                new AmbientTemperatureSource.Csv(file, "time", "temperatureC", zone), grid, dir, p);
        p.throwIfAny("test");
        return s;
    }

    @Test
    void hourlyRowsLandOnTheGridAndAbsentRowsStayMissing(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("t.csv"), """
                time,temperatureC
                2024-07-01T00:00:00Z,21.5
                2024-07-01T01:00:00Z,23
                2024-07-01T03:00:00Z,30.25
                """);
        TimeSeries s = resolve(dir, "t.csv", Optional.empty(), new TimeGrid(T0, Duration.ofHours(1), 5))
                .orElseThrow();
        assertThat(s.value(0)).isEqualTo(21.5);
        assertThat(s.value(1)).isEqualTo(23);
        assertThat(s.isMissing(2)).isTrue();
        assertThat(s.value(3)).isEqualTo(30.25);
        assertThat(s.isMissing(4)).isTrue(); // after the file's end
        assertThat(s.unit()).isEqualTo("°C");
    }

    @Test
    void localTimesInADeclaredZoneAndQuarterHoursAveragedToTheHour(@TempDir Path dir) throws IOException {
        // Open-Meteo style: local time without offset; 2024-07-01 00:00 CDT = 05:00 UTC
        Files.writeString(dir.resolve("q.csv"), """
                time,temperatureC
                2024-07-01T00:00,20
                2024-07-01T00:15,21
                2024-07-01T00:30,22
                2024-07-01T00:45,23
                """);
        TimeGrid hour = new TimeGrid(Instant.parse("2024-07-01T05:00:00Z"), Duration.ofHours(1), 1);
        TimeSeries s =
                resolve(dir, "q.csv", Optional.of("America/Chicago"), hour).orElseThrow();
        assertThat(s.value(0)).isCloseTo(21.5, within(1e-12));
    }

    @Test
    void aBadTemperatureFileIsRefusedWithItsFileLineAndColumn(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("temps.csv"), """
                time,temperatureC
                2024-01-01T00:00:00Z,5
                2024-01-01T01:00:00Z,abc
                2024-01-01T02:00:00Z,75
                2024-01-01T02:00:00Z,4
                """);
        Scenario s = withAmbient("temps.csv", Optional.empty());
        assertThatThrownBy(() -> InputResolver.resolve(s, dir)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.problems())
                    .extracting(Problem::path)
                    .containsExactly("temps.csv:3:temperatureC", "temps.csv:4:temperatureC", "temps.csv:5:time");
            assertThat(e.getMessage()).contains("-90..60");
        });
    }

    @Test
    void aLocalTimeThatDoesNotExistOrHasNoZoneIsRefusedAtItsLine(@TempDir Path dir) throws IOException {
        // 2024-03-10 02:30 does not exist in America/Chicago (clocks jump from 02:00 to 03:00)
        Files.writeString(dir.resolve("dst.csv"), """
                time,temperatureC
                2024-03-10T01:00,5
                2024-03-10T02:30,5
                """);
        assertThatThrownBy(() -> resolve(
                        dir,
                        "dst.csv",
                        Optional.of("America/Chicago"),
                        new TimeGrid(Instant.parse("2024-03-10T00:00:00Z"), Duration.ofHours(1), 24)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems()).extracting(Problem::path).contains("dst.csv:3:time"));
        assertThatThrownBy(() -> resolve(
                        dir,
                        "dst.csv",
                        Optional.empty(),
                        new TimeGrid(Instant.parse("2024-03-10T00:00:00Z"), Duration.ofHours(1), 24)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.getMessage())
                                .contains("dst.csv:2:time")
                                .contains("no UTC offset"));
        assertThatThrownBy(() ->
                        resolve(dir, "dst.csv", Optional.of("Mars/Olympus"), new TimeGrid(T0, Duration.ofHours(1), 1)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::path)
                                .containsExactly("site.ambientTemperature.zone"));
    }

    @Test
    void theResolvedTemperatureReachesTheInputsAndTheGapReport(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("time,temperatureC\n");
        for (int h = 0; h < 24; h++) {
            if (h != 5) {
                csv.append(String.format("2024-01-01T%02d:00:00Z,%d%n", h, h));
            }
        }
        Files.writeString(dir.resolve("temps.csv"), csv);
        ScenarioInputs in = InputResolver.resolve(withAmbient("temps.csv", Optional.empty()), dir);
        TimeSeries t = in.ambientTemperatureC().orElseThrow();
        assertThat(t.value(7)).isEqualTo(7);
        assertThat(t.isMissing(5)).isTrue();
        assertThat(GapReport.of(in).entries())
                .filteredOn(e -> e.input().equals("ambient temperature"))
                .singleElement()
                .satisfies(e -> assertThat(e.missing()).isEqualTo(1));
    }

    /** The default site for one January day, its first fleet's PUE following the temperature file. */
    private static Scenario withAmbient(String file, Optional<String> zone) {
        Scenario d = DefaultScenario.load();
        Site s = d.site();
        List<MinerFleet> fleets = new java.util.ArrayList<>(s.minerFleets());
        fleets.set(0, fleets.get(0).withCooling(Cooling.IMMERSION, Optional.of(PueCurves.IMMERSION)));
        Site site = new Site(
                s.name(),
                s.grid(),
                fleets,
                s.gpuClouds(),
                s.colocationLeases(),
                s.generators(),
                s.ppa(),
                s.opex(),
                Optional.of(new AmbientTemperatureSource.Csv(file, "time", "temperatureC", zone)));
        return new Scenario(
                d.name(),
                d.description(),
                new Period(T0.minus(Duration.ofDays(182)), T0.minus(Duration.ofDays(181)), Duration.ofHours(1)),
                d.prices(),
                d.bitcoin(),
                site,
                d.sustainability(),
                io.minerai.core.scenario.MarketPrograms.NONE,
                d.optimize());
    }
}
