package io.minerai.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class TimeSeriesTest {
    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

    @Test
    void missingValuesAreExplicit() {
        TimeGrid g = new TimeGrid(T0, Duration.ofHours(1), 4);
        TimeSeries s = TimeSeries.builder("p", "USD/MWh", g)
                .set(0, 10)
                .set(1, 20)
                .set(3, 40)
                .build();
        assertThat(s.isMissing(2)).isTrue();
        assertThat(s.missingCount()).isEqualTo(1);
        assertThatThrownBy(() -> s.value(2)).hasMessageContaining("missing at 2024-03-01T02:00:00Z");
        assertThat(s.valueOr(2, -1)).isEqualTo(-1);
        assertThat(s.gaps()).containsExactly(new TimeSeries.Gap(T0.plusSeconds(7200), T0.plusSeconds(10800), 1));
        assertThat(s.integrateHours()).isEqualTo(70);
        assertThatThrownBy(() -> TimeSeries.builder("p", "x", g).set(0, Double.NaN))
                .hasMessageContaining("finite");
    }

    @Test
    void downsamplingAveragesAndKeepsGaps() {
        TimeGrid q = new TimeGrid(T0, Duration.ofMinutes(15), 8);
        TimeSeries s = TimeSeries.builder("p", "USD/MWh", q)
                .set(0, 10)
                .set(1, 20)
                .set(2, 30)
                .set(3, 40)
                .set(4, 1)
                .set(5, 2)
                .set(7, 4)
                .build();
        TimeSeries hourly = s.resampleTo(new TimeGrid(T0, Duration.ofHours(1), 2));
        assertThat(hourly.value(0)).isEqualTo(25);
        assertThat(hourly.isMissing(1)).isTrue();
    }

    @Test
    void upsamplingRepeatsAndOutsideCoverageIsMissing() {
        TimeGrid h = new TimeGrid(T0, Duration.ofHours(1), 2);
        TimeSeries s = TimeSeries.of("p", "USD/MWh", h, 10, 20);
        TimeSeries fine = s.resampleTo(new TimeGrid(T0.minusSeconds(900), Duration.ofMinutes(15), 10));
        assertThat(fine.isMissing(0)).isTrue();
        assertThat(fine.value(1)).isEqualTo(10);
        assertThat(fine.value(4)).isEqualTo(10);
        assertThat(fine.value(5)).isEqualTo(20);
        assertThat(fine.isMissing(9)).isTrue();
    }

    @Property
    void upsampleThenDownsampleIsIdentity(
            @ForAll @Size(min = 1, max = 48) java.util.List<@DoubleRange(min = -100, max = 5000) Double> values,
            @ForAll @IntRange(min = 1, max = 12) int factor) {
        TimeGrid coarse = new TimeGrid(T0, Duration.ofHours(1), values.size());
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        TimeSeries s = TimeSeries.of("p", "USD/MWh", coarse, v);
        TimeGrid fine = new TimeGrid(T0, Duration.ofMinutes(60 / gcdStep(factor)), values.size() * gcdStep(factor));
        TimeSeries back = s.resampleTo(fine).resampleTo(coarse);
        for (int i = 0; i < v.length; i++) {
            assertThat(back.value(i)).isCloseTo(v[i], within(1e-9));
        }
    }

    private static int gcdStep(int factor) {
        // steps that divide an hour into whole minutes of at least 5
        int[] ok = {1, 2, 3, 4, 6, 12};
        return ok[factor % ok.length];
    }
}
