package io.minerai.data.ercot;

import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.data.DateRange;
import io.minerai.data.csv.CsvFile;
import io.minerai.data.csv.CsvHeader;
import io.minerai.data.csv.CsvRow;
import io.minerai.data.csv.FileProblems;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Parses an hourly ERCOT table keyed by {@code delivery_date} (YYYY-MM-DD, operating day) and {@code hour_ending} (1..24
 * CPT) into hourly UTC series. The DST repeated hour is absent from such tables: hour ending 2 of the fall-back day is
 * read as its first (CDT) occurrence and the second occurrence stays missing. A row for the non-existent hour ending 3
 * of the spring-forward day is accepted only when all its values are empty.
 */
final class HourEndingTable {
    private final FileProblems problems;
    private final Predicate<String> valueColumn;
    private int dateCol = -1;
    private int hourCol = -1;
    private final List<String> names = new ArrayList<>();
    private final List<Integer> cols = new ArrayList<>();
    private final List<Long> hours = new ArrayList<>();
    private final List<double[]> rows = new ArrayList<>();
    private final Map<Long, Long> lineOfHour = new HashMap<>();
    private LocalDate firstDay = LocalDate.MAX;
    private LocalDate lastDay = LocalDate.MIN;

    private final boolean dropNonexistentHours;
    private final List<String> dropped = new ArrayList<>();

    private HourEndingTable(FileProblems problems, Predicate<String> valueColumn, boolean dropNonexistentHours) {
        this.problems = problems;
        this.valueColumn = valueColumn;
        this.dropNonexistentHours = dropNonexistentHours;
    }

    /**
     * Reads a table; problems go to {@code problems}.
     *
     * @param valueColumn which columns (besides the key) hold values
     * @param unit unit of the values
     * @param dropNonexistentHours drop (and list in the result) rows with values for an hour that does not exist,
     *     instead of reporting them as errors; only for bundled data whose labelling is known to be off there
     */
    static Result read(
            InputStream in,
            FileProblems problems,
            Predicate<String> valueColumn,
            String unit,
            boolean dropNonexistentHours) {
        HourEndingTable t = new HourEndingTable(problems, valueColumn, dropNonexistentHours);
        CsvFile.read(in, problems, t::header, t::row);
        return t.build(unit);
    }

    private boolean header(CsvHeader h) {
        dateCol = h.require("delivery_date", problems);
        hourCol = h.require("hour_ending", problems);
        for (int i = 0; i < h.size(); i++) {
            String n = h.names().get(i).strip();
            if (i != dateCol && i != hourCol && !n.isEmpty() && valueColumn.test(n)) {
                names.add(n);
                cols.add(i);
            }
        }
        if (names.isEmpty()) {
            problems.atLine(1, "no value columns; the header has " + h.describe());
        }
        return dateCol >= 0 && hourCol >= 0 && !names.isEmpty();
    }

    private void row(CsvRow r) {
        LocalDate date = r.requiredDate(dateCol, DateTimeFormatter.ISO_LOCAL_DATE, "YYYY-MM-DD");
        int he = r.requiredInt(hourCol);
        int before = problems.total();
        double[] v = new double[cols.size()];
        boolean anyValue = false;
        for (int k = 0; k < v.length; k++) {
            v[k] = r.numberOrNaN(cols.get(k));
            anyValue |= !r.isBlank(cols.get(k));
        }
        if (date == null || he == Integer.MIN_VALUE) {
            return;
        }
        Instant start;
        try {
            start = CentralTime.hourEndingStartUtc(date, he, false);
        } catch (IllegalArgumentException e) {
            if (he >= 1 && he <= 24 && !anyValue) {
                return; // a placeholder row for the hour that does not exist on the spring-forward day
            }
            if (he >= 1 && he <= 24 && dropNonexistentHours) {
                dropped.add(problems.fileName() + ":" + r.line() + " (" + date + " hour ending " + he + ")");
                return;
            }
            r.problem(hourCol, String.valueOf(e.getMessage()));
            return;
        }
        if (problems.total() > before) {
            return;
        }
        long hour = start.getEpochSecond() / 3600;
        Long first = lineOfHour.putIfAbsent(hour, r.line());
        if (first != null) {
            r.problem(hourCol, "duplicate hour: " + date + " hour ending " + he + " (first on line " + first + ")");
            return;
        }
        if (date.isBefore(firstDay)) {
            firstDay = date;
        }
        if (date.isAfter(lastDay)) {
            lastDay = date;
        }
        hours.add(hour);
        rows.add(v);
    }

    private Result build(String unit) {
        if (hours.isEmpty()) {
            if (problems.total() == 0) {
                problems.atFile("no data rows");
            }
            return new Result(Map.of(), null, List.of());
        }
        Instant start = CentralTime.dayStartUtc(firstDay);
        Instant end = CentralTime.dayStartUtc(lastDay.plusDays(1));
        TimeGrid grid = TimeGrid.between(start, end, Duration.ofHours(1));
        long firstHour = start.getEpochSecond() / 3600;
        Map<String, TimeSeries> out = new LinkedHashMap<>();
        int n = hours.size();
        int[] at = new int[n];
        for (int r = 0; r < n; r++) {
            at[r] = (int) (hours.get(r) - firstHour);
        }
        for (int k = 0; k < names.size(); k++) {
            TimeSeries.Builder b = TimeSeries.builder(names.get(k), unit, grid);
            for (int r = 0; r < n; r++) {
                double v = rows.get(r)[k];
                if (!Double.isNaN(v)) {
                    b.set(at[r], v);
                }
            }
            out.put(names.get(k), b.build());
        }
        return new Result(out, new DateRange(firstDay, lastDay), List.copyOf(dropped));
    }

    /**
     * Parsed columns on one hourly UTC grid spanning whole operating days.
     *
     * @param series by column name
     * @param days operating days spanned; null when nothing was read
     * @param droppedRows rows dropped because their hour does not exist ({@code file:line (date hour ending h)})
     */
    record Result(Map<String, TimeSeries> series, @Nullable DateRange days, List<String> droppedRows) {}
}
