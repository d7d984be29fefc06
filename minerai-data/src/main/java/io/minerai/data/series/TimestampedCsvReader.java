package io.minerai.data.series;

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
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 *   <li>Rows must be in time order. The step is the smallest difference between consecutive rows (5 minutes to 1 day,
 *       whole minutes); a larger difference that is a whole number of steps is a run of missing intervals, anything
 *       else is an irregular step and an error naming the line.
 *   <li>Empty cells are missing values; non-numbers and values outside the spec's range are errors.
 * </ul>
 */
public final class TimestampedCsvReader {
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

        /** Any finite value, no zone, unit "1". */
        public static Spec of(String timeColumn, String... valueColumns) {
            return new Spec(
                    timeColumn, List.of(valueColumns), null, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "1");
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
                            "must be within " + fmt(spec.minValue()) + ".." + fmt(spec.maxValue()) + ", was "
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
                step = Math.min(
                        step, times.get(i).getEpochSecond() - times.get(i - 1).getEpochSecond());
            }
            Duration stepD = Duration.ofSeconds(times.size() < 2 ? 3600 : step);
            if (times.size() >= 2) {
                if (step % 60 != 0
                        || stepD.compareTo(TimeGrid.MIN_STEP) < 0
                        || stepD.compareTo(TimeGrid.MAX_STEP) > 0) {
                    problems.atLine(
                            lines.get(1),
                            "the data's step " + stepD + " is not supported (5 minutes to 1 day, whole minutes)");
                } else {
                    for (int i = 1; i < times.size(); i++) {
                        long d =
                                times.get(i).getEpochSecond() - times.get(i - 1).getEpochSecond();
                        if (d % step != 0) {
                            problems.at(
                                    lines.get(i),
                                    spec.timeColumn(),
                                    "irregular step: " + Duration.ofSeconds(d) + " after the previous row, the data's"
                                            + " step is " + stepD);
                        }
                    }
                }
            }
            collector.throwIfAny("time series " + what);
            Instant start = times.get(0);
            int count = (int) ((times.get(times.size() - 1).getEpochSecond() - start.getEpochSecond()) / step) + 1;
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

        private static String fmt(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
    }
}
