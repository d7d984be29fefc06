package io.minerai.data.ercot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class CentralTimeTest {
    private static Instant utc(String s) {
        return Instant.parse(s);
    }

    @Test
    void winterAndSummerHoursByHand() {
        // CST = UTC-6: hour ending 1 covers 00:00-01:00 local = 06:00-07:00Z.
        assertThat(CentralTime.hourEndingStartUtc(LocalDate.of(2024, 1, 1), 1, false))
                .isEqualTo(utc("2024-01-01T06:00:00Z"));
        // CDT = UTC-5.
        assertThat(CentralTime.hourEndingStartUtc(LocalDate.of(2024, 7, 1), 1, false))
                .isEqualTo(utc("2024-07-01T05:00:00Z"));
        assertThat(CentralTime.hourEndingStartUtc(LocalDate.of(2024, 1, 1), 24, false))
                .isEqualTo(utc("2024-01-02T05:00:00Z"));
        assertThat(CentralTime.intervalStartUtc(LocalDate.of(2025, 7, 30), 9, 3, false))
                .isEqualTo(utc("2025-07-30T13:30:00Z"));
    }

    @Test
    void springForwardDayHasNoHourEnding3() {
        LocalDate d = LocalDate.of(2024, 3, 10);
        assertThat(CentralTime.hoursIn(d)).isEqualTo(23);
        assertThat(CentralTime.hourEndingStartUtc(d, 2, false)).isEqualTo(utc("2024-03-10T07:00:00Z"));
        assertThatThrownBy(() -> CentralTime.hourEndingStartUtc(d, 3, false))
                .hasMessageContaining("hour ending 3 does not exist on 2024-03-10");
        // 03:00 CDT = 08:00Z, right after 01:00-02:00 CST = 07:00-08:00Z.
        assertThat(CentralTime.hourEndingStartUtc(d, 4, false)).isEqualTo(utc("2024-03-10T08:00:00Z"));
    }

    @Test
    void fallBackDayRepeatsHourEnding2() {
        LocalDate d = LocalDate.of(2024, 11, 3);
        assertThat(CentralTime.hoursIn(d)).isEqualTo(25);
        assertThat(CentralTime.hourEndingStartUtc(d, 1, false)).isEqualTo(utc("2024-11-03T05:00:00Z"));
        assertThat(CentralTime.hourEndingStartUtc(d, 2, false)).isEqualTo(utc("2024-11-03T06:00:00Z"));
        assertThat(CentralTime.hourEndingStartUtc(d, 2, true)).isEqualTo(utc("2024-11-03T07:00:00Z"));
        assertThat(CentralTime.hourEndingStartUtc(d, 3, false)).isEqualTo(utc("2024-11-03T08:00:00Z"));
        assertThatThrownBy(() -> CentralTime.hourEndingStartUtc(d, 3, true)).hasMessageContaining("DSTFlag Y");
        assertThat(CentralTime.labelOf(utc("2024-11-03T07:45:00Z")))
                .isEqualTo(new CentralTime.IntervalLabel(d, 2, 4, true));
        assertThat(CentralTime.labelOf(utc("2024-11-03T06:45:00Z")))
                .isEqualTo(new CentralTime.IntervalLabel(d, 2, 4, false));
    }

    @Test
    void outOfRangeHoursAndIntervals() {
        LocalDate d = LocalDate.of(2024, 1, 1);
        assertThatThrownBy(() -> CentralTime.hourEndingStartUtc(d, 0, false)).hasMessageContaining("1..24");
        assertThatThrownBy(() -> CentralTime.hourEndingStartUtc(d, 25, false)).hasMessageContaining("1..24");
        assertThatThrownBy(() -> CentralTime.intervalStartUtc(d, 1, 5, false)).hasMessageContaining("1..4");
    }

    /** Every quarter hour between 2015 and 2035 has exactly one label, and the label leads back to it. */
    @Property(tries = 2000)
    void labelRoundTrip(@ForAll @LongRange(min = 1_420_070_400L / 900, max = 2_051_222_400L / 900) long quarter) {
        Instant t = Instant.ofEpochSecond(quarter * 900);
        CentralTime.IntervalLabel l = CentralTime.labelOf(t);
        assertThat(CentralTime.intervalStartUtc(l.operatingDay(), l.hourEnding(), l.interval(), l.repeatedHour()))
                .isEqualTo(t);
    }

    /** An operating day's intervals are consecutive and cover its 23, 24 or 25 hours exactly. */
    @Property(tries = 300)
    void operatingDaysTile(@ForAll @IntRange(min = 0, max = 7300) int dayOffset) {
        LocalDate d = LocalDate.of(2015, 1, 1).plusDays(dayOffset);
        Instant expected = CentralTime.dayStartUtc(d);
        int n = 0;
        for (int he = 1; he <= 24; he++) {
            for (boolean repeated : new boolean[] {false, true}) {
                Instant s;
                try {
                    s = CentralTime.hourEndingStartUtc(d, he, repeated);
                } catch (IllegalArgumentException e) {
                    continue;
                }
                assertThat(s).isEqualTo(expected);
                expected = expected.plusSeconds(3600);
                n++;
            }
        }
        assertThat(n).isEqualTo(CentralTime.hoursIn(d));
        assertThat(expected).isEqualTo(CentralTime.dayStartUtc(d.plusDays(1)));
    }
}
