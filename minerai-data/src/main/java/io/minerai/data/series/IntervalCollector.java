package io.minerai.data.series;

import io.minerai.data.csv.ProblemCollector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Collects published intervals row by row (from one or several files, in any order) with where each came from, then
 * sorts them and builds one {@link IntervalSeries} per value column. Two rows for the same interval, or rows whose
 * intervals overlap, are problems naming both places ({@code file:line:column}); nothing is merged or dropped
 * silently.
 */
public final class IntervalCollector {
    private final List<String> files = new ArrayList<>();
    private final int columns;
    private long[] start = new long[1024];
    private long[] end = new long[1024];
    private double[] values;
    private long[] lines = new long[1024];
    private int[] fileIndex = new int[1024];
    private int n;
    private boolean sorted = true;
    private @Nullable String[] paths = new String[0];

    /** A collector for rows with {@code columns} values each. */
    public IntervalCollector(int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be >= 1");
        }
        this.columns = columns;
        this.values = new double[1024 * columns];
    }

    /** Whether {@code t} is a whole second (readers refuse fractional stamps with their line instead of truncating). */
    public static boolean wholeSeconds(Instant t) {
        return t.getNano() == 0;
    }

    /**
     * Adds the interval {@code [start, end)} found at {@code path}, a complete location such as {@code
     * 2025-10-01.json:unix_seconds[3]} (for inputs that are not lines of a CSV); problems about it are reported there.
     */
    public void add(Instant startUtc, Instant endUtc, double[] rowValues, String path) {
        add(startUtc, endUtc, rowValues, "", 0);
        if (paths.length < start.length) {
            paths = Arrays.copyOf(paths, start.length);
        }
        paths[n - 1] = path;
    }

    /** Rows collected so far. */
    public int size() {
        return n;
    }

    /**
     * Adds the interval {@code [start, end)} of {@code file} line {@code line}; {@code NaN} marks a value that is
     * blank (a gap).
     */
    public void add(Instant startUtc, Instant endUtc, double[] rowValues, String file, long line) {
        if (!wholeSeconds(startUtc) || !wholeSeconds(endUtc)) {
            throw new IllegalArgumentException("interval bounds must be whole seconds: " + startUtc + " .. " + endUtc);
        }
        if (rowValues.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " values, got " + rowValues.length);
        }
        if (n == start.length) {
            int cap = n * 2;
            start = Arrays.copyOf(start, cap);
            end = Arrays.copyOf(end, cap);
            lines = Arrays.copyOf(lines, cap);
            fileIndex = Arrays.copyOf(fileIndex, cap);
            values = Arrays.copyOf(values, cap * columns);
        }
        long s = startUtc.getEpochSecond();
        if (n > 0 && s < start[n - 1]) {
            sorted = false;
        }
        start[n] = s;
        end[n] = endUtc.getEpochSecond();
        System.arraycopy(rowValues, 0, values, n * columns, columns);
        lines[n] = line;
        int fi = files.isEmpty() || !files.get(files.size() - 1).equals(file) ? -1 : files.size() - 1;
        if (fi < 0) {
            files.add(file);
            fi = files.size() - 1;
        }
        fileIndex[n] = fi;
        n++;
    }

    /**
     * The series, one per column, named and with units as given; duplicates and overlaps are added to {@code
     * problems} at {@code file:line:timeColumn} and the later row is left out.
     */
    public List<IntervalSeries> build(
            ProblemCollector problems, String timeColumn, List<String> names, List<String> units) {
        if (names.size() != columns || units.size() != columns) {
            throw new IllegalArgumentException("names and units must have " + columns + " entries");
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (!sorted) {
            Arrays.sort(
                    order, (a, b) -> start[a] != start[b] ? Long.compare(start[a], start[b]) : Integer.compare(a, b));
        }
        List<IntervalSeries.Builder> builders = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            builders.add(IntervalSeries.builder(names.get(c), units.get(c)));
        }
        int prev = -1;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (prev >= 0 && start[i] < end[prev]) {
                String what = start[i] == start[prev]
                        ? "duplicate interval starting " + Instant.ofEpochSecond(start[i]) + " (also at " + where(prev)
                                + ")"
                        : "interval " + Instant.ofEpochSecond(start[i]) + " .. " + Instant.ofEpochSecond(end[i])
                                + " overlaps " + Instant.ofEpochSecond(start[prev]) + " .. "
                                + Instant.ofEpochSecond(end[prev]) + " (at " + where(prev) + ")";
                problems.add(hasPath(i) ? where(i) : where(i) + ":" + timeColumn, what);
                continue;
            }
            for (int c = 0; c < columns; c++) {
                double v = values[i * columns + c];
                builders.get(c).addSeconds(start[i], end[i], v, Double.isNaN(v));
            }
            prev = i;
        }
        List<IntervalSeries> out = new ArrayList<>();
        for (IntervalSeries.Builder b : builders) {
            out.add(b.build());
        }
        return out;
    }

    private boolean hasPath(int i) {
        return i < paths.length && paths[i] != null;
    }

    private String where(int i) {
        String p = i < paths.length ? paths[i] : null;
        return p != null ? p : files.get(fileIndex[i]) + ":" + lines[i];
    }
}
