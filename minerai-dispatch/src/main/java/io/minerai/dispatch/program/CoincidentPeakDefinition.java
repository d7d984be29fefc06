package io.minerai.dispatch.program;

import java.time.Duration;
import java.time.Month;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/**
 * How a market program picks its coincident peaks from a system-load series: the months that count (in the market's
 * own calendar), the length of a peak interval, and how many peaks are taken per month or per season. {@link
 * PeakFinder} applies it.
 *
 * @param id program id the peaks are for, e.g. {@code ercot-4cp}
 * @param zone the market's clock, in which months and days are taken (e.g. America/Chicago for ERCOT)
 * @param months months whose intervals can be peaks
 * @param peakInterval length of a peak interval (15, 30 or 60 minutes); a finer system-load series is averaged to it
 * @param selection how many peaks, per month or per season
 */
public record CoincidentPeakDefinition(
        String id, ZoneId zone, Set<Month> months, Duration peakInterval, Selection selection) {

    /** How many peaks are taken. Every peak is a different local day's highest interval. */
    public sealed interface Selection {
        /**
         * The {@code perMonth} highest daily peaks of each month (ERCOT 4CP and 12CP: one per month).
         *
         * @param perMonth peaks per month, at least 1
         */
        record MonthlyPeaks(int perMonth) implements Selection {}

        /**
         * The {@code count} highest daily peaks of each year's season (PJM 5CP: the five highest daily peak hours of
         * June-September).
         *
         * @param count peaks per season, at least 1
         */
        record TopDailyPeaks(int count) implements Selection {}

        /** Peaks per group (month or season). */
        default int perGroup() {
            return switch (this) {
                case MonthlyPeaks m -> m.perMonth();
                case TopDailyPeaks d -> d.count();
            };
        }
    }

    private static final Set<Month> SUMMER = EnumSet.of(Month.JUNE, Month.JULY, Month.AUGUST, Month.SEPTEMBER);

    /**
     * ERCOT 4CP: the highest 15-minute system load of each month June-September, Central Prevailing Time (16 TAC
     * §25.192).
     */
    public static final CoincidentPeakDefinition ERCOT_4CP = new CoincidentPeakDefinition(
            "ercot-4cp", ZoneId.of("America/Chicago"), SUMMER, Duration.ofMinutes(15), new Selection.MonthlyPeaks(1));

    /**
     * The PUCT Project 58484 staff proposal (a what-if): the highest 30-minute system load of every month, Central
     * Prevailing Time.
     */
    public static final CoincidentPeakDefinition ERCOT_12CP = new CoincidentPeakDefinition(
            "ercot-12cp",
            ZoneId.of("America/Chicago"),
            EnumSet.allOf(Month.class),
            Duration.ofMinutes(30),
            new Selection.MonthlyPeaks(1));

    /**
     * PJM 5CP: the five highest daily peak hours of the zone's load in June-September, Eastern Prevailing Time, which
     * set a load's peak load contribution for the next delivery year.
     */
    public static final CoincidentPeakDefinition PJM_5CP = new CoincidentPeakDefinition(
            "pjm-capacity", ZoneId.of("America/New_York"), SUMMER, Duration.ofHours(1), new Selection.TopDailyPeaks(5));

    public CoincidentPeakDefinition {
        months = months.isEmpty() ? EnumSet.noneOf(Month.class) : EnumSet.copyOf(months);
        if (months.isEmpty()) {
            throw new IllegalArgumentException(id + ": no months");
        }
        if (peakInterval.isNegative() || peakInterval.isZero() || peakInterval.toSeconds() % 60 != 0) {
            throw new IllegalArgumentException(id + ": peak interval must be whole minutes, was " + peakInterval);
        }
        if (selection.perGroup() < 1) {
            throw new IllegalArgumentException(id + ": at least one peak per group");
        }
    }

    /** The number of peaks in a full year of the definition (4, 12, 5): what a tag is averaged over. */
    public int peaksPerYear() {
        return switch (selection) {
            case Selection.MonthlyPeaks m -> m.perMonth() * months.size();
            case Selection.TopDailyPeaks d -> d.count();
        };
    }
}
