package io.minerai.data.ercot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.Coverage;
import io.minerai.data.TestFiles;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ErcotFuelMixReaderTest {
    private static final FuelMix MIX = ErcotFuelMixReader.bundled();
    private static final Instant JAN1_2024 = Instant.parse("2024-01-01T06:00:00Z");

    private static double at(TimeSeries s, Instant t) {
        return s.value(s.grid().indexStartingAt(t));
    }

    @Test
    void bundledTwoYearsJoinWithoutGaps() {
        assertThat(MIX.fuels())
                .containsExactly(
                        "Biomass", "Coal", "Gas", "Gas-CC", "Hydro", "Nuclear", "Other", "Solar", "WSL", "Wind");
        assertThat(MIX.coverage())
                .isEqualTo(new Coverage(Instant.parse("2023-01-01T06:00:00Z"), Instant.parse("2025-01-01T06:00:00Z")));
        assertThat(MIX.grid().count()).isEqualTo(35_040 + 35_136);
        assertThat(MIX.totalGenerationMwh().missingCount()).isZero();
        assertThat(ErcotFuelMixReader.bundled()).isSameAs(MIX);
    }

    @Test
    void firstIntervalOf2024ByHand() {
        // The row with interval_end_utc 2024-01-01T06:15:00Z is the interval starting 06:00Z.
        assertThat(at(MIX.energyMwh("wind"), JAN1_2024)).isEqualTo(3814.3597);
        assertThat(at(MIX.averageMw("Wind"), JAN1_2024)).isCloseTo(3814.3597 * 4, within(1e-9));
        assertThat(at(MIX.energyMwh("WSL"), JAN1_2024)).isEqualTo(-55.034);
        double total =
                3.2162 + 1476.6895 + 237.7863 + 3544.7568 + 0.9117 + 1274.9409 + 5.271 + 0.0047 - 55.034 + 3814.3597;
        assertThat(at(MIX.totalGenerationMwh(), JAN1_2024)).isCloseTo(total, within(1e-9));
    }

    @Test
    void hourlyEnergyIsTheSumOfFourQuarters() {
        TimeGrid hour = new TimeGrid(JAN1_2024, Duration.ofHours(1), 1);
        assertThat(MIX.energyMwh("Coal", hour).value(0))
                .isCloseTo(1476.6895 + 1475.4059 + 1472.732 + 1469.6468, within(1e-9));
        assertThat(MIX.averageMw("Coal", hour).value(0))
                .isCloseTo(1476.6895 + 1475.4059 + 1472.732 + 1469.6468, within(1e-9));
        assertThat(MIX.energyMwh("Coal", hour).unit()).isEqualTo("MWh");
    }

    @Test
    void fallBackOperatingDayHas100Intervals() {
        TimeGrid day = TimeGrid.between(
                CentralTime.dayStartUtc(java.time.LocalDate.of(2024, 11, 3)),
                CentralTime.dayStartUtc(java.time.LocalDate.of(2024, 11, 4)),
                Duration.ofMinutes(15));
        assertThat(day.count()).isEqualTo(100);
        assertThat(MIX.energyMwh("Nuclear").resampleTo(day).missingCount()).isZero();
        TimeGrid spring = TimeGrid.between(
                CentralTime.dayStartUtc(java.time.LocalDate.of(2024, 3, 10)),
                CentralTime.dayStartUtc(java.time.LocalDate.of(2024, 3, 11)),
                Duration.ofMinutes(15));
        assertThat(spring.count()).isEqualTo(92);
        assertThat(MIX.energyMwh("Nuclear").resampleTo(spring).missingCount()).isZero();
    }

    @Test
    void outsideTheDataIsMissing() {
        TimeGrid g = new TimeGrid(Instant.parse("2025-01-01T05:00:00Z"), Duration.ofHours(1), 2);
        TimeSeries s = MIX.averageMw("Solar", g);
        assertThat(s.isMissing(0)).isFalse();
        assertThat(s.isMissing(1)).isTrue();
        assertThatThrownBy(() -> MIX.energyMwh("Uranium")).hasMessageContaining("unknown fuel Uranium; known: Biomass");
    }

    @Test
    void malformedRowsAreAllReported() {
        var in = TestFiles.lines(
                "interval_end_utc,Solar_MWh,Wind_MWh",
                "2024-01-01T06:15:00Z,0,100",
                "2024-01-01 06:30,0,100",
                "2024-01-01T06:40:00Z,0,100",
                "2024-01-01T06:45:00Z,abc,100",
                "2024-01-01T06:15:00Z,0,100");
        assertThatThrownBy(() -> ErcotFuelMixReader.read(in, "mix.csv"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::path)
                                .containsExactly(
                                        "mix.csv:3:interval_end_utc",
                                        "mix.csv:4:interval_end_utc",
                                        "mix.csv:5:Solar_MWh",
                                        "mix.csv:6:interval_end_utc"))
                .hasMessageContaining("not on a quarter hour: '2024-01-01T06:40:00Z'")
                .hasMessageContaining("duplicate interval ending 2024-01-01T06:15:00Z (first at mix.csv:2)");
        assertThatThrownBy(() -> ErcotFuelMixReader.read(TestFiles.lines("time,Solar", "x,1"), "mix.csv"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::path)
                                .containsExactly("mix.csv:1:interval_end_utc", "mix.csv:1"));
    }
}
