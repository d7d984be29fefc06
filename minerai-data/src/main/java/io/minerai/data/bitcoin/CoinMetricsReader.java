package io.minerai.data.bitcoin;

import io.minerai.core.bitcoin.BitcoinDay;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads Coin Metrics' daily network data layout ({@code time, BlkCnt, FeeTotNtv, HashRate, IssTotNtv, PriceUSD}, further
 * columns ignored) into a {@link BitcoinHistory}.
 *
 * <ul>
 *   <li>{@code time}: UTC day as {@code YYYY-MM-DD} (or an ISO instant at 00:00 UTC, as in API exports).
 *   <li>A row whose values are all empty (Coin Metrics' not-yet-complete last day) is a missing day, not an error; so
 *       is a row lacking one of FeeTotNtv, HashRate, IssTotNtv, PriceUSD (the reason is kept in {@link
 *       BitcoinHistory#missingDays()}). Days absent between the first and last row are missing too.
 *   <li>An empty {@code BlkCnt} reads as 0 (unknown); it does not enter hashprice.
 *   <li>Errors (each with file, line and column, all collected): malformed dates or numbers, duplicate days, negative
 *       subsidy or fees, hashrate or price not above 0, and values no real day has (more BTC than will ever exist, a
 *       hashrate outside 1e-9 .. 1e12 TH/s, a price above $1e9).
 * </ul>
 *
 * <p>The bundled file is Coin Metrics Community Network Data (2024-01-01..2025-12-30), CC BY-NC 4.0: attribution
 * required, no commercial use.
 */
public final class CoinMetricsReader {
    /** Classpath location of the bundled file. */
    public static final String BUNDLED_RESOURCE = "/io/minerai/data/btc_coinmetrics/btc_daily_coinmetrics.csv.gz";
    /** Attribution required by the licence of the bundled data. */
    public static final String ATTRIBUTION =
            "Coin Metrics Community Network Data (coinmetrics/data csv/btc.csv), Coin Metrics, Inc., CC BY-NC 4.0";

    /** No day issues or pays more BTC than will ever exist (21 million, the protocol's supply limit). */
    static final double MAX_BTC = 21e6;
    /**
     * Network hashrate bounds, TH/s: 1 kH/s is below the network's first days in 2009 (megahashes), 1e12 TH/s (a
     * million EH/s) over a thousand times today's (about 1 ZH/s); ASSUMPTION for both margins. Beyond them BTC per
     * TH/s-day would be meaningless or overflow.
     */
    static final double MIN_HASHRATE_TH_PER_S = 1e-9;

    static final double MAX_HASHRATE_TH_PER_S = 1e12;
    /** A price of a billion dollars per BTC is not data (ASSUMPTION). */
    static final double MAX_PRICE_USD = 1e9;

    static final List<String> COLUMNS = List.of("time", "BlkCnt", "FeeTotNtv", "HashRate", "IssTotNtv", "PriceUSD");

    private CoinMetricsReader() {}

    /** The bundled Coin Metrics data, parsed once and cached. */
    public static BitcoinHistory bundled() {
        return Bundled.HISTORY;
    }

    /** Reads a user file in Coin Metrics' layout; throws a ValidationException listing every problem. */
    public static BitcoinHistory read(Path path) {
        ProblemCollector problems = new ProblemCollector();
        Parser p = new Parser(problems.forFile(path.getFileName().toString()));
        CsvFile.read(path, p.problems, p::header, p::row);
        problems.throwIfAny("Bitcoin data " + path);
        return p.build(path.toString());
    }

    /** Reads from a stream (closed afterwards); {@code fileName} locates problems. */
    public static BitcoinHistory read(InputStream in, String fileName) {
        ProblemCollector problems = new ProblemCollector();
        Parser p = new Parser(problems.forFile(fileName));
        CsvFile.read(in, p.problems, p::header, p::row);
        problems.throwIfAny("Bitcoin data " + fileName);
        return p.build(fileName);
    }

    private static final class Bundled {
        static final BitcoinHistory HISTORY = load();

        private static BitcoinHistory load() {
            ProblemCollector problems = new ProblemCollector();
            Parser p = new Parser(problems.forFile("btc_daily_coinmetrics.csv"));
            CsvFile.readResource(BUNDLED_RESOURCE, p.problems, p::header, p::row);
            problems.throwIfAny("bundled Coin Metrics data");
            return p.build(ATTRIBUTION);
        }
    }

    private static final class Parser {
        final FileProblems problems;
        int time = -1;
        int blk = -1;
        int fee = -1;
        int hash = -1;
        int iss = -1;
        int price = -1;
        final TreeMap<LocalDate, BitcoinDay> days = new TreeMap<>();
        final Map<LocalDate, String> missing = new HashMap<>();
        final Map<LocalDate, Long> lineOf = new HashMap<>();

        Parser(FileProblems problems) {
            this.problems = problems;
        }

        boolean header(CsvHeader h) {
            int[] idx = h.requireAll(COLUMNS, problems);
            time = idx[0];
            blk = idx[1];
            fee = idx[2];
            hash = idx[3];
            iss = idx[4];
            price = idx[5];
            for (int i : idx) {
                if (i < 0) {
                    return false;
                }
            }
            return true;
        }

        void row(CsvRow r) {
            LocalDate date = parseDay(r, time);
            if (date == null) {
                return;
            }
            Long firstLine = lineOf.putIfAbsent(date, r.line());
            if (firstLine != null) {
                r.problem(time, "duplicate day " + date + " (first on line " + firstLine + ")");
                return;
            }
            int before = problems.total();
            double feeBtc = upTo(r, fee, nonNegative(r, fee), 0, MAX_BTC, "BTC");
            double hashTh = upTo(r, hash, positive(r, hash), MIN_HASHRATE_TH_PER_S, MAX_HASHRATE_TH_PER_S, "TH/s");
            double subsidyBtc = upTo(r, iss, nonNegative(r, iss), 0, MAX_BTC, "BTC");
            double priceUsd = upTo(r, price, positive(r, price), 0, MAX_PRICE_USD, "$/BTC");
            double blocks = r.numberOrNaN(blk);
            if (!Double.isNaN(blocks) && (blocks < 0 || blocks != Math.rint(blocks) || blocks > 10_000)) {
                r.problem(blk, "must be a whole number of blocks >= 0, was " + r.text(blk));
            }
            if (problems.total() > before) {
                return;
            }
            List<String> absent = new ArrayList<>();
            if (Double.isNaN(feeBtc)) {
                absent.add("FeeTotNtv");
            }
            if (Double.isNaN(hashTh)) {
                absent.add("HashRate");
            }
            if (Double.isNaN(subsidyBtc)) {
                absent.add("IssTotNtv");
            }
            if (Double.isNaN(priceUsd)) {
                absent.add("PriceUSD");
            }
            if (absent.size() == 4) {
                missing.put(date, "empty row (line " + r.line() + ")");
            } else if (!absent.isEmpty()) {
                missing.put(date, "no " + String.join(", ", absent) + " (line " + r.line() + ")");
            } else {
                int blockCount = Double.isNaN(blocks) ? 0 : (int) blocks;
                days.put(date, new BitcoinDay(date, priceUsd, hashTh, subsidyBtc, feeBtc, blockCount));
            }
        }

        /** {@code v} checked against {@code [min, max]} unless its sign was already reported. */
        private static double upTo(CsvRow r, int col, double v, double min, double max, String unit) {
            return v > 0 || (v == 0 && min == 0) ? r.within(col, v, min, max, unit) : v;
        }

        private static double nonNegative(CsvRow r, int col) {
            double v = r.numberOrNaN(col);
            if (v < 0) {
                r.problem(col, "must be >= 0, was " + r.text(col));
            }
            return v;
        }

        private static double positive(CsvRow r, int col) {
            double v = r.numberOrNaN(col);
            if (!Double.isNaN(v) && !(v > 0)) {
                r.problem(col, "must be > 0, was " + r.text(col));
            }
            return v;
        }

        BitcoinHistory build(String source) {
            if (lineOf.isEmpty()) {
                throw new ValidationException(
                        "Bitcoin data " + source, new Problem(problems.fileName(), "no data rows"));
            }
            LocalDate first = lineOf.keySet().stream().min(LocalDate::compareTo).orElseThrow();
            LocalDate last = lineOf.keySet().stream().max(LocalDate::compareTo).orElseThrow();
            Map<LocalDate, String> allMissing = new TreeMap<>(missing);
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                if (!lineOf.containsKey(d)) {
                    allMissing.put(d, "no row");
                }
            }
            return new BitcoinHistory(source, days, new DateRange(first, last), allMissing);
        }
    }

    /** The first day of Bitcoin (the genesis block, 2009-01-03). */
    static final LocalDate GENESIS = LocalDate.of(2009, 1, 3);
    /** Days after this are taken for a mistyped year (ASSUMPTION); it also bounds the span a file can cover. */
    static final LocalDate LAST_PLAUSIBLE_DAY = LocalDate.of(2199, 12, 31);

    /**
     * {@code d}, or null with a problem when no Bitcoin data can carry it: before the genesis block or after {@link
     * #LAST_PLAUSIBLE_DAY} (a mistyped year, which would otherwise make a day-by-day history of millions of days).
     */
    static @Nullable LocalDate inEra(CsvRow r, int col, LocalDate d) {
        if (d.isBefore(GENESIS) || d.isAfter(LAST_PLAUSIBLE_DAY)) {
            r.problem(
                    col,
                    "day " + d + " is outside Bitcoin's era (" + GENESIS + " .. " + LAST_PLAUSIBLE_DAY
                            + "); is the year mistyped?");
            return null;
        }
        return d;
    }

    /** Parses {@code YYYY-MM-DD} or an ISO instant at 00:00 UTC ({@code 2024-01-01T00:00:00.000000000Z}). */
    static @Nullable LocalDate parseDay(CsvRow r, int col) {
        String s = r.text(col);
        if (s.isEmpty()) {
            r.problem(col, "empty; a UTC date YYYY-MM-DD is required");
            return null;
        }
        try {
            if (s.length() == 10) {
                return inEra(r, col, LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE));
            }
            Instant t = Instant.parse(s);
            LocalDate d = LocalDate.ofInstant(t, ZoneOffset.UTC);
            if (!d.atStartOfDay(ZoneOffset.UTC).toInstant().equals(t)) {
                r.problem(col, "a daily row must start at 00:00 UTC, was '" + s + "'");
                return null;
            }
            return inEra(r, col, d);
        } catch (DateTimeParseException e) {
            r.problem(col, "not a UTC date YYYY-MM-DD: '" + s + "'");
            return null;
        }
    }
}
