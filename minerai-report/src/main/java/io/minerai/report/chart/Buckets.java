package io.minerai.report.chart;

import io.minerai.core.time.TimeGrid;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * A partition of a grid's intervals into consecutive time buckets (the intervals themselves, UTC days or UTC months),
 * with the aggregations charts need. Only dispatched intervals contribute; a bucket with none is NaN for means (a gap in
 * the line) and 0 for sums.
 *
 * @param grid the grid
 * @param first index of the first interval of each bucket; bucket {@code b} covers {@code [first[b], first[b+1])}
 * @param startUtc start of each bucket
 * @param endUtc end of each bucket (exclusive)
 */
@SuppressWarnings("ArrayRecordComponent") // package-private, built once per chart, never exposed
record Buckets(TimeGrid grid, int[] first, Instant[] startUtc, Instant[] endUtc) {

    /** Bucket sizes charts use. */
    enum Size {
        INTERVAL,
        DAY,
        MONTH
    }

    static Buckets of(TimeGrid grid, Size size) {
        return switch (size) {
            case INTERVAL -> intervals(grid, 0, grid.count());
            case DAY -> byKey(grid, i -> grid.utcDate(i).toEpochDay(), true);
            case MONTH -> byKey(grid, i -> monthKey(grid.utcDate(i)), false);
        };
    }

    /** The intervals {@code [from, to)} each as its own bucket. */
    static Buckets intervals(TimeGrid grid, int from, int to) {
        int n = to - from;
        int[] first = new int[n + 1];
        Instant[] s = new Instant[n];
        Instant[] e = new Instant[n];
        for (int b = 0; b < n; b++) {
            first[b] = from + b;
            s[b] = grid.start(from + b);
            e[b] = grid.start(from + b).plus(grid.step());
        }
        first[n] = to;
        return new Buckets(grid, first, s, e);
    }

    private static long monthKey(LocalDate d) {
        return d.getYear() * 12L + d.getMonthValue() - 1;
    }

    private interface KeyFn {
        long key(int interval);
    }

    private static Buckets byKey(TimeGrid grid, KeyFn key, boolean day) {
        List<Integer> firsts = new ArrayList<>();
        long prev = Long.MIN_VALUE;
        for (int i = 0; i < grid.count(); i++) {
            long k = key.key(i);
            if (k != prev) {
                firsts.add(i);
                prev = k;
            }
        }
        int n = firsts.size();
        int[] first = new int[n + 1];
        Instant[] s = new Instant[n];
        Instant[] e = new Instant[n];
        for (int b = 0; b < n; b++) {
            first[b] = firsts.get(b);
            LocalDate d = grid.utcDate(first[b]);
            if (day) {
                s[b] = d.atStartOfDay(ZoneOffset.UTC).toInstant();
                e[b] = d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                YearMonth ym = YearMonth.from(d);
                s[b] = ym.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                e[b] = ym.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
        }
        first[n] = grid.count();
        return new Buckets(grid, first, s, e);
    }

    int count() {
        return startUtc.length;
    }

    /** Time-weighted mean of {@code f} over the dispatched intervals of each bucket (NaN where none). */
    double[] mean(boolean[] dispatched, IntToDoubleFunction f) {
        double[] out = new double[count()];
        for (int b = 0; b < out.length; b++) {
            double s = 0;
            int n = 0;
            for (int t = first[b]; t < first[b + 1]; t++) {
                if (dispatched[t]) {
                    s += f.applyAsDouble(t);
                    n++;
                }
            }
            out[b] = n > 0 ? s / n : Double.NaN;
        }
        return out;
    }

    /** Sum of {@code f} over the dispatched intervals of each bucket (0 where none). */
    double[] sum(boolean[] dispatched, IntToDoubleFunction f) {
        double[] out = new double[count()];
        for (int b = 0; b < out.length; b++) {
            double s = 0;
            for (int t = first[b]; t < first[b + 1]; t++) {
                if (dispatched[t]) {
                    s += f.applyAsDouble(t);
                }
            }
            out[b] = s;
        }
        return out;
    }

    /** Whether any interval of bucket {@code b} was dispatched. */
    boolean anyDispatched(boolean[] dispatched, int b) {
        for (int t = first[b]; t < first[b + 1]; t++) {
            if (dispatched[t]) {
                return true;
            }
        }
        return false;
    }
}
