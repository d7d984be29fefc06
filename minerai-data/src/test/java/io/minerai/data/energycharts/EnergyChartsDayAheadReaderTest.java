package io.minerai.data.energycharts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.TestFiles;
import io.minerai.data.series.IntervalSeries;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnergyChartsDayAheadReaderTest {
    private static final String HEADER =
            "interval_start_unix,interval_start_utc,resolution_minutes,price_eur_per_mwh,delivery_date_cet";

    /** Lines 6551..6556 of the bundled 2025 file, verbatim: the last two hours of 2025-09-30, the first quarter hours. */
    private static final String[] SWITCH = {
        HEADER,
        "1759262400,2025-09-30T20:00:00Z,60,101.63,2025-09-30",
        "1759266000,2025-09-30T21:00:00Z,60,92.54,2025-09-30",
        "1759269600,2025-09-30T22:00:00Z,15,102.6,2025-10-01",
        "1759270500,2025-09-30T22:15:00Z,15,92.24,2025-10-01",
        "1759271400,2025-09-30T22:30:00Z,15,86.03,2025-10-01",
        "1759272300,2025-09-30T22:45:00Z,15,85.39,2025-10-01"
    };

    private static IntervalSeries read(String... lines) {
        return EnergyChartsDayAheadReader.read(List.of(TestFiles.lines(lines)), List.of("de.csv"), "DE-LU");
    }

    @Test
    void the_switch_to_15_minute_products_on_2025_10_01() {
        IntervalSeries s = read(SWITCH);
        assertThat(s.length(1)).isEqualTo(Duration.ofHours(1));
        assertThat(s.length(2)).isEqualTo(Duration.ofMinutes(15));
        TimeSeries hourly = s.resampleTo(new TimeGrid(Instant.parse("2025-09-30T20:00:00Z"), Duration.ofHours(1), 3));
        // (102.6 + 92.24 + 86.03 + 85.39) / 4 = 366.26 / 4 = 91.565
        assertThat(hourly.value(0)).isEqualTo(101.63);
        assertThat(hourly.value(1)).isEqualTo(92.54);
        assertThat(hourly.value(2)).isCloseTo(91.565, within(1e-12));
        TimeSeries quarter =
                s.resampleTo(new TimeGrid(Instant.parse("2025-09-30T21:00:00Z"), Duration.ofMinutes(15), 8));
        assertThat(quarter.copyValues()).containsExactly(92.54, 92.54, 92.54, 92.54, 102.6, 92.24, 86.03, 85.39);
    }

    @Test
    void inconsistent_or_malformed_rows_are_refused() {
        assertThatThrownBy(() -> read(
                        HEADER,
                        "1759262400,2025-09-30T20:00:00Z,60,101.63,2025-09-30",
                        "1759266001,2025-09-30T21:00:00Z,60,92.54,2025-09-30", // unix off by one second
                        "1759269600,2025-09-30T22:00:00Z,15,abc,2025-09-30", // bad price; wrong delivery day
                        "1759270500,2025-09-30T22:15:00Z,0,1,2025-10-01",
                        "1759271400,2025-09-30 22:30,15,1,2025-10-01",
                        "1759272300,2025-09-30T22:45:00Z,30,1,2025-10-01",
                        "1759273200,2025-09-30T23:00:00Z,15,1,2025-10-01")) // overlaps the 30-minute row
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::toString)
                                .containsExactlyInAnyOrder(
                                        "de.csv:3:interval_start_unix: 1759266001 is not the instant of interval_start_utc"
                                                + " 2025-09-30T21:00:00Z",
                                        "de.csv:4:price_eur_per_mwh: not a number: 'abc'",
                                        "de.csv:4:delivery_date_cet: the MTU starting 2025-09-30T22:00:00Z is on 2025-10-01"
                                                + " in Europe/Berlin, not 2025-09-30",
                                        "de.csv:5:resolution_minutes: must be whole minutes from 1 to 1440, was 0",
                                        "de.csv:6:interval_start_utc: not an ISO-8601 UTC instant (e.g."
                                                + " 2025-10-01T00:00:00Z): '2025-09-30 22:30'",
                                        "de.csv:8:interval_start_utc: interval 2025-09-30T23:00:00Z .. 2025-09-30T23:15:00Z"
                                                + " overlaps 2025-09-30T22:45:00Z .. 2025-09-30T23:15:00Z (at de.csv:7)"));
    }

    /** Golden: the figures of the shared SOURCE.md (de_lu_dayahead). */
    @Test
    void bundled_de_lu_2024_and_2025_match_their_source_checks() {
        IntervalSeries y2024 = bundled("de_lu_dayahead_2024_hourly.csv.gz");
        assertThat(y2024.size()).isEqualTo(8784);
        assertThat(y2024.minPresent()).isEqualTo(-135.45);
        assertThat(y2024.maxPresent()).isEqualTo(936.28);
        assertThat(y2024.meanPresent()).isCloseTo(78.512, within(0.0005));
        assertThat(y2024.gaps()).isEmpty();

        IntervalSeries y2025 = bundled("de_lu_dayahead_2025.csv.gz");
        assertThat(y2025.size()).isEqualTo(15_387);
        assertThat(y2025.minPresent()).isEqualTo(-250.32);
        assertThat(y2025.maxPresent()).isEqualTo(583.40);
        assertThat(y2025.meanPresent()).as("simple per-MTU mean").isCloseTo(90.972, within(0.0005));
        assertThat(y2025.gaps()).as("continuous").isEmpty();
        Instant switchAt = Instant.parse("2025-09-30T22:00:00Z");
        IntervalSeries quarters = y2025.slice(switchAt, y2025.end(y2025.size() - 1));
        assertThat(quarters.size()).isEqualTo(8836);
        assertThat(quarters.minPresent()).isEqualTo(-5.09);
        assertThat(quarters.maxPresent()).isEqualTo(508.38);
        assertThat(quarters.meanPresent()).isCloseTo(93.153, within(0.0005));
        assertThat(y2025.slice(y2025.start(0), switchAt).meanPresent()).isCloseTo(88.030, within(0.0005));
        // the whole year on a 15-minute run grid is complete: hours repeat, quarter hours are kept
        TimeGrid q = TimeGrid.between(y2025.start(0), y2025.end(y2025.size() - 1), Duration.ofMinutes(15));
        assertThat(q.count()).isEqualTo(6551 * 4 + 8836);
        assertThat(y2025.resampleTo(q).missingCount()).isZero();
    }

    private static IntervalSeries bundled(String file) {
        InputStream in =
                EnergyChartsDayAheadReaderTest.class.getResourceAsStream("/io/minerai/data/de_lu_dayahead/" + file);
        return EnergyChartsDayAheadReader.read(List.of(in), List.of(file), "DE-LU");
    }
}
