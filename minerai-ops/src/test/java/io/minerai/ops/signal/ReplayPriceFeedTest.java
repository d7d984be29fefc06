package io.minerai.ops.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.core.time.TimeGrid;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.ercot.ErcotHourlyPrices;
import io.minerai.data.ercot.Market;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayPriceFeedTest {
    @Test
    void replaysTheBundledErcotPricesAndAgesAcrossTheirGaps() {
        TimeGrid year = TimeGrid.between(
                Instant.parse("2024-01-01T06:00:00Z"), Instant.parse("2025-01-01T06:00:00Z"), Duration.ofHours(1));
        var series = ErcotHourlyPrices.bundled().series("LZ_WEST", Market.RTM, year);
        ReplayPriceFeed feed = ReplayPriceFeed.of("price:LZ_WEST", series, Duration.ofHours(2));
        // 2024 LZ_WEST RTM has 8,615 of 8,784 hours (shared/data SOURCE.md), max $3,059.6/MWh on 2024-08-19/20.
        assertThat(feed.size()).isBetween(8_600, 8_784);
        double max = 0;
        Instant t = year.startUtc();
        while (t.isBefore(year.endUtc())) {
            max = Math.max(max, feed.latest(t).orElseThrow().value());
            t = t.plus(Duration.ofHours(1));
        }
        assertThat(max).isCloseTo(3059.6, org.assertj.core.data.Offset.offset(0.1));
        // 2024-03-11..16 are missing in the source: mid-gap, the latest price is days old, so the signal is stale.
        SignalValue v = feed.latest(Instant.parse("2024-03-13T12:00:00Z")).orElseThrow();
        assertThat(Duration.between(v.receivedAtUtc(), Instant.parse("2024-03-13T12:00:00Z")))
                .isGreaterThan(feed.staleAfter());
        // Within an hour the value is that hour's, stamped with its start.
        Instant mid = Instant.parse("2024-08-20T00:30:00Z");
        assertThat(feed.latest(mid).orElseThrow().receivedAtUtc()).isEqualTo(Instant.parse("2024-08-20T00:00:00Z"));
        assertThat(feed.latest(Instant.parse("2023-12-31T00:00:00Z"))).isEmpty();
    }

    @Test
    void csvFeedReportsEveryBadRowWithItsLine() {
        var ok = ReplayPriceFeed.parseCsv(
                "p.csv",
                List.of("time,priceUsdPerMwh", "2024-08-20T19:00:00-05:00,25.5", "2024-08-20T20:00:00-05:00,3000"),
                Duration.ofHours(2));
        assertThat(ok.latest(Instant.parse("2024-08-21T01:30:00Z"))
                        .orElseThrow()
                        .value())
                .isEqualTo(3000.0);
        assertThatThrownBy(() -> ReplayPriceFeed.parseCsv(
                        "p.csv",
                        List.of(
                                "time,price",
                                "2024-08-20 19:00,25",
                                "2024-08-20T20:00:00Z,abc",
                                "2024-08-20T21:00:00Z"),
                        Duration.ofHours(2)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("p.csv:2:time")
                .hasMessageContaining("p.csv:3:priceUsdPerMwh")
                .hasMessageContaining("p.csv:4");
    }
}
