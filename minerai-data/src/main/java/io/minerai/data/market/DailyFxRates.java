package io.minerai.data.market;

import io.minerai.data.DateRange;
import io.minerai.data.csv.CsvFile;
import io.minerai.data.csv.CsvHeader;
import io.minerai.data.csv.CsvRow;
import io.minerai.data.csv.FileProblems;
import io.minerai.data.csv.ProblemCollector;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Daily exchange rates read from a CSV: a date column ({@code yyyy-MM-dd}) and a rate column, units of {@code to} per
 * unit of {@code from}. Days absent from the file (weekends, holidays of the publisher) have no rate; nothing is
 * filled here ({@link FxResolver} states how a run treats them). Problems name file, line and column: bad dates,
 * rates that are not finite numbers > 0, duplicate dates (with the first line). Immutable.
 *
 * @param from the currency converted from
 * @param to the currency converted to
 * @param source the file name
 * @param rates rate by date (at least one)
 */
public record DailyFxRates(Currency from, Currency to, String source, NavigableMap<LocalDate, Double> rates) {
    static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    public DailyFxRates {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(source, "source");
        rates = Collections.unmodifiableNavigableMap(new TreeMap<>(rates));
    }

    /** Reads a file. */
    public static DailyFxRates read(Path path, Currency from, Currency to, String dateColumn, String rateColumn) {
        ProblemCollector problems = new ProblemCollector();
        FileProblems fp = problems.forFile(path.getFileName().toString());
        Parser p = new Parser(fp, dateColumn, rateColumn);
        CsvFile.read(path, fp, p::header, p::row);
        return p.build(problems, from, to);
    }

    /** Reads a stream (closed afterwards). */
    public static DailyFxRates read(
            InputStream in, String fileName, Currency from, Currency to, String dateColumn, String rateColumn) {
        ProblemCollector problems = new ProblemCollector();
        FileProblems fp = problems.forFile(fileName);
        Parser p = new Parser(fp, dateColumn, rateColumn);
        CsvFile.read(in, fp, p::header, p::row);
        return p.build(problems, from, to);
    }

    /** The rate published for {@code date}, if any. */
    public Optional<Double> rate(LocalDate date) {
        return Optional.ofNullable(rates.get(date));
    }

    /** The latest rate published on or before {@code date}, at most {@code maxDaysBack} days before. */
    public Optional<Map.Entry<LocalDate, Double>> latestOnOrBefore(LocalDate date, int maxDaysBack) {
        Map.Entry<LocalDate, Double> e = rates.floorEntry(date);
        if (e == null || e.getKey().isBefore(date.minusDays(maxDaysBack))) {
            return Optional.empty();
        }
        return Optional.of(e);
    }

    /** First and last date with a rate. */
    public DateRange dates() {
        return new DateRange(rates.firstKey(), rates.lastKey());
    }

    private static final class Parser {
        private final FileProblems fp;
        private final String dateColumn;
        private final String rateColumn;
        private final Map<LocalDate, Double> rates = new HashMap<>();
        private final Map<LocalDate, Long> lines = new HashMap<>();
        private int date = -1;
        private int rate = -1;

        Parser(FileProblems fp, String dateColumn, String rateColumn) {
            this.fp = fp;
            this.dateColumn = dateColumn;
            this.rateColumn = rateColumn;
        }

        boolean header(CsvHeader h) {
            date = h.require(dateColumn, fp);
            rate = h.require(rateColumn, fp);
            return date >= 0 && rate >= 0;
        }

        void row(CsvRow r) {
            LocalDate d = r.requiredDate(date, DATE, "yyyy-MM-dd");
            double v = r.numberOrNaN(rate);
            if (r.isBlank(rate)) {
                return; // a day without a rate: no rate, not an error
            }
            if (!Double.isNaN(v) && v <= 0) {
                r.problem(rate, "must be > 0, was " + r.text(rate));
                return;
            }
            if (d == null || Double.isNaN(v)) {
                return;
            }
            Long first = lines.putIfAbsent(d, r.line());
            if (first != null) {
                r.problem(date, "duplicate date " + d + " (also at line " + first + ")");
                return;
            }
            rates.put(d, v);
        }

        DailyFxRates build(ProblemCollector problems, Currency from, Currency to) {
            if (rates.isEmpty() && problems.isEmpty()) {
                fp.atFile("no rates");
            }
            problems.throwIfAny("FX rates " + fp.fileName());
            return new DailyFxRates(from, to, fp.fileName(), new TreeMap<>(rates));
        }
    }
}
