package io.minerai.data.series;

import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.data.Coverage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Values over published intervals {@code [start, end)} in UTC, as a publisher states them: the intervals need not be
 * equally long (DE-LU day-ahead is 60-minute until 2025-09-30 and 15-minute from 2025-10-01), need not be aligned with
 * a run's grid (an OpenElectricity hour covers {@code [H-5min, H+55min)}) and may leave holes. An interval may also be
 * present without a value (a blank cell): that is a gap too. Nothing is ever filled in.
 *
 * <p>{@link #resampleTo(TimeGrid)} puts the values on a run's grid: a run interval gets the time-weighted mean of the
 * published intervals it overlaps when they cover it completely and all have values; otherwise it is missing. So a
 * coarser run interval averages, a finer one repeats the covering value, and a gap stays a gap.
 *
 * <p>Immutable; intervals are sorted and do not overlap (the {@link Builder} refuses anything else).
 */
public final class IntervalSeries {
    private final String name;
    private final String unit;
    private final long[] startSec;
    private final long[] endSec;
    private final double[] values;
    private final BitSet missing;

    private IntervalSeries(String name, String unit, long[] startSec, long[] endSec, double[] values, BitSet missing) {
        this.name = name;
        this.unit = unit;
        this.startSec = startSec;
        this.endSec = endSec;
        this.values = values;
        this.missing = missing;
    }

    /** A builder for intervals added in time order. */
    public static Builder builder(String name, String unit) {
        return new Builder(name, unit);
    }

    /** The intervals of a regular series: one per grid interval, missing where the series is missing. */
    public static IntervalSeries of(TimeSeries series) {
        TimeGrid g = series.grid();
        Builder b = builder(series.name(), series.unit());
        for (int i = 0; i < g.count(); i++) {
            Instant s = g.start(i);
            Instant e = s.plus(g.step());
            if (series.isMissing(i)) {
                b.addMissing(s, e);
            } else {
                b.add(s, e, series.value(i));
            }
        }
        return b.build();
    }

    public String name() {
        return name;
    }

    /** Unit of the values, e.g. {@code AUD/MWh}. */
    public String unit() {
        return unit;
    }

    /** Number of published intervals (with or without a value). */
    public int size() {
        return values.length;
    }

    public Instant start(int i) {
        return Instant.ofEpochSecond(startSec[i]);
    }

    /** End of interval {@code i} (exclusive). */
    public Instant end(int i) {
        return Instant.ofEpochSecond(endSec[i]);
    }

    /** Length of interval {@code i}. */
    public Duration length(int i) {
        return Duration.ofSeconds(endSec[i] - startSec[i]);
    }

    public boolean isMissing(int i) {
        return missing.get(i);
    }

    /** The value of interval {@code i}; throws when it has none. */
    public double value(int i) {
        if (missing.get(i)) {
            throw new IllegalStateException(name + " has no value for " + start(i) + " .. " + end(i));
        }
        return values[i];
    }

    /** Intervals that have a value. */
    public int presentCount() {
        return values.length - missing.cardinality();
    }

    /** Index of the interval containing {@code t}, if any. */
    public Optional<Integer> indexContaining(Instant t) {
        long s = t.getEpochSecond();
        int k = firstEndingAfter(s);
        return k < values.length && startSec[k] <= s ? Optional.of(k) : Optional.empty();
    }

    /** First interval start to last interval end; empty for an empty series. */
    public Optional<Coverage> coverage() {
        if (values.length == 0) {
            return Optional.empty();
        }
        return Optional.of(new Coverage(start(0), end(values.length - 1)));
    }

    /**
     * The spans within {@link #coverage()} that have no value: holes between published intervals and intervals without
     * a value, merged where they touch. Each span is {@code [from, to)}.
     */
    public List<Coverage> gaps() {
        List<Coverage> out = new ArrayList<>();
        long gapStart = Long.MIN_VALUE;
        for (int i = 0; i < values.length; i++) {
            boolean holeBefore = i > 0 && startSec[i] > endSec[i - 1];
            if (holeBefore && gapStart == Long.MIN_VALUE) {
                gapStart = endSec[i - 1];
            }
            if (missing.get(i)) {
                if (gapStart == Long.MIN_VALUE) {
                    gapStart = startSec[i];
                }
            } else if (gapStart != Long.MIN_VALUE) {
                out.add(new Coverage(Instant.ofEpochSecond(gapStart), start(i)));
                gapStart = Long.MIN_VALUE;
            }
        }
        if (gapStart != Long.MIN_VALUE) {
            out.add(new Coverage(Instant.ofEpochSecond(gapStart), end(values.length - 1)));
        }
        return out;
    }

    /** Smallest value present; NaN when none. */
    public double minPresent() {
        return fold(Math::min);
    }

    /** Largest value present; NaN when none. */
    public double maxPresent() {
        return fold(Math::max);
    }

    /** Arithmetic mean of the present values, each interval counted once whatever its length; NaN when none. */
    public double meanPresent() {
        double s = 0;
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (!missing.get(i)) {
                s += values[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    private double fold(java.util.function.DoubleBinaryOperator op) {
        double acc = Double.NaN;
        for (int i = 0; i < values.length; i++) {
            if (!missing.get(i)) {
                acc = Double.isNaN(acc) ? values[i] : op.applyAsDouble(acc, values[i]);
            }
        }
        return acc;
    }

    /** The intervals starting at or after {@code from} and ending at or before {@code to}. */
    public IntervalSeries slice(Instant from, Instant to) {
        Builder b = builder(name, unit);
        long f = from.getEpochSecond();
        long t = to.getEpochSecond();
        for (int i = firstEndingAfter(f); i < values.length && endSec[i] <= t; i++) {
            if (startSec[i] >= f) {
                b.addSeconds(startSec[i], endSec[i], values[i], missing.get(i));
            }
        }
        return b.build();
    }

    /** Same intervals and values with a new name and unit. */
    public IntervalSeries renamed(String newName, String newUnit) {
        return new IntervalSeries(newName, newUnit, startSec, endSec, values, missing);
    }

    /**
     * The series on a run's grid. A run interval {@code [a, e)} takes {@code sum(v_k * overlap_k) / (e - a)} over the
     * published intervals {@code k} it overlaps, when they cover {@code [a, e)} without a hole and every one of them
     * has a value; otherwise it is missing. A run interval inside one published interval takes that value exactly.
     */
    public TimeSeries resampleTo(TimeGrid grid) {
        TimeSeries.Builder b = TimeSeries.builder(name, unit, grid);
        long stepS = grid.stepSeconds();
        long a0 = grid.startUtc().getEpochSecond();
        int k0 = firstEndingAfter(a0);
        for (int j = 0; j < grid.count(); j++) {
            long a = a0 + j * stepS;
            long e = a + stepS;
            while (k0 < values.length && endSec[k0] <= a) {
                k0++;
            }
            double acc = 0;
            long covered = a;
            boolean ok = true;
            for (int k = k0; k < values.length && startSec[k] < e; k++) {
                if (missing.get(k) || startSec[k] > covered) {
                    ok = false;
                    break;
                }
                long overlapEnd = Math.min(e, endSec[k]);
                acc += values[k] * ((double) (overlapEnd - covered) / stepS);
                covered = overlapEnd;
            }
            if (ok && covered == e) {
                b.set(j, acc);
            }
        }
        return b.build();
    }

    /** Index of the first interval whose end is after {@code t} (seconds); {@link #size()} when none. */
    private int firstEndingAfter(long t) {
        int i = Arrays.binarySearch(endSec, t);
        return i >= 0 ? i + 1 : -i - 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntervalSeries s
                && name.equals(s.name)
                && unit.equals(s.unit)
                && Arrays.equals(startSec, s.startSec)
                && Arrays.equals(endSec, s.endSec)
                && Arrays.equals(values, s.values)
                && missing.equals(s.missing);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, unit, Arrays.hashCode(startSec), Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "IntervalSeries[" + name + " (" + unit + "), " + size() + " intervals, "
                + coverage().map(Coverage::toString).orElse("empty") + ", missing=" + missing.cardinality() + "]";
    }

    /** Collects intervals in time order; whole seconds. */
    public static final class Builder {
        private final String name;
        private final String unit;
        private long[] start = new long[256];
        private long[] end = new long[256];
        private double[] values = new double[256];
        private final BitSet missing = new BitSet();
        private int n;

        private Builder(String name, String unit) {
            this.name = Objects.requireNonNull(name, "name");
            this.unit = Objects.requireNonNull(unit, "unit");
        }

        /** Adds {@code [start, end)} with a finite value. */
        public Builder add(Instant start, Instant end, double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(name + ": value at " + start + " is not finite: " + value);
            }
            return addSeconds(seconds(start), seconds(end), value, false);
        }

        /** Adds {@code [start, end)} without a value (a published interval whose value is blank). */
        public Builder addMissing(Instant start, Instant end) {
            return addSeconds(seconds(start), seconds(end), Double.NaN, true);
        }

        /**
         * Whether {@code [start, end)} can be added next: it is not empty and starts at or after the last interval's
         * end. Readers check this first and report a problem with the line instead.
         */
        public boolean accepts(Instant start, Instant end) {
            long s = start.getEpochSecond();
            return end.getEpochSecond() > s && (n == 0 || s >= this.end[n - 1]);
        }

        /** End of the last interval added, if any. */
        public Optional<Instant> lastEnd() {
            return n == 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(end[n - 1]));
        }

        public int size() {
            return n;
        }

        Builder addSeconds(long s, long e, double v, boolean isMissing) {
            if (e <= s) {
                throw new IllegalArgumentException(
                        name + ": empty interval " + Instant.ofEpochSecond(s) + " .. " + Instant.ofEpochSecond(e));
            }
            if (n > 0 && s < end[n - 1]) {
                throw new IllegalArgumentException(name + ": interval starting " + Instant.ofEpochSecond(s)
                        + " overlaps or precedes the previous one ending " + Instant.ofEpochSecond(end[n - 1]));
            }
            if (n == values.length) {
                int cap = n * 2;
                start = Arrays.copyOf(start, cap);
                end = Arrays.copyOf(end, cap);
                values = Arrays.copyOf(values, cap);
            }
            start[n] = s;
            end[n] = e;
            values[n] = isMissing ? Double.NaN : v;
            if (isMissing) {
                missing.set(n);
            }
            n++;
            return this;
        }

        private static long seconds(Instant t) {
            if (t.getNano() != 0) {
                throw new IllegalArgumentException("interval bounds must be whole seconds, was " + t);
            }
            return t.getEpochSecond();
        }

        public IntervalSeries build() {
            return new IntervalSeries(
                    name, unit, Arrays.copyOf(start, n), Arrays.copyOf(end, n), Arrays.copyOf(values, n), (BitSet)
                            missing.clone());
        }
    }
}
