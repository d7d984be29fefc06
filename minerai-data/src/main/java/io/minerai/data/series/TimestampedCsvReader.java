package io.minerai.data.series;

import io.minerai.core.scenario.FieldSpec;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.data.csv.CsvFile;
import io.minerai.data.csv.CsvHeader;
import io.minerai.data.csv.CsvRow;
import io.minerai.data.csv.FileProblems;
import io.minerai.data.csv.ProblemCollector;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a generic CSV with an ISO-8601 timestamp column (the interval <em>start</em>) and one or more value columns
 * into series on the data's own step; the caller resamples to its grid ({@link TimeSeries#resampleTo}).
 *
 * <ul>
 *   <li>Timestamps: {@code 2024-01-01T06:00:00Z}, {@code 2024-01-01T00:00-06:00} (a space instead of {@code T} is
 *       accepted). A bare local date-time ({@code 2024-01-01T00:00}) or date is an error unless the spec gives a time
 *       zone; then local times in the DST gap are errors and the repeated hour is read in file order (first
 *       occurrence = daylight time).
 *   <li>Timestamps are whole seconds: a fraction of a second is an error, not silently cut off.
 *   <li>Rows must be in time order. The step is the smallest difference between consecutive rows (5 minutes to 1 day,
 *       whole minutes); a larger difference that is a whole number of steps is a run of missing intervals. When some
 *       difference is not, the step is the one most rows follow and every row off that grid is an error at its own
 *       line (the rows around it are not blamed).
 *   <li>Empty cells are missing values; non-numbers and values outside the spec's range are errors.
 * </ul>
 */
public final class TimestampedCsvReader {
    /** Most intervals a file may span, first row to last: twenty years of 5-minute data. */
    public static final int MAX_INTERVALS = 20 * 366 * 288;

    private static final Pattern SPACE_SEPARATED = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d.*");

    private TimestampedCsvReader() {}

    /** Reads a file; throws a ValidationException listing every problem (a missing file names its absolute path). */
    public static TimestampedData read(Path path, Spec spec) {
        ProblemCollector problems = new ProblemCollector();
        Parser p = new Parser(spec, problems.forFile(path.getFileName().toString()));
        CsvFile.read(path, p.problems, p::header, p::row);
        return p.build(problems, path.toString());
    }

    /** Reads a stream (closed afterwards); {@code fileName} locates problems. */
    public static TimestampedData read(InputStream in, String fileName, Spec spec) {
        ProblemCollector problems = new ProblemCollector();
        Parser p = new Parser(spec, problems.forFile(fileName));
        CsvFile.read(in, p.problems, p::header, p::row);
        return p.build(problems, fileName);
    }

    /**
     * What to read.
     *
     * @param timeColumn name of the timestamp column (interval start)
     * @param valueColumns names of the value columns
     * @param zone zone for timestamps without offset; null = such timestamps are errors
     * @param minValue smallest allowed value (inclusive)
     * @param maxValue largest allowed value (inclusive)
     * @param unit unit given to the series
     */
    public record Spec(
            String timeColumn,
            List<String> valueColumns,
            @Nullable ZoneId zone,
            double minValue,
            double maxValue,
            String unit) {

        public Spec {
            Objects.requireNonNull(timeColumn, "timeColumn");
            valueColumns = List.copyOf(valueColumns);
            if (valueColumns.isEmpty()) {
                throw new IllegalArgumentException("at least one value column");
            }
            if (minValue > maxValue) {
                throw new IllegalArgumentException("minValue > maxValue");
            }
        }

        /**
         * Any value up to {@link FieldSpec#MAX_MAGNITUDE} either way (no quantity of a site is larger, and no total
         * built from such values can overflow), no zone, unit "1".
         */
        public static Spec of(String timeColumn, String... valueColumns) {
            return new Spec(
                    timeColumn, List.of(valueColumns), null, -FieldSpec.MAX_MAGNITUDE, FieldSpec.MAX_MAGNITUDE, "1");
        }

        /** Timestamps without offset are local times in {@code z}. */
        public Spec withZone(ZoneId z) {
            return new Spec(timeColumn, valueColumns, z, minValue, maxValue, unit);
        }

        /** Values must lie in {@code [min, max]}. */
        public Spec withRange(double min, double max) {
            return new Spec(timeColumn, valueColumns, zone, min, max, unit);
        }

        public Spec withUnit(String u) {
            return new Spec(timeColumn, valueColumns, zone, minValue, maxValue, u);
        }
    }

    private static final class Parser {
        final Spec spec;
        final FileProblems problems;
        int timeCol = -1;
        int[] valueCols = new int[0];
        final List<Instant> times = new ArrayList<>();
        final List<Long> lines = new ArrayList<>();
        final List<double[]> values = new ArrayList<>();

        @Nullable
        Instant previous;

        Parser(Spec spec, FileProblems problems) {
            this.spec = spec;
            this.problems = problems;
        }

        boolean header(CsvHeader h) {
            timeCol = h.require(spec.timeColumn(), problems);
            valueCols = h.requireAll(spec.valueColumns(), problems);
            boolean ok = timeCol >= 0;
            for (int c : valueCols) {
                ok &= c >= 0;
            }
            return ok;
        }

        void row(CsvRow r) {
            Instant t = parseTime(r);
            double[] v = new double[valueCols.length];
            for (int k = 0; k < v.length; k++) {
                v[k] = r.numberOrNaN(valueCols[k]);
                if (!Double.isNaN(v[k]) && (v[k] < spec.minValue() || v[k] > spec.maxValue())) {
                    r.problem(
                            valueCols[k],
                            "must be within " + fmt(spec.minValue()) + ".." + fmt(spec.maxValue())
                                    + ("1".equals(spec.unit()) ? "" : " " + spec.unit()) + ", was "
                                    + r.text(valueCols[k]));
                    v[k] = Double.NaN;
                }
            }
            if (t == null) {
                return;
            }
            if (previous != null && !t.isAfter(previous)) {
                r.problem(
                        timeCol,
                        t.equals(previous)
                                ? "duplicate timestamp " + t + " (same as line " + lines.get(lines.size() - 1) + ")"
                                : "rows must be in time order: " + t + " is before the previous row's " + previous);
                return;
            }
            previous = t;
            // rows with bad values still count for the step check; the problems already recorded stop the import
            times.add(t);
            lines.add(r.line());
            values.add(v);
        }

        private @Nullable Instant parseTime(CsvRow r) {
            String s = r.text(timeCol);
            if (s.isEmpty()) {
                r.problem(timeCol, "empty; an ISO-8601 timestamp is required");
                return null;
            }
            Instant t = parseInstant(r, s);
            if (t != null && t.getNano() != 0) {
                r.problem(
                        timeCol,
                        "'" + s + "' has a fraction of a second; interval starts are whole seconds (write "
                                + t.truncatedTo(ChronoUnit.SECONDS) + " if that is meant)");
                return null;
            }
            return t;
        }

        private @Nullable Instant parseInstant(CsvRow r, String s) {
            String iso = SPACE_SEPARATED.matcher(s).matches() ? s.replaceFirst(" ", "T") : s;
            try {
                return OffsetDateTime.parse(iso).toInstant();
            } catch (DateTimeParseException e) {
                // not a timestamp with offset; try a local one below
            }
            LocalDateTime local;
            try {
                local = iso.length() == 10 ? LocalDate.parse(iso).atStartOfDay() : LocalDateTime.parse(iso);
            } catch (DateTimeParseException e) {
                r.problem(timeCol, "not an ISO-8601 timestamp: '" + s + "'");
                return null;
            }
            ZoneId zone = spec.zone();
            if (zone == null) {
                r.problem(
                        timeCol,
                        "'" + s + "' has no UTC offset; write it with 'Z' or an offset such as -06:00, or give the"
                                + " file's time zone");
                return null;
            }
            List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
            if (offsets.isEmpty()) {
                r.problem(
                        timeCol, "'" + s + "' does not exist in " + zone + " (skipped by the change to daylight time)");
                return null;
            }
            if (offsets.size() == 1) {
                return local.toInstant(offsets.get(0));
            }
            ZoneOffsetTransition tr = Objects.requireNonNull(zone.getRules().getTransition(local));
            Instant first = local.toInstant(tr.getOffsetBefore());
            Instant prev = previous;
            return prev != null && !prev.isBefore(first) ? local.toInstant(tr.getOffsetAfter()) : first;
        }

        TimestampedData build(ProblemCollector collector, String what) {
            if (collector.isEmpty() && times.size() < 2) {
                problems.atFile("needs at least two rows to infer the step, has " + times.size());
            }
            long step = Long.MAX_VALUE;
            for (int i = 1; i < times.size(); i++) {
                step = Math.min(step, seconds(i) - seconds(i - 1));
            }
            if (times.size() >= 2 && !isRegular(step)) {
                reportIrregularRows();
            } else if (times.size() >= 2) {
                long intervals = (seconds(times.size() - 1) - seconds(0)) / step + 1;
                if (intervals > MAX_INTERVALS) {
                    problems.atLine(
                            lines.get(lines.size() - 1),
                            "the rows span " + times.get(0) + " (line " + lines.get(0) + ") .. "
                                    + times.get(times.size() - 1)
                                    + ", " + intervals + " intervals of " + human(step) + ", more than the "
                                    + MAX_INTERVALS + " supported; is a year mistyped?");
                }
            }
            collector.throwIfAny("time series " + what);
            Duration stepD = Duration.ofSeconds(step);
            Instant start = times.get(0);
            int count = (int) ((seconds(times.size() - 1) - seconds(0)) / step) + 1;
            TimeGrid grid = new TimeGrid(start, stepD, count);
            Map<String, TimeSeries> out = new LinkedHashMap<>();
            for (int k = 0; k < valueCols.length; k++) {
                TimeSeries.Builder b = TimeSeries.builder(spec.valueColumns().get(k), spec.unit(), grid);
                for (int i = 0; i < times.size(); i++) {
                    double v = values.get(i)[k];
                    if (!Double.isNaN(v)) {
                        b.set(grid.indexStartingAt(times.get(i)), v);
                    }
                }
                out.put(spec.valueColumns().get(k), b.build());
            }
            return new TimestampedData(grid, out);
        }

        private long seconds(int row) {
            return times.get(row).getEpochSecond();
        }

        /** Whether every row lies a whole number of {@code step}s after the previous one, and the step is supported. */
        private boolean isRegular(long step) {
            if (!supported(step)) {
                return false;
            }
            for (int i = 1; i < times.size(); i++) {
                if ((seconds(i) - seconds(i - 1)) % step != 0) {
                    return false;
                }
            }
            return true;
        }

        private static boolean supported(long stepSeconds) {
            Duration d = Duration.ofSeconds(stepSeconds);
            return stepSeconds % 60 == 0 && d.compareTo(TimeGrid.MIN_STEP) >= 0 && d.compareTo(TimeGrid.MAX_STEP) <= 0;
        }

        /**
         * Locates the rows that break the step. Among the differences between rows that are supported steps (the most
         * common few), the grid chosen is the one most rows lie on; ties go to a step that divides a day, then to a
         * grid aligned with the clock (rows at :00 for hourly data), then to the more common difference. Each row off
         * that grid is reported at its own line.
         */
        private void reportIrregularRows() {
            Map<Long, Integer> diffs = new HashMap<>();
            for (int i = 1; i < times.size(); i++) {
                diffs.merge(seconds(i) - seconds(i - 1), 1, Integer::sum);
            }
            List<Map.Entry<Long, Integer>> common = new ArrayList<>(diffs.entrySet());
            common.sort(
                    Map.Entry.<Long, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            Grid best = null;
            int tried = 0;
            for (Map.Entry<Long, Integer> c : common) {
                if (!supported(c.getKey())) {
                    continue;
                }
                Grid g = bestGrid(c.getKey(), c.getValue());
                if (best == null || g.compareTo(best) > 0) {
                    best = g;
                }
                if (++tried == 8) {
                    break;
                }
            }
            if (best == null) {
                long step = common.get(0).getKey();
                int at = 1;
                while (seconds(at) - seconds(at - 1) != step) {
                    at++;
                }
                problems.atLine(
                        lines.get(at),
                        "the data's step " + human(step) + " (from line " + lines.get(at - 1) + " to this one, as most"
                                + " rows) is not supported; it must be 5 minutes to 1 day, whole minutes");
                return;
            }
            int onGrid = 0;
            while (!best.contains(seconds(onGrid))) {
                onGrid++;
            }
            for (int i = 0; i < times.size(); i++) {
                if (!best.contains(seconds(i))) {
                    String previous = i == 0
                            ? "it is the first row"
                            : "the previous row, line " + lines.get(i - 1) + ", is " + times.get(i - 1);
                    problems.at(
                            lines.get(i),
                            spec.timeColumn(),
                            "irregular step: " + times.get(i) + " is not a whole number of " + human(best.step())
                                    + " steps from the other rows (e.g. line " + lines.get(onGrid) + " at "
                                    + times.get(onGrid) + "); " + previous);
                }
            }
        }

        /** The grid of {@code step} that most rows lie on. */
        private Grid bestGrid(long step, int diffCount) {
            Map<Long, Integer> phases = new HashMap<>();
            for (int i = 0; i < times.size(); i++) {
                phases.merge(Math.floorMod(seconds(i), step), 1, Integer::sum);
            }
            Grid best = null;
            for (Map.Entry<Long, Integer> e : phases.entrySet()) {
                Grid g = new Grid(step, e.getKey(), e.getValue(), diffCount);
                if (best == null || g.compareTo(best) > 0) {
                    best = g;
                }
            }
            return Objects.requireNonNull(best);
        }

        /** A candidate grid: epoch seconds {@code phase + k x step}, holding {@code rows} of the file's rows. */
        private record Grid(long step, long phase, int rows, int diffCount) implements Comparable<Grid> {
            boolean contains(long epochSecond) {
                return Math.floorMod(epochSecond, step) == phase;
            }

            @Override
            public int compareTo(Grid o) {
                int c = Integer.compare(rows, o.rows);
                if (c == 0) {
                    c = Boolean.compare(86_400 % step == 0, 86_400 % o.step == 0);
                }
                if (c == 0) {
                    c = Boolean.compare(phase == 0, o.phase == 0);
                }
                if (c == 0) {
                    c = Integer.compare(diffCount, o.diffCount);
                }
                return c != 0 ? c : Long.compare(o.step, step);
            }
        }

        private static String human(long seconds) {
            return Duration.ofSeconds(seconds).toString().substring(2).toLowerCase(Locale.ROOT);
        }

        private static String fmt(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
    }
}
