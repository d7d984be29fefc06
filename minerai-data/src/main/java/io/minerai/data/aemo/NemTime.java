package io.minerai.data.aemo;

import io.minerai.core.market.IntervalConvention;
import io.minerai.core.market.MarketClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * NEM time and the NEM's settlement interval. NEM time is Australian Eastern Standard Time all year (UTC+10, no
 * daylight saving); AEMO stamps an interval by its end. Five-minute settlement replaced 30-minute trading intervals on
 * 1 October 2021 (AEMO, "Five Minute Settlements": "On 1 October 2021 ... the NEM commenced operating in five-minute
 * mode"; Australian Energy Council, 30 Sep 2021: the change "occurs at midnight 30 September").
 */
public final class NemTime {
    /** NEM time: UTC+10 all year. */
    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(10);

    /** How AEMO stamps its files: NEM time, interval-ending. */
    public static final MarketClock AEMO_CLOCK = new MarketClock(OFFSET, IntervalConvention.ENDING);

    /** The end (NEM time) of the last 30-minute trading interval: five-minute settlement starts here. */
    public static final LocalDateTime FIVE_MINUTE_SETTLEMENT_START = LocalDateTime.of(2021, 10, 1, 0, 0);

    private NemTime() {}

    /** The settlement interval length of the interval ending at {@code endNem} (NEM time). */
    public static Duration intervalEnding(LocalDateTime endNem) {
        return endNem.isAfter(FIVE_MINUTE_SETTLEMENT_START) ? Duration.ofMinutes(5) : Duration.ofMinutes(30);
    }

    /** The UTC instant of a NEM-time stamp (always unique: NEM time has no daylight saving). */
    public static Instant toUtc(LocalDateTime nem) {
        return nem.toInstant(OFFSET);
    }
}
