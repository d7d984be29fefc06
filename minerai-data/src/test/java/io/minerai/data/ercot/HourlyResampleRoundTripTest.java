package io.minerai.data.ercot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Real hourly prices (random windows of the bundled data, gaps included) put on a 5- or 15-minute grid and averaged
 * back to hours give the original values and the same missing hours.
 */
class HourlyResampleRoundTripTest {
    private static final TimeSeries HOURLY = ErcotHourlyPrices.bundled().hourly("LZ_WEST", Market.RTM);

    @Property(tries = 200)
    void fineAndBackIsIdentity(
            @ForAll @IntRange(min = 0, max = 19_000) int offset,
            @ForAll @IntRange(min = 1, max = 72) int hours,
            @ForAll boolean fiveMinutes) {
        int start = Math.min(offset, HOURLY.size() - hours);
        TimeGrid window = new TimeGrid(HOURLY.grid().start(start), Duration.ofHours(1), hours);
        TimeGrid fine = TimeGrid.between(window.startUtc(), window.endUtc(), Duration.ofMinutes(fiveMinutes ? 5 : 15));
        TimeSeries back = HOURLY.resampleTo(fine).resampleTo(window);
        for (int h = 0; h < hours; h++) {
            assertThat(back.isMissing(h)).isEqualTo(HOURLY.isMissing(start + h));
            if (!back.isMissing(h)) {
                assertThat(back.value(h)).isCloseTo(HOURLY.value(start + h), within(1e-9));
            }
        }
    }
}
