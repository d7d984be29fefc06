package io.minerai.data.entsoe;

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

class EntsoeDayAheadExtractReaderTest {
    private static final String HEADER =
            "timestamp_local,interval_start_utc,price_nok_per_kwh_upstream,price_eur_per_mwh_back,non_cent_flag";

    @Test
    void blank_hours_stay_gaps_and_the_upstream_flag_is_kept() {
        // lines 2334..2338 of the bundled file, verbatim: a flagged hour, the 3 blank hours, a published hour
        EntsoeDayAheadExtractReader.Result r = EntsoeDayAheadExtractReader.read(
                TestFiles.lines(
                        HEADER,
                        "2024-04-07 05:00:00+02:00,2024-04-07T03:00:00Z,-4.928571428571429e-05,-0.0043,1",
                        "2024-04-07 06:00:00+02:00,2024-04-07T04:00:00Z,,,",
                        "2024-04-07 07:00:00+02:00,2024-04-07T05:00:00Z,,,",
                        "2024-04-07 08:00:00+02:00,2024-04-07T06:00:00Z,,,",
                        "2024-04-07 09:00:00+02:00,2024-04-07T07:00:00Z,-0.000115,-0.0100,0"),
                "no2.csv",
                "NO2");
        IntervalSeries p = r.priceEurPerMwh();
        assertThat(p.size()).isEqualTo(5);
        assertThat(p.value(0)).isEqualTo(-0.0043);
        assertThat(p.isMissing(1)).isTrue();
        assertThat(p.value(4)).isEqualTo(-0.01);
        assertThat(r.interpolatedUpstream())
                .containsExactly(
                        new Coverage(Instant.parse("2024-04-07T03:00:00Z"), Instant.parse("2024-04-07T04:00:00Z")));
        TimeSeries h = p.resampleTo(new TimeGrid(Instant.parse("2024-04-07T03:00:00Z"), Duration.ofHours(1), 5));
        assertThat(h.missingCount()).isEqualTo(3);
    }

    @Test
    void inconsistent_rows_are_refused() {
        assertThatThrownBy(() -> EntsoeDayAheadExtractReader.read(
                        TestFiles.lines(
                                HEADER,
                                "2024-01-01 00:00:00+01:00,2024-01-01T00:00:00Z,0.618585,53.7900,0", // local is 23:00Z
                                "2024-01-01 02:00:00+01:00,2024-01-01T01:00:00Z,0.3,27.4500,2",
                                "2024-01-01 03:00:00+01:00,2024-01-01T02:00:00Z,,,0"),
                        "no2.csv",
                        "NO2"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::toString)
                                .containsExactly(
                                        "no2.csv:2:timestamp_local: '2024-01-01 00:00:00+01:00' is not the instant of"
                                                + " interval_start_utc 2024-01-01T00:00:00Z",
                                        "no2.csv:3:non_cent_flag: must be 0 or 1, was '2'",
                                        "no2.csv:4:non_cent_flag: must be blank when the price is blank, was '0'"));
    }

    /** Golden: the figures of the shared SOURCE.md (nordic_no2_dayahead_2024_hourly). */
    @Test
    void bundled_no2_2024_matches_its_source_checks() {
        EntsoeDayAheadExtractReader.Result r = EntsoeDayAheadExtractReader.read(
                getClass()
                        .getResourceAsStream(
                                "/io/minerai/data/nordic_no2_dayahead_2024_hourly/no2_dayahead_2024_hourly.csv.gz"),
                "no2_dayahead_2024_hourly.csv",
                "NO2");
        IntervalSeries p = r.priceEurPerMwh();
        assertThat(p.size()).isEqualTo(8784);
        assertThat(p.presentCount()).isEqualTo(8781);
        assertThat(p.minPresent()).isEqualTo(-59.96);
        assertThat(p.maxPresent()).isEqualTo(898.25);
        assertThat(p.meanPresent()).isCloseTo(50.144, within(0.0005));
        assertThat(p.gaps())
                .containsExactly(
                        new Coverage(Instant.parse("2024-04-07T04:00:00Z"), Instant.parse("2024-04-07T07:00:00Z")));
        assertThat(r.interpolatedUpstream()).hasSize(46);
        int negative = 0;
        for (int i = 0; i < p.size(); i++) {
            negative += !p.isMissing(i) && p.value(i) < 0 ? 1 : 0;
        }
        assertThat(negative).isEqualTo(209);
    }
}
