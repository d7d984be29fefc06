package io.minerai.sustainability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.core.scenario.SustainabilitySettings.GridFactorSource;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.validation.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridFactorSourcesTest {
    static final TimeGrid RUN = new TimeGrid(Instant.parse("2024-07-01T00:00:00Z"), Duration.ofMinutes(30), 6);

    @Test
    void userCsvOnTheRunGrid(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("f.csv"), """
                time,kgCo2ePerMwh
                2024-06-30T19:00:00-05:00,400
                2024-06-30T20:00:00-05:00,350
                2024-06-30T21:00:00-05:00,
                """);
        GridFactors g = GridFactorSources.resolve(
                new GridFactorSource.Csv("f.csv", "time", "kgCo2ePerMwh"), RUN, dir, GridIntensityTest::mix);
        // hourly values repeat on the 30-minute grid; the empty cell stays missing
        assertThat(g.kgCo2ePerMwh().value(0)).isEqualTo(400);
        assertThat(g.kgCo2ePerMwh().value(1)).isEqualTo(400);
        assertThat(g.kgCo2ePerMwh().value(3)).isEqualTo(350);
        assertThat(g.kgCo2ePerMwh().isMissing(4)).isTrue();
        assertThat(g.basis()).isEqualTo(EmissionBasis.AS_SUPPLIED);
        assertThat(g.systemNetGenerationMw()).isEmpty();
        assertThat(g.sourceShare()).isEmpty();
    }

    @Test
    void badCsvNamesFileLineAndColumn(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.csv"), """
                time,kgCo2ePerMwh
                2024-07-01T00:00:00Z,400
                2024-07-01T01:00:00Z,-3
                """);
        assertThatThrownBy(() -> GridFactorSources.resolve(
                        new GridFactorSource.Csv("bad.csv", "time", "kgCo2ePerMwh"), RUN, dir, GridIntensityTest::mix))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("bad.csv:3");
    }

    @Test
    void unknownFactorSet() {
        assertThatThrownBy(() -> GridFactorSources.resolve(
                        new GridFactorSource.ErcotFuelMix("ember", 0), RUN, Path.of("."), GridIntensityTest::mix))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("sustainability.gridFactors.factorSet")
                .hasMessageContaining("epa-eia-combustion");
    }

    @Test
    void fuelMixOnTheRunGrid() {
        GridFactors g = GridFactorSources.resolve(
                new GridFactorSource.ErcotFuelMix("ipcc-ar5-lifecycle", 0), RUN, Path.of("."), GridIntensityTest::mix);
        assertThat(g.basis()).isEqualTo(EmissionBasis.LIFECYCLE);
        assertThat(g.grid()).isEqualTo(RUN);
        assertThat(g.description()).isEqualTo("ERCOT fuel mix 2023-2024, factor set ipcc-ar5-lifecycle");
    }
}
