package io.minerai.core.time;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * Values on a {@link TimeGrid} with explicit missing values: every interval is either present with a finite value or
 * missing. Missing values are never filled in silently; {@link #value(int)} refuses them.
 *
 * <p>Immutable. {@link #copyValues()} gives the raw array for inner loops; missing positions hold {@code NaN} there and
 * the caller must consult {@link #isMissing(int)} or {@link #presentMask()}.
 */
public final class TimeSeries {
    private final String name;
    private final String unit;
    private final TimeGrid grid;
    private final double[] values;
    private final BitSet missing;

    private TimeSeries(String name, String unit, TimeGrid grid, double[] values, BitSet missing) {
        this.name = name;
        this.unit = unit;
        this.grid = grid;
        this.values = values;
        this.missing = missing;
    }

    /** A builder with every interval missing until set. */
    public static Builder builder(String name, String unit, TimeGrid grid) {
        return new Builder(name, unit, grid);
    }

    /** A fully present series. Values must be finite. */
    public static TimeSeries of(String name, String unit, TimeGrid grid, double... values) {
        if (values.length != grid.count()) {
            throw new IllegalArgumentException(
                    name + ": " + values.length + " values for a grid of " + grid.count() + " intervals");
        }
        Builder b = builder(name, unit, grid);
        for (int i = 0; i < values.length; i++) {
            b.set(i, values[i]);
        }
        return b.build();
    }

    /** A series with the same value everywhere. */
    public static TimeSeries constant(String name, String unit, TimeGrid grid, double value) {
        double[] v = new double[grid.count()];
        Arrays.fill(v, value);
        return of(name, unit, grid, v);
    }

    public String name() {
        return name;
    }

    /** Unit of the values, e.g. {@code USD/MWh}. */
    public String unit() {
        return unit;
    }

    public TimeGrid grid() {
        return grid;
    }

    public int size() {
        return values.length;
    }

    public boolean isMissing(int i) {
        return missing.get(i);
    }

    /** The value of interval {@code i}; throws when it is missing. */
    public double value(int i) {
        if (missing.get(i)) {
            throw new IllegalStateException(name + " is missing at " + grid.start(i));
        }
        return values[i];
    }

    /** The value of interval {@code i}, or {@code fallback} when missing. */
    public double valueOr(int i, double fallback) {
        return missing.get(i) ? fallback : values[i];
    }

    public int missingCount() {
        return missing.cardinality();
    }

    public int presentCount() {
        return values.length - missing.cardinality();
    }

    /** A copy of the values; missing positions hold NaN. */
    public double[] copyValues() {
        return values.clone();
    }

    /** {@code true} at present intervals. */
    public boolean[] presentMask() {
        boolean[] out = new boolean[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = !missing.get(i);
        }
        return out;
    }

    /** Indices of missing intervals as contiguous [from, to) runs, for gap reports. */
    public java.util.List<Gap> gaps() {
        java.util.List<Gap> out = new java.util.ArrayList<>();
        int i = missing.nextSetBit(0);
        while (i >= 0) {
            int end = missing.nextClearBit(i);
            out.add(new Gap(grid.start(i), grid.start(end - 1).plus(grid.step()), end - i));
            i = missing.nextSetBit(end);
        }
        return out;
    }

    /**
     * A run of missing intervals.
     *
     * @param fromUtc start of the first missing interval
     * @param toUtc end of the last missing interval (exclusive)
     * @param intervals number of missing intervals
     */
    public record Gap(java.time.Instant fromUtc, java.time.Instant toUtc, int intervals) {}

    /** Sum of present values times the step in hours (e.g. MW to MWh). */
    public double integrateHours() {
        double h = grid.stepHours();
        double s = 0;
        for (int i = 0; i < values.length; i++) {
            if (!missing.get(i)) {
                s += values[i] * h;
            }
        }
        return s;
    }

    /** Mean of present values, NaN if none. */
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

    /** Same values with a new name/unit. */
    public TimeSeries renamed(String newName, String newUnit) {
        return new TimeSeries(newName, newUnit, grid, values, missing);
    }

    /** A series where intervals failing {@code keep} are marked missing. */
    public TimeSeries maskWhere(IntPredicate keep) {
        BitSet m = (BitSet) missing.clone();
        double[] v = values.clone();
        for (int i = 0; i < v.length; i++) {
            if (!keep.test(i)) {
                m.set(i);
                v[i] = Double.NaN;
            }
        }
        return new TimeSeries(name, unit, grid, v, m);
    }

    /**
     * This series on another grid. Each target interval takes the time-weighted mean of the source intervals it
     * overlaps; it is missing if any overlapped part is missing or not covered by this series. So an hourly price
     * repeats on a 5-minute grid, and 15-minute prices average to an hourly one, and nothing is filled in.
     */
    public TimeSeries resampleTo(TimeGrid target) {
        if (target.equals(grid)) {
            return this;
        }
        Builder b = builder(name, unit, target);
        long srcStart = grid.startUtc().getEpochSecond();
        long srcStep = grid.stepSeconds();
        long srcEnd = srcStart + srcStep * grid.count();
        for (int j = 0; j < target.count(); j++) {
            long a = target.start(j).getEpochSecond();
            long e = a + target.stepSeconds();
            if (a < srcStart || e > srcEnd) {
                continue;
            }
            int first = (int) ((a - srcStart) / srcStep);
            int last = (int) ((e - 1 - srcStart) / srcStep);
            double acc = 0;
            boolean ok = true;
            for (int k = first; k <= last; k++) {
                if (missing.get(k)) {
                    ok = false;
                    break;
                }
                long ks = srcStart + k * srcStep;
                long overlap = Math.min(e, ks + srcStep) - Math.max(a, ks);
                acc += values[k] * overlap;
            }
            if (ok) {
                b.set(j, acc / (e - a));
            }
        }
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeSeries t
                && name.equals(t.name)
                && unit.equals(t.unit)
                && grid.equals(t.grid)
                && missing.equals(t.missing)
                && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, unit, grid, missing, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "TimeSeries[" + name + " (" + unit + "), " + grid + ", missing=" + missingCount() + "]";
    }

    /** Mutable builder; every interval starts missing. */
    public static final class Builder {
        private final String name;
        private final String unit;
        private final TimeGrid grid;
        private final double[] values;
        private final BitSet missing;

        private Builder(String name, String unit, TimeGrid grid) {
            this.name = Objects.requireNonNull(name);
            this.unit = Objects.requireNonNull(unit);
            this.grid = Objects.requireNonNull(grid);
            this.values = new double[grid.count()];
            Arrays.fill(values, Double.NaN);
            this.missing = new BitSet(grid.count());
            this.missing.set(0, grid.count());
        }

        /** Sets interval {@code i}; the value must be finite. */
        public Builder set(int i, double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(name + ": value at " + grid.start(i) + " is not finite: " + value);
            }
            values[i] = value;
            missing.clear(i);
            return this;
        }

        public Builder setMissing(int i) {
            values[i] = Double.NaN;
            missing.set(i);
            return this;
        }

        public boolean isSet(int i) {
            return !missing.get(i);
        }

        public TimeGrid grid() {
            return grid;
        }

        public TimeSeries build() {
            return new TimeSeries(name, unit, grid, values.clone(), (BitSet) missing.clone());
        }
    }
}
