package io.minerai.core.market;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * How a market's publishers stamp time: the zone their local timestamps are in and whether a stamp marks the start or
 * the end of its interval. Daylight saving follows the zone's rules: a fixed-offset zone such as NEM time
 * ({@code +10:00}) has none; in a zone with daylight saving a local stamp in the repeated hour is ambiguous and a
 * stamp in the skipped hour does not exist, which {@link #intervalStartUtc} reports instead of guessing.
 *
 * <p>Importers convert to UTC interval starts once, at the edge, with this; nothing after them knows a market's clock.
 *
 * @param zone the zone of the published local timestamps (e.g. {@code America/Chicago}, {@code +10:00})
 * @param convention interval-starting or interval-ending stamps
 */
public record MarketClock(ZoneId zone, IntervalConvention convention) {

    /** UTC, interval-starting: the convention of the project's own grids. */
    public static final MarketClock UTC_STARTING = new MarketClock(ZoneOffset.UTC, IntervalConvention.STARTING);

    /** Whether the zone observes daylight saving (its offset is not fixed). */
    public boolean observesDaylightSaving() {
        return !zone.getRules().isFixedOffset();
    }

    /**
     * The UTC start of the interval of length {@code step} that the local stamp labels.
     *
     * @return empty when the stamp is ambiguous (the repeated hour of a daylight-saving change) or does not exist
     *     (the skipped hour); the caller reports it with its file and line
     */
    public Optional<Instant> intervalStartUtc(LocalDateTime localStamp, Duration step) {
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(localStamp);
        if (offsets.size() != 1) {
            return Optional.empty();
        }
        return Optional.of(intervalStartUtc(localStamp.toInstant(offsets.get(0)), step));
    }

    /** The UTC start of the interval of length {@code step} labelled by the absolute stamp {@code stampUtc}. */
    public Instant intervalStartUtc(Instant stampUtc, Duration step) {
        return convention == IntervalConvention.ENDING ? stampUtc.minus(step) : stampUtc;
    }

    @Override
    public String toString() {
        return zone.getId() + ", interval-" + (convention == IntervalConvention.ENDING ? "ending" : "starting");
    }
}
