package io.minerai.data.bitcoin;

import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads btc_daily.csv ({@code date_utc} plus the columns of {@link BtcLongHistory.Column}) into a {@link
 * BtcLongHistory}. Empty cells are missing values (each column has its own coverage); dates absent from the file are
 * missing in every column. Errors, all collected with file, line and column: malformed dates or numbers, duplicate
 * dates, negative values, missing columns.
 */
public final class BtcDailyHistoryReader {
    /** Classpath location of the bundled file. */
    public static final String BUNDLED_RESOURCE = "/io/minerai/data/btc_daily/btc_daily.csv.gz";

    private BtcDailyHistoryReader() {}

    /** The bundled history, parsed once and cached. */
    public static BtcLongHistory bundled() {
        return Bundled.HISTORY;
    }

    /** Reads a user file with the same columns; throws a ValidationException listing every problem. */
    public static BtcLongHistory read(Path path) {
        ProblemCollector problems = new ProblemCollector();
        Parser p = new Parser(problems.forFile(path.getFileName().toString()));
        CsvFile.read(path, p.problems, p::header, p::row);
        problems.throwIfAny("Bitcoin history " + path);
        return p.build(path.toString());
    }

    /** Reads from a stream (closed afterwards); {@code fileName} locates problems. */
    public static BtcLongHistory read(InputStream in, String fileName) {
        ProblemCollector problems = new ProblemCollector();
        Parser p = new Parser(problems.forFile(fileName));
        CsvFile.read(in, p.problems, p::header, p::row);
        problems.throwIfAny("Bitcoin history " + fileName);
        return p.build(fileName);
    }

    private static final class Bundled {
        static final BtcLongHistory HISTORY = load();

        private static BtcLongHistory load() {
            ProblemCollector problems = new ProblemCollector();
            Parser p = new Parser(problems.forFile("btc_daily.csv"));
            CsvFile.readResource(BUNDLED_RESOURCE, p.problems, p::header, p::row);
            problems.throwIfAny("bundled Bitcoin history");
            return p.build("btc_daily.csv (CoinMarketCap, Bitcoin Visuals, blockchain.com exports; see docs/DATA.md)");
        }
    }

    private static final class Parser {
        private static final BtcLongHistory.Column[] COLUMNS = BtcLongHistory.Column.values();
        final FileProblems problems;
        int dateCol = -1;
        final int[] cols = new int[COLUMNS.length];
        final List<LocalDate> dates = new ArrayList<>();
        final List<double[]> rows = new ArrayList<>();
        final Map<LocalDate, Long> lineOf = new HashMap<>();

        Parser(FileProblems problems) {
            this.problems = problems;
        }

        boolean header(CsvHeader h) {
            dateCol = h.require("date_utc", problems);
            boolean ok = dateCol >= 0;
            for (int c = 0; c < COLUMNS.length; c++) {
                cols[c] = h.require(COLUMNS[c].header(), problems);
                ok &= cols[c] >= 0;
            }
            return ok;
        }

        void row(CsvRow r) {
            LocalDate parsed = r.requiredDate(dateCol, DateTimeFormatter.ISO_LOCAL_DATE, "YYYY-MM-DD");
            LocalDate date = parsed == null ? null : CoinMetricsReader.inEra(r, dateCol, parsed);
            if (date == null) {
                return;
            }
            Long first = lineOf.putIfAbsent(date, r.line());
            if (first != null) {
                r.problem(dateCol, "duplicate date " + date + " (first on line " + first + ")");
                return;
            }
            double[] v = new double[COLUMNS.length];
            for (int c = 0; c < COLUMNS.length; c++) {
                double x = r.numberOrNaN(cols[c]);
                if (x < 0) {
                    r.problem(cols[c], "must be >= 0, was " + r.text(cols[c]));
                    x = Double.NaN;
                }
                v[c] = x * COLUMNS[c].scale();
            }
            dates.add(date);
            rows.add(v);
        }

        BtcLongHistory build(String source) {
            if (dates.isEmpty()) {
                throw new ValidationException(
                        "Bitcoin history " + source, new Problem(problems.fileName(), "no data rows"));
            }
            LocalDate first = dates.stream().min(LocalDate::compareTo).orElseThrow();
            LocalDate last = dates.stream().max(LocalDate::compareTo).orElseThrow();
            int n = (int) ChronoUnit.DAYS.between(first, last) + 1;
            Map<BtcLongHistory.Column, DailySeries> out = new EnumMap<>(BtcLongHistory.Column.class);
            for (int c = 0; c < COLUMNS.length; c++) {
                double[] vals = new double[n];
                Arrays.fill(vals, Double.NaN);
                for (int k = 0; k < dates.size(); k++) {
                    vals[(int) ChronoUnit.DAYS.between(first, dates.get(k))] = rows.get(k)[c];
                }
                BtcLongHistory.Column col = COLUMNS[c];
                out.put(col, new DailySeries(col.name(), col.unit(), first, vals));
            }
            return new BtcLongHistory(source, new DateRange(first, last), out);
        }
    }
}
