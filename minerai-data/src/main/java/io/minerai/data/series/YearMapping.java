package io.minerai.data.series;

import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;

/**
 * Puts one year of a series onto a grid of another year, matching UTC calendar day and time of day: the target's
 * 2025-07-01T13:00Z takes the source's {@code <year>}-07-01T13:00Z. February 29 of a leap target year takes February 28
 * of a non-leap source year (so that day repeats); a leap source year's February 29 is not used by a non-leap target.
 * Each target interval takes the time-weighted mean of the source over the mapped interval, missing when any part is
 * missing or outside the source (so nothing is filled in). A target interval that runs past the end of the mapped day
 * continues into the next source day, and past December 31 into the following source year.
 */
public final class YearMapping {
    private YearMapping() {}

    /**
     * @param source the series holding the source year (it may hold more)
     * @param sourceYear the year to take
     * @param target the grid to fill
     */
    public static TimeSeries fromYear(TimeSeries source, int sourceYear, TimeGrid target) {
        TimeSeries.Builder b = TimeSeries.builder(source.name(), source.unit(), target);
        long step = target.stepSeconds();
        for (int j = 0; j < target.count(); j++) {
            long t = target.start(j).getEpochSecond();
            long dayStart = Math.floorDiv(t, 86_400L) * 86_400L;
            LocalDate d = LocalDate.ofEpochDay(dayStart / 86_400L);
            LocalDate mapped = mapDate(d, sourceYear);
            long from = mapped.atStartOfDay(ZoneOffset.UTC).toEpochSecond() + (t - dayStart);
            double v = meanOver(source, from, from + step);
            if (!Double.isNaN(v)) {
                b.set(j, v);
            }
        }
        return b.build();
    }

    /** The same month and day in {@code year}; February 29 becomes February 28 when {@code year} is not leap. */
    public static LocalDate mapDate(LocalDate d, int year) {
        if (d.getMonth() == Month.FEBRUARY && d.getDayOfMonth() == 29 && !java.time.Year.isLeap(year)) {
            return LocalDate.of(year, 2, 28);
        }
        return LocalDate.of(year, d.getMonth(), d.getDayOfMonth());
    }

    /** Time-weighted mean of {@code s} over {@code [fromS, toS)} (epoch seconds); NaN when any part is missing. */
    static double meanOver(TimeSeries s, long fromS, long toS) {
        TimeGrid g = s.grid();
        long s0 = g.startUtc().getEpochSecond();
        long st = g.stepSeconds();
        if (fromS < s0 || toS > s0 + st * g.count()) {
            return Double.NaN;
        }
        int first = (int) ((fromS - s0) / st);
        int last = (int) ((toS - 1 - s0) / st);
        double acc = 0;
        for (int k = first; k <= last; k++) {
            if (s.isMissing(k)) {
                return Double.NaN;
            }
            long ks = s0 + k * st;
            acc += s.value(k) * (Math.min(toS, ks + st) - Math.max(fromS, ks));
        }
        return acc / (toS - fromS);
    }
}
