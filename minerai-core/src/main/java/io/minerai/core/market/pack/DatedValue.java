package io.minerai.core.market.pack;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A value that changes by date (a price cap by financial year, a settlement step that changed): each entry is in force
 * from its date (inclusive, in the market's local calendar) until the next entry's date.
 *
 * @param entries in date order
 */
public record DatedValue(List<Entry> entries) {
    /**
     * One value and the day it takes effect.
     *
     * @param from first day in force
     * @param value the value
     * @param source where the figure comes from
     */
    public record Entry(LocalDate from, double value, String source) {}

    public DatedValue {
        entries = List.copyOf(entries);
        for (int i = 1; i < entries.size(); i++) {
            if (!entries.get(i).from().isAfter(entries.get(i - 1).from())) {
                throw new IllegalArgumentException("dated values must be in date order");
            }
        }
    }

    /** A value in force at all dates. */
    public static DatedValue always(double value, String source) {
        return new DatedValue(List.of(new Entry(LocalDate.MIN, value, source)));
    }

    /** The entry in force on {@code day}, empty before the first. */
    public Optional<Entry> on(LocalDate day) {
        Entry found = null;
        for (Entry e : entries) {
            if (!e.from().isAfter(day)) {
                found = e;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The value in force on {@code day}, or NaN before the first entry. */
    public double valueOn(LocalDate day) {
        return on(day).map(Entry::value).orElse(Double.NaN);
    }
}
