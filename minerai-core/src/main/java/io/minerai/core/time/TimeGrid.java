package io.minerai.core.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The one explicit time grid of a run: a UTC start instant, a step and a count of intervals. Interval {@code i} covers
 * {@code [start + i*step, start + (i+1)*step)}. Energy in an interval is power times {@link #stepHours()}; nothing
 * assumes hourly steps.
 *
 * @param startUtc first interval start
 * @param step interval length, from 5 minutes to 1 day, a whole number of minutes
 * @param count number of intervals, at least 1
 */
public record TimeGrid(Instant startUtc, Duration step, int count) {

    /** Shortest supported step. */
    public static final Duration MIN_STEP = Duration.ofMinutes(5);
    /** Longest supported step. */
    public static final Duration MAX_STEP = Duration.ofDays(1);

    public TimeGrid {
        Objects.requireNonNull(startUtc, "startUtc");
        Objects.requireNonNull(step, "step");
        if (step.compareTo(MIN_STEP) < 0 || step.compareTo(MAX_STEP) > 0) {
            throw new IllegalArgumentException("step must be between 5 minutes and 1 day, was " + step);
        }
        if (step.toSeconds() % 60 != 0 || step.getNano() != 0) {
            throw new IllegalArgumentException("step must be a whole number of minutes, was " + step);
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, was " + count);
        }
    }

    /** The grid covering {@code [startUtc, endUtc)}; the span must be a whole number of steps. */
    public static TimeGrid between(Instant startUtc, Instant endUtc, Duration step) {
        long spanSeconds = Duration.between(startUtc, endUtc).toSeconds();
        if (spanSeconds <= 0) {
            throw new IllegalArgumentException("end " + endUtc + " must be after start " + startUtc);
        }
        long stepSeconds = step.toSeconds();
        if (stepSeconds <= 0 || spanSeconds % stepSeconds != 0) {
            throw new IllegalArgumentException(
                    "the span " + startUtc + " .. " + endUtc + " is not a whole number of " + step + " steps");
        }
        long n = spanSeconds / stepSeconds;
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many intervals: " + n);
        }
        return new TimeGrid(startUtc, step, (int) n);
    }

    /** Length of one interval in hours (e.g. 0.25 for 15 minutes). */
    public double stepHours() {
        return step.toSeconds() / 3600.0;
    }

    public long stepSeconds() {
        return step.toSeconds();
    }

    /** Start of interval {@code i}. */
    public Instant start(int i) {
        return startUtc.plusSeconds(i * step.toSeconds());
    }

    /** End of the grid (exclusive). */
    public Instant endUtc() {
        return startUtc.plusSeconds(count * step.toSeconds());
    }

    /** UTC calendar date of the start of interval {@code i}. */
    public LocalDate utcDate(int i) {
        return LocalDate.ofInstant(start(i), ZoneOffset.UTC);
    }

    /**
     * Index of the interval containing {@code t}, or -1 when {@code t} is outside the grid.
     *
     * @param t instant
     */
    public int indexContaining(Instant t) {
        long offset = ChronoUnit.SECONDS.between(startUtc, t);
        if (offset < 0) {
            return -1;
        }
        long i = offset / step.toSeconds();
        return i < count ? (int) i : -1;
    }

    /** Index of the interval starting exactly at {@code t}, or -1 when no interval starts there. */
    public int indexStartingAt(Instant t) {
        long offset = ChronoUnit.SECONDS.between(startUtc, t);
        if (offset < 0 || offset % step.toSeconds() != 0) {
            return -1;
        }
        long i = offset / step.toSeconds();
        return i < count ? (int) i : -1;
    }

    /** Total hours covered by the grid. */
    public double totalHours() {
        return count * stepHours();
    }

    /**
     * For each interval, the index of its UTC day counted from the UTC date of the first interval (0, 1, 2...). Used to
     * look daily quantities (hashprice) up without allocation in inner loops.
     */
    public int[] utcDayIndex() {
        int[] out = new int[count];
        long firstDay = Math.floorDiv(startUtc.getEpochSecond(), 86_400L);
        long s = startUtc.getEpochSecond();
        long stepS = step.toSeconds();
        for (int i = 0; i < count; i++) {
            out[i] = (int) (Math.floorDiv(s + i * stepS, 86_400L) - firstDay);
        }
        return out;
    }

    /** Number of distinct UTC days touched by the grid. */
    public int utcDayCount() {
        long firstDay = Math.floorDiv(startUtc.getEpochSecond(), 86_400L);
        long lastDay = Math.floorDiv(start(count - 1).getEpochSecond(), 86_400L);
        return (int) (lastDay - firstDay + 1);
    }

    /** The UTC date of day index {@code d} as returned by {@link #utcDayIndex()}. */
    public LocalDate utcDateOfDayIndex(int d) {
        return utcDate(0).plusDays(d);
    }

    @Override
    public String toString() {
        return "TimeGrid[" + startUtc + " + " + count + " x " + step + "]";
    }
}
