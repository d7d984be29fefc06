package io.minerai.data.ercot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * ERCOT's Central Prevailing Time (America/Chicago, with DST) to UTC, in one place.
 *
 * <p>ERCOT keys hourly data by operating day and <em>hour ending</em> 1..24: hour ending {@code h} on day {@code d}
 * covers local {@code [d (h-1):00, d h:00)}. On the spring-forward day (second Sunday of March) local 02:00..03:00
 * does not exist, so hour ending 3 does not exist and the day has 23 hours. On the fall-back day (first Sunday of
 * November) local 01:00..02:00 happens twice: hour ending 2 first in CDT (UTC-5), then again in CST (UTC-6), the
 * second one marked with DSTFlag {@code Y}; the day has 25 hours. 15-minute interval {@code k} (1..4) of an hour starts
 * {@code 15 (k-1)} minutes after the hour's start.
 */
public final class CentralTime {
    /** ERCOT's market time zone. */
    public static final ZoneId ZONE = ZoneId.of("America/Chicago");

    private static final ZoneRules RULES = ZONE.getRules();

    private CentralTime() {}

    /**
     * UTC start of hour ending {@code hourEnding} of operating day {@code date}.
     *
     * @param repeatedHour {@code true} for the second occurrence of the repeated hour on the fall-back day (DSTFlag Y)
     * @throws IllegalArgumentException with a readable reason when the hour is out of range or does not exist that day
     */
    public static Instant hourEndingStartUtc(LocalDate date, int hourEnding, boolean repeatedHour) {
        if (hourEnding < 1 || hourEnding > 24) {
            throw new IllegalArgumentException("hour ending must be 1..24, was " + hourEnding);
        }
        LocalDateTime local = date.atTime(hourEnding - 1, 0);
        List<ZoneOffset> offsets = RULES.getValidOffsets(local);
        if (offsets.isEmpty()) {
            throw new IllegalArgumentException("hour ending " + hourEnding + " does not exist on " + date
                    + " (spring-forward day: Central time jumps from 02:00 to 03:00)");
        }
        if (offsets.size() == 1) {
            if (repeatedHour) {
                throw new IllegalArgumentException("DSTFlag Y, but hour ending " + hourEnding + " on " + date
                        + " is not a repeated hour (only hour ending 2 of the fall-back day is)");
            }
            return local.toInstant(offsets.get(0));
        }
        ZoneOffsetTransition t = RULES.getTransition(local);
        if (t == null) {
            throw new IllegalStateException("no transition at " + local);
        }
        return local.toInstant(repeatedHour ? t.getOffsetAfter() : t.getOffsetBefore());
    }

    /** UTC start of 15-minute interval {@code interval} (1..4) of an hour ending. */
    public static Instant intervalStartUtc(LocalDate date, int hourEnding, int interval, boolean repeatedHour) {
        if (interval < 1 || interval > 4) {
            throw new IllegalArgumentException("interval must be 1..4, was " + interval);
        }
        return hourEndingStartUtc(date, hourEnding, repeatedHour).plusSeconds(900L * (interval - 1));
    }

    /** UTC start of operating day {@code date} (local midnight). */
    public static Instant dayStartUtc(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }

    /** Number of hours of an operating day: 23, 24 or 25. */
    public static int hoursIn(LocalDate date) {
        return (int) ((dayStartUtc(date.plusDays(1)).getEpochSecond()
                        - dayStartUtc(date).getEpochSecond())
                / 3600);
    }

    /**
     * ERCOT's label of the 15-minute interval starting at {@code startUtc} (which must be on a quarter hour).
     *
     * @param startUtc interval start
     * @return operating day, hour ending, interval and whether it is the repeated hour
     */
    public static IntervalLabel labelOf(Instant startUtc) {
        if (startUtc.getEpochSecond() % 900 != 0) {
            throw new IllegalArgumentException("not on a quarter hour: " + startUtc);
        }
        ZonedDateTime z = startUtc.atZone(ZONE);
        LocalDateTime local = z.toLocalDateTime();
        ZoneOffsetTransition t = RULES.getTransition(local);
        boolean repeated = t != null && t.isOverlap() && z.getOffset().equals(t.getOffsetAfter());
        return new IntervalLabel(local.toLocalDate(), local.getHour() + 1, local.getMinute() / 15 + 1, repeated);
    }

    /**
     * An ERCOT interval label.
     *
     * @param operatingDay CPT date
     * @param hourEnding 1..24
     * @param interval 1..4
     * @param repeatedHour DSTFlag Y
     */
    public record IntervalLabel(LocalDate operatingDay, int hourEnding, int interval, boolean repeatedHour) {}
}
