package io.minerai.dispatch.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.time.Month;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Coincident peaks on hand-made system-load series (synthetic values, small enough to check on paper). */
class PeakFinderTest {
    static final CoincidentPeakDefinition FOUR_CP = CoincidentPeakDefinition.ERCOT_4CP;

    @Test
    void ercot4cpFindsTheMonthlyPeakAndTheAlertIntervals() {
        // 2024-06-30 23:00 CDT .. 2024-07-01 01:00 CDT = 04:00Z .. 06:00Z: 8 quarter hours across the June/July change
        TimeGrid load = new TimeGrid(Instant.parse("2024-07-01T04:00:00Z"), Duration.ofMinutes(15), 8);
        // June (local) gets the first 4 quarter hours, July the last 4
        TimeSeries mw = TimeSeries.of("load", "MW", load, 100, 120, 110, 90, 80, 79, 85, 84);
        TimeGrid run = new TimeGrid(Instant.parse("2024-07-01T04:00:00Z"), Duration.ofHours(1), 2);
        CoincidentPeaks s = PeakFinder.find(FOUR_CP, mw, run, 0.02);
        assertThat(s.peaksUtc())
                .containsExactly(Instant.parse("2024-07-01T04:15:00Z"), Instant.parse("2024-07-01T05:30:00Z"));
        assertThat(s.peakInterval()).containsExactly(true, true);
        assertThat(s.peakWeight()).containsExactly(1.0, 1.0);
        assertThat(s.alertInterval()).containsExactly(true, true);
        // on the 15-minute grid itself: June 100 (its own running max) and 120 alert, 110 and 90 are more than 2 %
        // below 120; July 80 (first), 79 (1.25 % below 80), 85 (new max) and 84 (1.2 % below 85) all alert
        CoincidentPeaks q = PeakFinder.find(FOUR_CP, mw, load, 0.02);
        assertThat(q.alertInterval()).containsExactly(true, true, false, false, true, true, true, true);
        assertThat(q.alertCount()).isEqualTo(6);
        assertThat(q.peakInterval()).containsExactly(false, true, false, false, false, false, true, false);
    }

    @Test
    void ignoresMonthsOutsideTheDefinitionAndLoadOutsideTheRun() {
        TimeGrid load = new TimeGrid(Instant.parse("2024-05-31T00:00:00Z"), Duration.ofHours(1), 4);
        TimeSeries mw = TimeSeries.of("load", "MW", load, 500, 400, 300, 200);
        TimeGrid run = new TimeGrid(Instant.parse("2024-05-31T02:00:00Z"), Duration.ofHours(1), 2);
        CoincidentPeaks s = PeakFinder.find(FOUR_CP, mw, run, Double.NaN);
        assertThat(s.peaksUtc()).isEmpty();
        assertThat(s.alertInterval()).containsExactly(false, false);
    }

    @Test
    void twelveCpAveragesQuarterHoursToHalfHoursOnTheLocalClock() {
        // 2024-01-15 12:00 .. 13:00 CST = 18:00Z .. 19:00Z, four quarter hours 100, 130, 120, 120: the highest quarter
        // hour (130, 18:15Z) is in the half hour 18:00Z (mean 115), but the half hour 18:30Z has the higher mean (120)
        TimeGrid load = new TimeGrid(Instant.parse("2024-01-15T18:00:00Z"), Duration.ofMinutes(15), 4);
        TimeSeries mw = TimeSeries.of("load", "MW", load, 100, 130, 120, 120);
        CoincidentPeaks p = PeakFinder.find(CoincidentPeakDefinition.ERCOT_12CP, mw, load);
        assertThat(p.peaksUtc()).containsExactly(Instant.parse("2024-01-15T18:30:00Z"));
        assertThat(p.peakLength()).isEqualTo(Duration.ofMinutes(30));
        // on the 15-minute run grid the half-hour peak covers two intervals, half each
        assertThat(p.peakWeight()).containsExactly(0, 0, 0.5, 0.5);
        // the mask a coincident-peak settler charges marks the interval where the peak starts only, so the peak is
        // counted once
        assertThat(p.peakInterval()).containsExactly(false, false, true, false);
        // 4CP has no January peak
        assertThat(PeakFinder.find(FOUR_CP, mw, load).peaksUtc()).isEmpty();
    }

    @Test
    void anIncompleteBucketIsNoCandidate() {
        // the half hour 18:30Z misses a quarter hour: only 18:00Z (mean 115) is a candidate
        TimeGrid load = new TimeGrid(Instant.parse("2024-01-15T18:00:00Z"), Duration.ofMinutes(15), 4);
        TimeSeries mw = TimeSeries.builder("load", "MW", load)
                .set(0, 100)
                .set(1, 130)
                .set(2, 500)
                .build();
        assertThat(PeakFinder.find(CoincidentPeakDefinition.ERCOT_12CP, mw, load)
                        .peaksUtc())
                .containsExactly(Instant.parse("2024-01-15T18:00:00Z"));
    }

    @Test
    void pjm5cpTakesTheFiveHighestDailyPeakHours() {
        // seven June days (EDT = UTC-4), hourly. Each day's load is flat at its base except one or two high hours;
        // day 2 has two high hours (only its highest counts), day 5's high hour is the lowest of the daily peaks.
        // Daily peaks: d0 900 @15h, d1 950 @16h, d2 1000 @17h (and 990 @15h), d3 800 @14h, d4 940 @16h, d5 700,
        // d6 960 @18h -> the five highest days: d2, d6, d1, d4, d0.
        Instant start = Instant.parse("2025-06-02T04:00:00Z"); // 2025-06-02 00:00 EDT
        TimeGrid load = new TimeGrid(start, Duration.ofHours(1), 7 * 24);
        double[] v = new double[7 * 24];
        java.util.Arrays.fill(v, 500);
        v[15] = 900;
        v[24 + 16] = 950;
        v[48 + 17] = 1000;
        v[48 + 15] = 990;
        v[72 + 14] = 800;
        v[96 + 16] = 940;
        v[120 + 12] = 700;
        v[144 + 18] = 960;
        TimeSeries mw = TimeSeries.of("load", "MW", load, v);
        CoincidentPeaks p = PeakFinder.find(CoincidentPeakDefinition.PJM_5CP, mw, load);
        assertThat(p.peaksUtc())
                .containsExactly(
                        start.plusSeconds(3600L * 15),
                        start.plusSeconds(3600L * (24 + 16)),
                        start.plusSeconds(3600L * (48 + 17)),
                        start.plusSeconds(3600L * (96 + 16)),
                        start.plusSeconds(3600L * (144 + 18)));
        assertThat(CoincidentPeakDefinition.PJM_5CP.peaksPerYear()).isEqualTo(5);
        // on a 15-minute run grid each peak hour spreads over four quarter hours
        TimeGrid quarter = new TimeGrid(start, Duration.ofMinutes(15), 7 * 96);
        CoincidentPeaks q = PeakFinder.find(CoincidentPeakDefinition.PJM_5CP, mw, quarter);
        double sum = 0;
        for (double w : q.peakWeight()) {
            sum += w;
        }
        assertThat(sum).isCloseTo(5, within(1e-12));
        assertThat(q.peakWeight()[15 * 4]).isCloseTo(0.25, within(1e-12));
        assertThat(q.peakWeight()[15 * 4 + 3]).isCloseTo(0.25, within(1e-12));
        assertThat(q.peakWeight()[15 * 4 + 4]).isZero();
        int marked = 0;
        for (boolean b : q.peakInterval()) {
            marked += b ? 1 : 0;
        }
        assertThat(marked).isEqualTo(5);
        assertThat(q.peakInterval()[15 * 4]).isTrue();
        assertThat(q.peakInterval()[15 * 4 + 1]).isFalse();
    }

    @Test
    void seasonAlertComparesWithTheKthHighestDailyPeakSoFar() {
        // two peaks per season, alert within 10 %: day 0 peaks at 100, day 1 at 80 (the 2nd highest so far), day 2's
        // 75 is within 10 % of 80 (>= 72) and alerts, 70 does not; on day 3 the two highest so far are 100 and 80
        CoincidentPeakDefinition two = new CoincidentPeakDefinition(
                "two",
                ZoneId.of("UTC"),
                EnumSet.of(Month.JULY),
                Duration.ofHours(1),
                new CoincidentPeakDefinition.Selection.TopDailyPeaks(2));
        TimeGrid g = new TimeGrid(Instant.parse("2025-07-01T00:00:00Z"), Duration.ofHours(12), 8);
        // day 0: 100, 50; day 1: 60, 80; day 2: 75, 70; day 3: 71, 90
        TimeSeries mw = TimeSeries.of("load", "MW", g, 100, 50, 60, 80, 75, 70, 71, 90);
        CoincidentPeaks p = PeakFinder.find(two, mw, g, 0.10);
        // day 0: 100 alerts (only day so far), 50 no (threshold 100); day 1: 60 -> threshold min(100, 60) = 60, alerts;
        // 80 -> k-th of {100, 80} = 80, alerts; day 2: 75 -> {100, 80, 75}: 80, alerts (>= 72); 70 no;
        // day 3: 71 -> {100, 80, 71}: 80, no (< 72); 90 -> {100, 90, 80}: 90, alerts
        assertThat(p.alertInterval()).containsExactly(true, false, true, true, true, false, false, true);
        assertThat(p.peaksUtc())
                .containsExactly(Instant.parse("2025-07-01T00:00:00Z"), Instant.parse("2025-07-04T12:00:00Z"));
    }

    @Test
    void aCoarserSeriesStandsForThePeakIntervalInsideIt() {
        // hourly system load for a 15-minute definition: the peak hour is the candidate, one hour long
        TimeGrid load = new TimeGrid(Instant.parse("2024-07-10T20:00:00Z"), Duration.ofHours(1), 3);
        TimeSeries mw = TimeSeries.of("load", "MW", load, 70_000, 80_000, 75_000);
        CoincidentPeaks p = PeakFinder.find(FOUR_CP, mw, load);
        assertThat(p.peaksUtc()).containsExactly(Instant.parse("2024-07-10T21:00:00Z"));
        assertThat(p.peakLength()).isEqualTo(Duration.ofHours(1));
        assertThat(p.peakWeight()).containsExactly(0, 1, 0);
    }

    @Test
    void aPeakIntervalThatIsNoMultipleOfTheSeriesStepIsRefused() {
        TimeGrid load = new TimeGrid(Instant.parse("2024-07-10T20:00:00Z"), Duration.ofMinutes(20), 3);
        TimeSeries mw = TimeSeries.of("load", "MW", load, 1, 2, 3);
        assertThatThrownBy(() -> PeakFinder.find(CoincidentPeakDefinition.ERCOT_12CP, mw, load))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ercot-12cp");
    }
}
