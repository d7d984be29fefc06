package io.minerai.data.bitcoin;

import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.data.DateRange;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One daily quantity by UTC date with its own gaps: a value per day from {@code firstDate}, {@code NaN} where the
 * source has none. Nothing is ever interpolated. Immutable.
 */
public final class DailySeries {
    private final String name;
    private final String unit;
    private final LocalDate firstDate;
    private final double[] values;

    /**
     * @param name quantity name
     * @param unit unit of the values
     * @param firstDate date of {@code values[0]}
     * @param values one per day, NaN = missing; copied
     */
    public DailySeries(String name, String unit, LocalDate firstDate, double[] values) {
        this.name = Objects.requireNonNull(name);
        this.unit = Objects.requireNonNull(unit);
        this.firstDate = Objects.requireNonNull(firstDate);
        this.values = values.clone();
        for (double v : this.values) {
            if (Double.isInfinite(v)) {
                throw new IllegalArgumentException(name + ": infinite value");
            }
        }
    }

    public String name() {
        return name;
    }

    public String unit() {
        return unit;
    }

    /** The value of a day, empty when missing or outside the series. */
    public OptionalDouble value(LocalDate date) {
        long i = ChronoUnit.DAYS.between(firstDate, date);
        if (i < 0 || i >= values.length || Double.isNaN(values[(int) i])) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(values[(int) i]);
    }

    /** First to last day with a value; empty when the series has no value at all. */
    public Optional<DateRange> coverage() {
        int a = 0;
        while (a < values.length && Double.isNaN(values[a])) {
            a++;
        }
        if (a == values.length) {
            return Optional.empty();
        }
        int b = values.length - 1;
        while (Double.isNaN(values[b])) {
            b--;
        }
        return Optional.of(new DateRange(firstDate.plusDays(a), firstDate.plusDays(b)));
    }

    /** Runs of missing days inside {@link #coverage()}. */
    public List<DateRange> gaps() {
        return coverage().map(c -> c.runsWhere(d -> value(d).isEmpty())).orElse(List.of());
    }

    /** Number of days with a value. */
    public int presentCount() {
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        return n;
    }

    /** The days with a value, in date order. */
    public List<DatedValue> present() {
        List<DatedValue> out = new ArrayList<>(presentCount());
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                out.add(new DatedValue(firstDate.plusDays(i), values[i]));
            }
        }
        return out;
    }

    /** The series restricted to {@code range} (days outside the data are missing). */
    public DailySeries slice(DateRange range) {
        double[] out = new double[(int) range.days()];
        for (int i = 0; i < out.length; i++) {
            out[i] = value(range.first().plusDays(i)).orElse(Double.NaN);
        }
        return new DailySeries(name, unit, range.first(), out);
    }

    /**
     * Day-over-day log changes {@code ln(v[d] / v[d-1])} on day {@code d}, missing unless both days have a value and
     * both are above 0. For a price this is the daily log-return; for hashrate the daily log growth.
     */
    public DailySeries logChanges() {
        double[] out = new double[values.length];
        out[0] = Double.NaN;
        for (int i = 1; i < values.length; i++) {
            double a = values[i - 1];
            double b = values[i];
            out[i] = (a > 0 && b > 0) ? Math.log(b / a) : Double.NaN;
        }
        return new DailySeries(name + " daily log change", "1", firstDate, out);
    }

    /** Each grid interval takes the value of the UTC date of its start; missing days stay missing. */
    public TimeSeries onGrid(TimeGrid grid) {
        TimeSeries.Builder b = TimeSeries.builder(name, unit, grid);
        for (int i = 0; i < grid.count(); i++) {
            OptionalDouble v = value(grid.utcDate(i));
            if (v.isPresent()) {
                b.set(i, v.getAsDouble());
            }
        }
        return b.build();
    }

    @Override
    public String toString() {
        return "DailySeries[" + name + " (" + unit + "), "
                + coverage().map(DateRange::toString).orElse("empty") + ", " + presentCount() + " days]";
    }

    /**
     * A day and its value.
     *
     * @param date UTC day
     * @param value value
     */
    public record DatedValue(LocalDate date, double value) {}
}
