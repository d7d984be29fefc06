package io.minerai.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimeGridTest {
    private static final Instant T0 = Instant.parse("2024-01-01T06:00:00Z");

    @Test
    void basics() {
        TimeGrid g = TimeGrid.between(T0, T0.plus(Duration.ofDays(1)), Duration.ofMinutes(15));
        assertThat(g.count()).isEqualTo(96);
        assertThat(g.stepHours()).isEqualTo(0.25);
        assertThat(g.start(4)).isEqualTo(T0.plusSeconds(3600));
        assertThat(g.endUtc()).isEqualTo(T0.plus(Duration.ofDays(1)));
        assertThat(g.indexContaining(T0.plusSeconds(3600 + 60))).isEqualTo(4);
        assertThat(g.indexStartingAt(T0.plusSeconds(3600 + 60))).isEqualTo(-1);
        assertThat(g.indexContaining(T0.minusSeconds(1))).isEqualTo(-1);
        assertThat(g.indexContaining(g.endUtc())).isEqualTo(-1);
        assertThat(g.totalHours()).isEqualTo(24.0);
    }

    @Test
    void utcDays() {
        TimeGrid g = new TimeGrid(T0, Duration.ofHours(1), 24);
        int[] d = g.utcDayIndex();
        assertThat(d[0]).isZero();
        assertThat(d[17]).isZero(); // 23:00Z
        assertThat(d[18]).isEqualTo(1); // 00:00Z next day
        assertThat(g.utcDayCount()).isEqualTo(2);
        assertThat(g.utcDate(18)).isEqualTo(LocalDate.parse("2024-01-02"));
        assertThat(g.utcDateOfDayIndex(1)).isEqualTo(LocalDate.parse("2024-01-02"));
    }

    @Test
    void rejectsBadSteps() {
        assertThatThrownBy(() -> new TimeGrid(T0, Duration.ofMinutes(1), 10)).hasMessageContaining("5 minutes");
        assertThatThrownBy(() -> new TimeGrid(T0, Duration.ofDays(2), 10)).hasMessageContaining("1 day");
        assertThatThrownBy(() -> new TimeGrid(T0, Duration.ofSeconds(330), 10)).hasMessageContaining("whole number");
        assertThatThrownBy(() -> new TimeGrid(T0, Duration.ofHours(1), 0)).hasMessageContaining(">= 1");
        assertThatThrownBy(() -> TimeGrid.between(T0, T0.plusSeconds(5400), Duration.ofHours(1)))
                .hasMessageContaining("whole number");
    }
}
