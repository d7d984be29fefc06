package io.minerai.data;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * An inclusive range of calendar days, e.g. the coverage of a daily dataset or a run of missing days.
 *
 * @param first first day
 * @param last last day (inclusive), not before {@code first}
 */
public record DateRange(LocalDate first, LocalDate last) {

    public DateRange {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("last " + last + " is before first " + first);
        }
    }

    /** Number of days in the range. */
    public long days() {
        return ChronoUnit.DAYS.between(first, last) + 1;
    }

    public boolean contains(LocalDate d) {
        return !d.isBefore(first) && !d.isAfter(last);
    }

    /** Whether the two ranges share at least one day. */
    public boolean overlaps(DateRange other) {
        return !other.last.isBefore(first) && !other.first.isAfter(last);
    }

    /** The runs of consecutive days in this range for which {@code missing} holds. */
    public List<DateRange> runsWhere(Predicate<LocalDate> missing) {
        List<DateRange> out = new ArrayList<>();
        LocalDate runStart = null;
        LocalDate prev = null;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (missing.test(d)) {
                if (runStart == null) {
                    runStart = d;
                }
            } else if (runStart != null && prev != null) {
                out.add(new DateRange(runStart, prev));
                runStart = null;
            }
            prev = d;
        }
        if (runStart != null) {
            out.add(new DateRange(runStart, last));
        }
        return out;
    }

    @Override
    public String toString() {
        return first.equals(last) ? first.toString() : first + ".." + last;
    }
}
