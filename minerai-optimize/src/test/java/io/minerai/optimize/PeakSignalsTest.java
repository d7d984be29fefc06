package io.minerai.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** 4CP peaks and the alert rule on a hand-made 15-minute system-load series (synthetic values). */
class PeakSignalsTest {
    @Test
    void findsTheMonthlyPeakAndTheAlertIntervals() {
        // 2024-06-30 23:00 CDT .. 2024-07-01 01:00 CDT = 04:00Z .. 06:00Z: 8 quarter hours across the June/July change
        TimeGrid load = new TimeGrid(Instant.parse("2024-07-01T04:00:00Z"), Duration.ofMinutes(15), 8);
        // June (local) gets the first 4 quarter hours, July the last 4
        TimeSeries mw = TimeSeries.of("load", "MW", load, 100, 120, 110, 90, 80, 79, 85, 84);
        TimeGrid run = new TimeGrid(Instant.parse("2024-07-01T04:00:00Z"), Duration.ofHours(1), 2);
        PeakSignals s = PeakSignals.fromSystemLoad(mw, run, 0.02);
        assertThat(s.peaksUtc())
                .containsExactly(Instant.parse("2024-07-01T04:15:00Z"), Instant.parse("2024-07-01T05:30:00Z"));
        assertThat(s.peakInterval()).containsExactly(true, true);
        assertThat(s.alertInterval()).containsExactly(true, true);
        // on the 15-minute grid itself: June 100 (its own running max) and 120 alert, 110 and 90 are more than 2 %
        // below 120; July 80 (first), 79 (1.25 % below 80), 85 (new max) and 84 (1.2 % below 85) all alert
        PeakSignals q = PeakSignals.fromSystemLoad(mw, load, 0.02);
        assertThat(q.alertInterval()).containsExactly(true, true, false, false, true, true, true, true);
        assertThat(q.alertCount()).isEqualTo(6);
        assertThat(q.peakInterval()).containsExactly(false, true, false, false, false, false, true, false);
    }

    @Test
    void ignoresMonthsOutsideJuneToSeptemberAndLoadOutsideTheRun() {
        TimeGrid load = new TimeGrid(Instant.parse("2024-05-31T00:00:00Z"), Duration.ofHours(1), 4);
        TimeSeries mw = TimeSeries.of("load", "MW", load, 500, 400, 300, 200);
        TimeGrid run = new TimeGrid(Instant.parse("2024-05-31T02:00:00Z"), Duration.ofHours(1), 2);
        PeakSignals s = PeakSignals.fromSystemLoad(mw, run, Double.NaN);
        assertThat(s.peaksUtc()).isEmpty();
        assertThat(s.alertInterval()).containsExactly(false, false);
    }
}
