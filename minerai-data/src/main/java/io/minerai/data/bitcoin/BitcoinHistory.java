package io.minerai.data.bitcoin;

import io.minerai.core.bitcoin.BitcoinDay;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.data.DateRange;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Daily Bitcoin network data (price, hashrate, subsidy, fees) by UTC date, sorted, with its missing days explicit.
 * Built by {@link CoinMetricsReader}. Immutable and thread-safe.
 */
public final class BitcoinHistory {
    private final String source;
    private final NavigableMap<LocalDate, BitcoinDay> days;
    private final DateRange coverage;
    private final Map<LocalDate, String> missingReasons;

    BitcoinHistory(
            String source,
            NavigableMap<LocalDate, BitcoinDay> days,
            DateRange coverage,
            Map<LocalDate, String> missing) {
        this.source = source;
        this.days = Collections.unmodifiableNavigableMap(new TreeMap<>(days));
        this.coverage = coverage;
        this.missingReasons = Collections.unmodifiableMap(new TreeMap<>(missing));
    }

    /** Builds a history from days (e.g. in tests); dates between the first and last day that are absent are gaps. */
    public static BitcoinHistory of(String source, List<BitcoinDay> days) {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("no days");
        }
        TreeMap<LocalDate, BitcoinDay> map = new TreeMap<>();
        for (BitcoinDay d : days) {
            if (map.put(d.dateUtc(), d) != null) {
                throw new IllegalArgumentException("duplicate day " + d.dateUtc());
            }
        }
        DateRange cov = new DateRange(map.firstKey(), map.lastKey());
        Map<LocalDate, String> missing = new TreeMap<>();
        for (LocalDate d = cov.first(); !d.isAfter(cov.last()); d = d.plusDays(1)) {
            if (!map.containsKey(d)) {
                missing.put(d, "no row");
            }
        }
        return new BitcoinHistory(source, map, cov, missing);
    }

    /** Where the data came from, for reports and attribution. */
    public String source() {
        return source;
    }

    /** The day's data, if present. */
    public Optional<BitcoinDay> day(LocalDate dateUtc) {
        return Optional.ofNullable(days.get(dateUtc));
    }

    /** First to last day of the source's rows (including trailing empty rows, which are gaps). */
    public DateRange coverage() {
        return coverage;
    }

    /** Runs of missing days inside {@link #coverage()}. */
    public List<DateRange> gaps() {
        return coverage.runsWhere(missingReasons::containsKey);
    }

    /** Missing days inside {@link #coverage()} with why each is missing (empty row, no row, missing column). */
    public Map<LocalDate, String> missingDays() {
        return missingReasons;
    }

    /** Present days, sorted by date. */
    public List<BitcoinDay> days() {
        return List.copyOf(days.values());
    }

    /** Present days by date, sorted. */
    public NavigableMap<LocalDate, BitcoinDay> asMap() {
        return days;
    }

    /** Present days between {@code from} and {@code to} inclusive, by date. */
    public NavigableMap<LocalDate, BitcoinDay> between(LocalDate from, LocalDate to) {
        return days.subMap(from, true, to, true);
    }

    /** The present days touched by the grid's intervals. */
    public Map<LocalDate, BitcoinDay> daysOf(TimeGrid grid) {
        return between(grid.utcDate(0), grid.utcDate(grid.count() - 1));
    }

    /**
     * Per-interval series on {@code grid}: each interval gets the value of the UTC date of its start. Days that are
     * missing or outside the data leave their intervals missing.
     */
    public BitcoinSeries onGrid(TimeGrid grid) {
        Objects.requireNonNull(grid, "grid");
        TimeSeries.Builder perTh = TimeSeries.builder("btcPerThDay", "BTC/TH/s/day", grid);
        TimeSeries.Builder price = TimeSeries.builder("btcPriceUsd", "USD/BTC", grid);
        int[] dayIndex = grid.utcDayIndex();
        LocalDate first = grid.utcDate(0);
        int current = -1;
        BitcoinDay day = null;
        for (int i = 0; i < grid.count(); i++) {
            if (dayIndex[i] != current) {
                current = dayIndex[i];
                day = days.get(first.plusDays(current));
            }
            if (day != null) {
                perTh.set(i, day.btcPerThDay());
                price.set(i, day.priceUsdPerBtc());
            }
        }
        return new BitcoinSeries(perTh.build(), price.build());
    }

    @Override
    public String toString() {
        return "BitcoinHistory[" + source + ", " + coverage + ", " + days.size() + " days, " + missingReasons.size()
                + " missing]";
    }
}
