package io.minerai.data.series;

import io.minerai.core.market.MarketClock;
import io.minerai.data.csv.CsvFile;
import io.minerai.data.csv.CsvHeader;
import io.minerai.data.csv.CsvRow;
import io.minerai.data.csv.FileProblems;
import io.minerai.data.csv.ProblemCollector;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a generic CSV whose clock is declared rather than implied by a publisher: a timestamp column in a declared
 * zone with a declared interval convention and step, and one value column. Each row is the interval of length {@code
 * step} that its stamp starts or ends, converted once to UTC with {@link MarketClock}.
 *
 * <ul>
 *   <li>Timestamps are ISO-8601 ({@code 2025-01-01T00:05:00}, a space for {@code T} accepted, a date alone = its
 *       midnight) or follow the declared pattern. A stamp with an offset or {@code Z} is absolute; a local one is in
 *       the declared zone, and one that is ambiguous (the repeated hour when daylight saving ends) or does not exist
 *       (the hour skipped when it starts) is refused with its line: write such stamps with their offset.
 *   <li>Rows must be in time order. The difference between consecutive rows must be a whole number of steps: one step
 *       is the next interval, more leaves the intervals between as gaps; anything else is refused at the row where it
 *       happens. When most differences are not the declared step, the declared step is refused at the first row that
 *       shows the file's own step (a 5-minute declaration on an hourly file would otherwise read as 11 gaps an hour).
 *   <li>Empty values are gaps; non-numbers are refused with line and column.
 * </ul>
 */
public final class DeclaredCsvReader {
    private static final Pattern SPACE_SEPARATED = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d.*");

    private DeclaredCsvReader() {}

    /**
     * What the file is, as declared.
     *
     * @param timeColumn the timestamp column
     * @param valueColumn the value column
     * @param clock the zone of local stamps and whether a stamp starts or ends its interval
     * @param step the interval length
     * @param timeFormat a pattern for stamps that are not ISO-8601
     * @param name the series name
     * @param unit the series unit (e.g. {@code AUD/MWh})
     */
    public record Spec(
            String timeColumn,
            String valueColumn,
            MarketClock clock,
            Duration step,
            Optional<DateTimeFormatter> timeFormat,
            String name,
            String unit) {
        public Spec {
            Objects.requireNonNull(timeColumn, "timeColumn");
            Objects.requireNonNull(valueColumn, "valueColumn");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(timeFormat, "timeFormat");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(unit, "unit");
            if (step.isNegative() || step.isZero() || step.toSeconds() % 60 != 0) {
                throw new IllegalArgumentException("step must be whole minutes, was " + step);
            }
        }
    }

    /** Reads a file; throws a ValidationException listing every problem. */
    public static IntervalSeries read(Path path, Spec spec) {
        ProblemCollector problems = new ProblemCollector();
        FileProblems fp = problems.forFile(path.getFileName().toString());
        Parser p = new Parser(spec, fp);
        CsvFile.read(path, fp, p::header, p::row);
        return p.build(problems);
    }

    /** Reads a stream (closed afterwards); {@code fileName} locates problems. */
    public static IntervalSeries read(InputStream in, String fileName, Spec spec) {
        ProblemCollector problems = new ProblemCollector();
        FileProblems fp = problems.forFile(fileName);
        Parser p = new Parser(spec, fp);
        CsvFile.read(in, fp, p::header, p::row);
        return p.build(problems);
    }

    private static final class Parser {
        private final Spec spec;
        private final FileProblems fp;
        private final long stepS;
        private int time = -1;
        private int value = -1;
        private final List<Instant> starts = new ArrayList<>();
        private final List<Long> lines = new ArrayList<>();
        private final List<Double> values = new ArrayList<>();

        Parser(Spec spec, FileProblems fp) {
            this.spec = spec;
            this.fp = fp;
            this.stepS = spec.step().toSeconds();
        }

        boolean header(CsvHeader h) {
            time = h.require(spec.timeColumn(), fp);
            value = h.require(spec.valueColumn(), fp);
            return time >= 0 && value >= 0;
        }

        void row(CsvRow r) {
            Instant start = intervalStart(r);
            double v = r.numberOrNaN(value);
            if (start == null) {
                return;
            }
            if (!starts.isEmpty()) {
                Instant prev = starts.get(starts.size() - 1);
                if (!start.isAfter(prev)) {
                    r.problem(
                            time,
                            start.equals(prev)
                                    ? "duplicate interval starting " + start + " (same as line "
                                            + lines.get(lines.size() - 1) + ")"
                                    : "rows must be in time order: the interval starting " + start
                                            + " is before the previous row's " + prev);
                    return;
                }
            }
            starts.add(start);
            lines.add(r.line());
            values.add(v);
        }

        private @Nullable Instant intervalStart(CsvRow r) {
            String s = r.text(time);
            if (s.isEmpty()) {
                r.problem(time, "empty; a timestamp is required");
                return null;
            }
            TemporalAccessor t;
            try {
                t = spec.timeFormat().isPresent() ? spec.timeFormat().get().parse(s) : parseIso(s);
            } catch (DateTimeParseException e) {
                r.problem(
                        time,
                        spec.timeFormat().isPresent()
                                ? "'" + s + "' does not match the declared time format"
                                : "not an ISO-8601 timestamp: '" + s + "'");
                return null;
            }
            if (t.isSupported(ChronoField.NANO_OF_SECOND) && t.getLong(ChronoField.NANO_OF_SECOND) != 0) {
                r.problem(time, "'" + s + "' has fractional seconds; intervals start on whole seconds");
                return null;
            }
            try {
                if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
                    return spec.clock().intervalStartUtc(OffsetDateTime.from(t).toInstant(), spec.step());
                }
                LocalDateTime local = t.isSupported(ChronoField.HOUR_OF_DAY)
                        ? LocalDateTime.from(t)
                        : LocalDate.from(t).atStartOfDay();
                Optional<Instant> start = spec.clock().intervalStartUtc(local, spec.step());
                if (start.isEmpty()) {
                    boolean skipped = spec.clock()
                            .zone()
                            .getRules()
                            .getValidOffsets(local)
                            .isEmpty();
                    r.problem(
                            time,
                            "'" + s + "' "
                                    + (skipped
                                            ? "does not exist in "
                                                    + spec.clock().zone() + " (skipped when daylight saving starts)"
                                            : "is ambiguous in " + spec.clock().zone()
                                                    + " (the hour repeated when daylight saving ends)")
                                    + "; write it with its UTC offset (e.g. +01:00)");
                }
                return start.orElse(null);
            } catch (DateTimeException e) {
                r.problem(time, "'" + s + "' is not a complete date and time");
                return null;
            }
        }

        private static TemporalAccessor parseIso(String s) {
            String iso = SPACE_SEPARATED.matcher(s).matches() ? s.replaceFirst(" ", "T") : s;
            try {
                return OffsetDateTime.parse(iso);
            } catch (DateTimeParseException e) {
                // not with an offset: a local date-time or date
            }
            if (iso.length() == 10) {
                return LocalDate.parse(iso);
            }
            return LocalDateTime.parse(iso);
        }

        IntervalSeries build(ProblemCollector problems) {
            checkSteps();
            IntervalSeries.Builder b = IntervalSeries.builder(spec.name(), spec.unit());
            if (starts.isEmpty() && problems.isEmpty()) {
                fp.atFile("no data rows");
            }
            problems.throwIfAny("time series " + fp.fileName());
            for (int i = 0; i < starts.size(); i++) {
                Instant s = starts.get(i);
                double v = values.get(i);
                if (Double.isNaN(v)) {
                    b.addMissing(s, s.plus(spec.step()));
                } else {
                    b.add(s, s.plus(spec.step()), v);
                }
            }
            return b.build();
        }

        private void checkSteps() {
            if (starts.size() < 2) {
                return;
            }
            Map<Long, Integer> counts = new HashMap<>();
            long modal = stepS;
            int modalCount = 0;
            for (int i = 1; i < starts.size(); i++) {
                long d = starts.get(i).getEpochSecond() - starts.get(i - 1).getEpochSecond();
                int c = counts.merge(d, 1, Integer::sum);
                if (c > modalCount) {
                    modalCount = c;
                    modal = d;
                }
            }
            if (modal != stepS) {
                for (int i = 1; i < starts.size(); i++) {
                    long d = starts.get(i).getEpochSecond() - starts.get(i - 1).getEpochSecond();
                    if (d == modal) {
                        fp.at(
                                lines.get(i),
                                spec.timeColumn(),
                                "the rows are " + minutes(modal) + " apart (" + modalCount + " of "
                                        + (starts.size() - 1) + " steps), but the declared step is "
                                        + minutes(stepS) + "; declare the file's own step");
                        return;
                    }
                }
            }
            for (int i = 1; i < starts.size(); i++) {
                long d = starts.get(i).getEpochSecond() - starts.get(i - 1).getEpochSecond();
                if (d % stepS != 0) {
                    fp.at(
                            lines.get(i),
                            spec.timeColumn(),
                            "step of " + minutes(d) + " after the previous row (line " + lines.get(i - 1)
                                    + "), not a whole number of the declared step " + minutes(stepS));
                }
            }
        }

        private static String minutes(long seconds) {
            return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
        }
    }
}
