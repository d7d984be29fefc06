package io.minerai.data.aemo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.Coverage;
import io.minerai.data.TestFiles;
import io.minerai.data.series.IntervalSeries;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OpenElectricityReaderTest {
    private static final String HEADER = "region,timestamp,metric,value,unit";

    @Test
    void an_hour_labelled_h_covers_h_minus_5_to_h_plus_55() {
        // the first two rows of the bundled NSW1 file, verbatim
        OpenElectricityData d = OpenElectricityReader.read(
                TestFiles.lines(
                        HEADER,
                        "NSW1,2025-01-01 00:00:00+10:00,price,124.35667,$/MWh",
                        "NSW1,2025-01-01 01:00:00+10:00,price,109.7075,$/MWh"),
                "nsw.csv",
                OpenElectricityReader.HOURLY);
        IntervalSeries p = d.series("nsw1", OpenElectricityReader.Metric.PRICE).orElseThrow();
        // 2025-01-01 00:00+10:00 = 2024-12-31T14:00Z; the bucket is [13:55Z, 14:55Z)
        assertThat(p.start(0)).isEqualTo(Instant.parse("2024-12-31T13:55:00Z"));
        assertThat(p.end(0)).isEqualTo(Instant.parse("2024-12-31T14:55:00Z"));
        assertThat(p.unit()).isEqualTo("AUD/MWh");
        // run hour [14:00Z, 15:00Z) = 55 min of 124.35667 + 5 min of 109.7075
        TimeSeries h = p.resampleTo(new TimeGrid(Instant.parse("2024-12-31T14:00:00Z"), Duration.ofHours(1), 1));
        assertThat(h.value(0)).isCloseTo((124.35667 * 55 + 109.7075 * 5) / 60, within(1e-9));
        // a 5-minute run grid repeats each published value over its 12 intervals
        TimeSeries f = p.resampleTo(new TimeGrid(Instant.parse("2024-12-31T13:55:00Z"), Duration.ofMinutes(5), 24));
        assertThat(f.value(11)).isEqualTo(124.35667);
        assertThat(f.value(12)).isEqualTo(109.7075);
    }

    @Test
    void bad_rows_are_refused_with_file_line_and_column() {
        assertThatThrownBy(() -> OpenElectricityReader.read(
                        TestFiles.lines(
                                HEADER,
                                "NSW1,2025-01-01 00:00:00,price,1,$/MWh", // no offset
                                "NSW1,2025-01-01 00:30:00+10:00,price,1,$/MWh", // not on the hour
                                "NSW1,2025-01-01 01:00:00+10:00,price,x,$/MWh",
                                "NSW1,2025-01-01 02:00:00+10:00,price,1,EUR/MWh",
                                "NSW1,2025-01-01 03:00:00+10:00,curtailment,1,MW", // other metric: skipped
                                "NSW1,2025-01-01 02:00:00+10:00,price,2,$/MWh"),
                        "nsw.csv",
                        OpenElectricityReader.HOURLY))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::toString)
                                .containsExactlyInAnyOrder(
                                        "nsw.csv:2:timestamp: not an ISO-8601 timestamp with offset (e.g. 2025-01-01"
                                                + " 00:00:00+10:00): '2025-01-01 00:00:00'",
                                        "nsw.csv:3:timestamp: '2025-01-01 00:30:00+10:00' is not the start of a 60-minute"
                                                + " bucket",
                                        "nsw.csv:4:value: not a number: 'x'",
                                        "nsw.csv:5:unit: a price must be in $/MWh, was 'EUR/MWh'",
                                        "nsw.csv:7:timestamp: duplicate interval starting 2024-12-31T15:55:00Z (also at"
                                                + " nsw.csv:5)"));
    }

    /** Golden: the figures of the shared SOURCE.md (aemo_nsw1_2025_hourly). */
    @Test
    void bundled_nsw1_2025_matches_its_source_checks() {
        OpenElectricityData d = OpenElectricityReader.read(
                getClass()
                        .getResourceAsStream(
                                "/io/minerai/data/aemo_nsw1_2025_hourly/aemo_nsw1_2025_hourly_openelectricity.csv.gz"),
                "nsw.csv",
                OpenElectricityReader.HOURLY);
        IntervalSeries p = d.series("NSW1", OpenElectricityReader.Metric.PRICE).orElseThrow();
        assertThat(p.size()).isEqualTo(8758);
        assertThat(p.minPresent()).isEqualTo(-278.14167);
        assertThat(p.maxPresent()).isEqualTo(13993.923);
        assertThat(p.meanPresent()).isCloseTo(103.327, within(0.0005));
        // the two missing hours, 2025-02-01 00:00 and 2025-03-04 00:00 (+10:00), are holes of one bucket each
        assertThat(p.gaps())
                .containsExactly(
                        new Coverage(Instant.parse("2025-01-31T13:55:00Z"), Instant.parse("2025-01-31T14:55:00Z")),
                        new Coverage(Instant.parse("2025-03-03T13:55:00Z"), Instant.parse("2025-03-03T14:55:00Z")));
        // on an hourly UTC grid over 2025 (NEM), the hours touching the holes are missing: 2 x 2
        TimeGrid year = TimeGrid.between(
                Instant.parse("2024-12-31T14:00:00Z"), Instant.parse("2025-12-31T13:00:00Z"), Duration.ofHours(1));
        assertThat(p.resampleTo(year).missingCount()).isEqualTo(4);
    }
}
