package io.minerai.data.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.core.market.IntervalConvention;
import io.minerai.core.market.MarketClock;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.TestFiles;
import io.minerai.data.aemo.AemoPriceAndDemandReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeclaredCsvReaderTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static DeclaredCsvReader.Spec spec(ZoneId zone, IntervalConvention c, Duration step) {
        return new DeclaredCsvReader.Spec(
                "time", "price", new MarketClock(zone, c), step, Optional.empty(), "p", "EUR/MWh");
    }

    @Test
    void interval_ending_local_stamps_become_utc_interval_starts() {
        // synthetic: 15-minute interval-ending stamps in Berlin winter time (UTC+1)
        IntervalSeries s = DeclaredCsvReader.read(
                TestFiles.lines("time,price", "2025-01-01 00:15,10", "2025-01-01T00:30:00,20", "2025-01-01 01:00,"),
                "p.csv",
                spec(BERLIN, IntervalConvention.ENDING, Duration.ofMinutes(15)));
        assertThat(s.start(0)).isEqualTo(Instant.parse("2024-12-31T23:00:00Z"));
        assertThat(s.end(1)).isEqualTo(Instant.parse("2024-12-31T23:30:00Z"));
        // 00:45 is absent (a gap between rows), 01:00 is blank (a gap with a row)
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.start(2)).isEqualTo(Instant.parse("2024-12-31T23:45:00Z"));
        assertThat(s.isMissing(2)).isTrue();
        assertThat(s.gaps()).hasSize(1);
        assertThat(s.unit()).isEqualTo("EUR/MWh");
    }

    @Test
    void ambiguous_and_nonexistent_local_times_are_refused_with_their_line() {
        assertThatThrownBy(() -> DeclaredCsvReader.read(
                        TestFiles.lines(
                                "time,price",
                                "2025-03-30 01:00,1",
                                "2025-03-30 02:00,2", // skipped in Berlin
                                "2025-03-30 03:00,3",
                                "2025-10-26 01:00,4",
                                "2025-10-26 02:00,5", // repeated
                                "2025-10-26T02:00:00+01:00,6", // with its offset: fine
                                "2025-10-26 03:00,7"),
                        "dst.csv",
                        spec(BERLIN, IntervalConvention.STARTING, Duration.ofHours(1))))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::toString)
                                .containsExactly(
                                        "dst.csv:3:time: '2025-03-30 02:00' does not exist in Europe/Berlin (skipped when"
                                                + " daylight saving starts); write it with its UTC offset (e.g. +01:00)",
                                        "dst.csv:6:time: '2025-10-26 02:00' is ambiguous in Europe/Berlin (the hour repeated"
                                                + " when daylight saving ends); write it with its UTC offset (e.g. +01:00)"));
    }

    @Test
    void offsets_resolve_the_repeated_hour() {
        IntervalSeries s = DeclaredCsvReader.read(
                TestFiles.lines(
                        "time,price",
                        "2025-10-26T02:00:00+02:00,1",
                        "2025-10-26T02:00:00+01:00,2",
                        "2025-10-26 03:00,3"),
                "dst.csv",
                spec(BERLIN, IntervalConvention.STARTING, Duration.ofHours(1)));
        assertThat(s.start(0)).isEqualTo(Instant.parse("2025-10-26T00:00:00Z"));
        assertThat(s.start(1)).isEqualTo(Instant.parse("2025-10-26T01:00:00Z"));
        assertThat(s.start(2)).isEqualTo(Instant.parse("2025-10-26T02:00:00Z"));
        assertThat(s.gaps()).isEmpty();
    }

    @Test
    void a_step_that_does_not_match_is_refused_where_it_happens() {
        // declared 5 minutes, the rows are hourly: refused at the first hourly step, not read as 11 gaps an hour
        assertThatThrownBy(() -> DeclaredCsvReader.read(
                        TestFiles.lines(
                                "time,price", "2025-01-01T00:00Z,1", "2025-01-01T01:00Z,2", "2025-01-01T02:00Z,3"),
                        "h.csv",
                        spec(ZoneOffset.UTC, IntervalConvention.STARTING, Duration.ofMinutes(5))))
                .hasMessageContaining("h.csv:3:time: the rows are 60 min apart (2 of 2 steps), but the declared step is"
                        + " 5 min; declare the file's own step");
        // declared 5 minutes; one row 7 minutes after the previous one, others fine, a 10-minute jump is a gap
        assertThatThrownBy(() -> DeclaredCsvReader.read(
                        TestFiles.lines(
                                "time,price",
                                "2025-01-01T00:00Z,1",
                                "2025-01-01T00:05Z,1",
                                "2025-01-01T00:12Z,1",
                                "2025-01-01T00:17Z,1",
                                "2025-01-01T00:27Z,1",
                                "2025-01-01T00:32Z,1",
                                "2025-01-01T00:31Z,1",
                                "2025-01-01T00:32Z,1",
                                "2025-01-01T00:37:00.5Z,1",
                                "2025-01-01T00:42Z,x"),
                        "f.csv",
                        spec(ZoneOffset.UTC, IntervalConvention.STARTING, Duration.ofMinutes(5))))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::toString)
                                .containsExactly(
                                        "f.csv:8:time: rows must be in time order: the interval starting 2025-01-01T00:31:00Z"
                                                + " is before the previous row's 2025-01-01T00:32:00Z",
                                        "f.csv:9:time: duplicate interval starting 2025-01-01T00:32:00Z (same as line 7)",
                                        "f.csv:10:time: '2025-01-01T00:37:00.5Z' has fractional seconds; intervals start on"
                                                + " whole seconds",
                                        "f.csv:11:price: not a number: 'x'",
                                        "f.csv:4:time: step of 7 min after the previous row (line 3), not a whole number of the"
                                                + " declared step 5 min"));
    }

    /** The same AEMO rows read as a declared CSV (NEM time, interval-ending, 5 min) and by the AEMO reader agree. */
    @Test
    void a_declared_aemo_file_reads_like_the_aemo_reader() {
        String[] lines = {
            "REGION,SETTLEMENTDATE,TOTALDEMAND,RRP,PERIODTYPE",
            "VIC1,2025/01/01 00:05:00,4339,130,TRADE",
            "VIC1,2025/01/01 00:10:00,4310.79,125.50,TRADE",
            "VIC1,2025/01/01 00:15:00,4243.74,129.02,TRADE"
        };
        IntervalSeries declared = DeclaredCsvReader.read(
                TestFiles.lines(lines),
                "v.csv",
                new DeclaredCsvReader.Spec(
                        "SETTLEMENTDATE",
                        "RRP",
                        new MarketClock(ZoneOffset.ofHours(10), IntervalConvention.ENDING),
                        Duration.ofMinutes(5),
                        Optional.of(DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT)),
                        "VIC1 RRP",
                        "AUD/MWh"));
        IntervalSeries aemo = AemoPriceAndDemandReader.read(TestFiles.lines(lines), "v.csv", Optional.empty())
                .region("VIC1")
                .orElseThrow()
                .priceAudPerMwh();
        assertThat(declared).isEqualTo(aemo);
    }
}
