package io.minerai.data.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.TestFiles;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TimestampedCsvReaderTest {
    private static final TimestampedCsvReader.Spec PRICE =
            TimestampedCsvReader.Spec.of("time", "price").withUnit("USD/MWh");

    @Test
    void utcAndOffsetTimestampsWithAMissingRow() {
        TimestampedData d = TimestampedCsvReader.read(
                TestFiles.lines(
                        "time,price",
                        "2024-01-01T06:00:00Z,10",
                        "2024-01-01T01:00:00-06:00,11.5",
                        "2024-01-01 09:00:00Z,-2",
                        "2024-01-01T10:00Z,"),
                "p.csv",
                PRICE);
        assertThat(d.grid()).isEqualTo(new TimeGrid(Instant.parse("2024-01-01T06:00:00Z"), Duration.ofHours(1), 5));
        TimeSeries s = d.series("price");
        assertThat(s.unit()).isEqualTo("USD/MWh");
        assertThat(s.value(0)).isEqualTo(10);
        assertThat(s.value(1)).isEqualTo(11.5);
        assertThat(s.isMissing(2)).isTrue();
        assertThat(s.value(3)).isEqualTo(-2);
        assertThat(s.isMissing(4)).isTrue();
    }

    @Test
    void bareLocalTimesNeedAZone() {
        assertThatThrownBy(() -> TimestampedCsvReader.read(
                        TestFiles.lines("time,price", "2024-01-01T00:00,1", "2024-01-01T01:00,2"), "p.csv", PRICE))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::path)
                                .containsExactly("p.csv:2:time", "p.csv:3:time"))
                .hasMessageContaining("'2024-01-01T00:00' has no UTC offset");
    }

    @Test
    void localTimesInAZoneAcrossBothDstChanges() {
        var chicago = PRICE.withZone(ZoneId.of("America/Chicago"));
        TimestampedData fall = TimestampedCsvReader.read(
                TestFiles.lines(
                        "time,price",
                        "2024-11-03T00:00,1",
                        "2024-11-03T01:00,2",
                        "2024-11-03T01:00,3",
                        "2024-11-03T02:00,4"),
                "fall.csv",
                chicago);
        assertThat(fall.grid()).isEqualTo(new TimeGrid(Instant.parse("2024-11-03T05:00:00Z"), Duration.ofHours(1), 4));
        assertThat(fall.series("price").copyValues()).containsExactly(1, 2, 3, 4);
        TimestampedData spring = TimestampedCsvReader.read(
                TestFiles.lines("time,price", "2024-03-10T01:00,1", "2024-03-10T03:00,2"), "spring.csv", chicago);
        assertThat(spring.grid())
                .isEqualTo(new TimeGrid(Instant.parse("2024-03-10T07:00:00Z"), Duration.ofHours(1), 2));
        assertThatThrownBy(() -> TimestampedCsvReader.read(
                        TestFiles.lines("time,price", "2024-03-10T01:00,1", "2024-03-10T02:30,2"), "gap.csv", chicago))
                .hasMessageContaining("gap.csv:3:time: '2024-03-10T02:30' does not exist in America/Chicago");
    }

    @Test
    void badRowsAreAllReported() {
        var in = TestFiles.lines(
                "time,cf",
                "2024-01-01T00:00:00Z,0.5",
                "2024-01-01T00:15:00Z,1.2",
                "2024-01-01T00:40:00Z,0.1",
                "2024-01-01T00:40:00Z,0.1",
                "2023-12-31T00:00:00Z,0.1",
                "yesterday,0.1",
                "2024-01-01T01:00:00Z,x");
        assertThatThrownBy(() -> TimestampedCsvReader.read(
                        in, "cf.csv", TimestampedCsvReader.Spec.of("time", "cf").withRange(0, 1)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::toString)
                                .containsExactly(
                                        "cf.csv:3:cf: must be within 0..1, was 1.2",
                                        "cf.csv:5:time: duplicate timestamp 2024-01-01T00:40:00Z (same as line 4)",
                                        "cf.csv:6:time: rows must be in time order: 2023-12-31T00:00:00Z is before the"
                                                + " previous row's 2024-01-01T00:40:00Z",
                                        "cf.csv:7:time: not an ISO-8601 timestamp: 'yesterday'",
                                        "cf.csv:8:cf: not a number: 'x'",
                                        "cf.csv:4:time: irregular step: 2024-01-01T00:40:00Z is not a whole number of"
                                                + " 15m steps from the other rows (e.g. line 2 at 2024-01-01T00:00:00Z);"
                                                + " the previous row, line 3, is 2024-01-01T00:15:00Z"));
    }

    /** One hourly row moved to :45 is blamed, not the regular rows before it (issue 13: it was the wrong line). */
    @Test
    void anIrregularStepIsReportedAtTheRowWhereItOccurs() {
        var in = TestFiles.lines(
                "time,price",
                "2024-01-01T00:00:00Z,1",
                "2024-01-01T01:00:00Z,2",
                "2024-01-01T02:00:00Z,3",
                "2024-01-01T02:45:00Z,4",
                "2024-01-01T04:00:00Z,5",
                "2024-01-01T05:00:00Z,6");
        assertThatThrownBy(() -> TimestampedCsvReader.read(in, "p.csv", PRICE))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::toString)
                                .containsExactly(
                                        "p.csv:5:time: irregular step: 2024-01-01T02:45:00Z is not a whole number of 1h"
                                                + " steps from the other rows (e.g. line 2 at 2024-01-01T00:00:00Z); the previous row,"
                                                + " line 4, is 2024-01-01T02:00:00Z"));
    }

    @Test
    void aShiftedFirstRowIsTheOneBlamed() {
        var in = TestFiles.lines(
                "time,price", "2024-01-01T00:10:00Z,1", "2024-01-01T01:00:00Z,2", "2024-01-01T02:00:00Z,3");
        assertThatThrownBy(() -> TimestampedCsvReader.read(in, "p.csv", PRICE))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems()).extracting(Problem::path).containsExactly("p.csv:2:time"))
                .hasMessageContaining("it is the first row");
    }

    @Test
    void aStepMostRowsFollowThatIsNotSupported() {
        var in = TestFiles.lines(
                "time,price",
                "2024-01-01T00:00:00Z,1",
                "2024-01-01T00:01:00Z,2",
                "2024-01-01T00:02:00Z,3",
                "2024-01-01T00:03:30Z,4");
        assertThatThrownBy(() -> TimestampedCsvReader.read(in, "p.csv", PRICE))
                .hasMessageContaining("p.csv:3: the data's step 1m (from line 2 to this one, as most rows) is not"
                        + " supported; it must be 5 minutes to 1 day, whole minutes");
    }

    /** A fraction of a second is refused, not cut off (issue 13); a zero fraction is exact and fine. */
    @Test
    void fractionalSecondsAreRefusedNotTruncated() {
        var in = TestFiles.lines(
                "time,price", "2024-01-01T00:00:00.000Z,1", "2024-01-01T01:00:00.250Z,2", "2024-01-01T02:00:00Z,3");
        assertThatThrownBy(() -> TimestampedCsvReader.read(in, "p.csv", PRICE))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::toString)
                                .containsExactly(
                                        "p.csv:3:time: '2024-01-01T01:00:00.250Z' has a fraction of a second; interval"
                                                + " starts are whole seconds (write 2024-01-01T01:00:00Z if that is meant)"));
        TimestampedData ok = TimestampedCsvReader.read(
                TestFiles.lines("time,price", "2024-01-01T00:00:00.000Z,1", "2024-01-01T01:00:00.0Z,2"),
                "p.csv",
                PRICE);
        assertThat(ok.grid()).isEqualTo(new TimeGrid(Instant.parse("2024-01-01T00:00:00Z"), Duration.ofHours(1), 2));
    }

    @Test
    void invalidUtf8IsReportedAtItsLineAndColumn() {
        byte[] head = "time,price\n2024-01-01T00:00:00Z,1\n2024-01-01T01:00:00Z,".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 3);
        bytes[head.length] = '2';
        bytes[head.length + 1] = (byte) 0xB0; // a lone continuation byte
        bytes[head.length + 2] = '\n';
        assertThatThrownBy(() -> TimestampedCsvReader.read(new ByteArrayInputStream(bytes), "p.csv", PRICE))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::toString)
                                .containsExactly("p.csv:3:23: not valid UTF-8 (byte 0xB0); save the file as UTF-8"));
    }

    @Test
    void aMistypedYearCannotMakeAHugeGrid() {
        var in = TestFiles.lines(
                "time,price", "2024-01-01T00:00:00Z,1", "2024-01-01T01:00:00Z,2", "9024-01-01T00:00:00Z,3");
        assertThatThrownBy(() -> TimestampedCsvReader.read(in, "p.csv", PRICE))
                .hasMessageContaining("p.csv:4: the rows span 2024-01-01T00:00:00Z (line 2) .. 9024-01-01T00:00:00Z")
                .hasMessageContaining("is a year mistyped?");
    }

    @Test
    void missingColumnsAndTooFewRows() {
        assertThatThrownBy(() -> TimestampedCsvReader.read(TestFiles.lines("t,price", "x,1"), "p.csv", PRICE))
                .hasMessageContaining("p.csv:1:time: missing column time; the header has t, price");
        assertThatThrownBy(() -> TimestampedCsvReader.read(
                        TestFiles.lines("time,price", "2024-01-01T00:00:00Z,1"), "p.csv", PRICE))
                .hasMessageContaining("p.csv: needs at least two rows to infer the step, has 1");
    }

    /**
     * Synthetic 15-minute values written as CSV and read back are the same series, and resampled to hourly they equal
     * the plain mean of each hour's four values (the reference), missing when any quarter is missing.
     */
    @Property(tries = 100)
    void readBackAndResampleAgainstAPlainMean(
            @ForAll @IntRange(min = 1, max = 48) int hours,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
        Random rnd = new Random(seed);
        Instant start = Instant.parse("2024-03-09T00:00:00Z").plusSeconds(3600L * rnd.nextInt(1000));
        int n = hours * 4;
        double[] v = new double[n];
        StringBuilder csv = new StringBuilder("time,price\n");
        for (int i = 0; i < n; i++) {
            boolean present = i == 0 || i == n - 1 || rnd.nextInt(8) > 0;
            v[i] = present ? (rnd.nextInt(200_000) - 20_000) / 100.0 : Double.NaN;
            csv.append(start.plusSeconds(900L * i))
                    .append(',')
                    .append(present ? Double.toString(v[i]) : "")
                    .append('\n');
        }
        TimestampedData d = TimestampedCsvReader.read(
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "s.csv", PRICE);
        TimeSeries s = d.series("price");
        assertThat(s.copyValues()).containsExactly(v);
        TimeSeries hourly = s.resampleTo(new TimeGrid(start, Duration.ofHours(1), hours));
        for (int h = 0; h < hours; h++) {
            double sum = 0;
            boolean any = false;
            for (int q = 0; q < 4; q++) {
                sum += v[h * 4 + q];
                any |= Double.isNaN(v[h * 4 + q]);
            }
            if (any) {
                assertThat(hourly.isMissing(h)).isTrue();
            } else {
                assertThat(hourly.value(h)).isCloseTo(sum / 4, within(1e-9));
            }
        }
    }
}
