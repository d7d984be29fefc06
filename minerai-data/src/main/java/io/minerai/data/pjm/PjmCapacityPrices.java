package io.minerai.data.pjm;

import io.minerai.core.validation.ValidationException;
import io.minerai.data.csv.CsvFile;
import io.minerai.data.csv.CsvHeader;
import io.minerai.data.csv.CsvRow;
import io.minerai.data.csv.FileProblems;
import io.minerai.data.csv.ProblemCollector;
import io.minerai.data.series.IntervalSeries;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PJM RPM Base Residual Auction resource clearing prices, USD per MW-day of UCAP, by delivery year and LDA. A delivery
 * year {@code YYYY/YYYY+1} runs from 1 June YYYY to 31 May YYYY+1 (Eastern Prevailing Time).
 *
 * <p>The bundled table (delivery years 2023/24 .. 2027/28, 7 rows, each citing the page it was read from) has columns
 * {@code delivery_year}, {@code lda} ({@code RTO} = rest of RTO, or a zonal LDA such as {@code BGE}, {@code DOM}),
 * {@code resource_clearing_price_usd_per_mw_day_ucap}, {@code auction_results_posted}, {@code source_url}, {@code
 * note}. Immutable.
 */
public final class PjmCapacityPrices {
    /** The LDA whose price applies where no zonal price is stated. */
    public static final String RTO = "RTO";

    static final Pattern DELIVERY_YEAR = Pattern.compile("(\\d{4})/(\\d{4})");

    private final String source;
    private final Map<Integer, Map<String, ClearingPrice>> byYear;

    private PjmCapacityPrices(String source, Map<Integer, Map<String, ClearingPrice>> byYear) {
        this.source = source;
        this.byYear = byYear;
    }

    /**
     * One clearing price.
     *
     * @param deliveryYearStart the calendar year the delivery year starts in (1 June)
     * @param lda the LDA as written (upper case)
     * @param priceUsdPerMwDay USD per MW-day of UCAP
     * @param sourceUrl where the figure was read
     * @param note the row's note
     */
    public record ClearingPrice(
            int deliveryYearStart, String lda, double priceUsdPerMwDay, String sourceUrl, String note) {
        public ClearingPrice {
            Objects.requireNonNull(lda, "lda");
            Objects.requireNonNull(sourceUrl, "sourceUrl");
            Objects.requireNonNull(note, "note");
        }

        /** E.g. {@code 2026/2027}. */
        public String deliveryYear() {
            return deliveryYearStart + "/" + (deliveryYearStart + 1);
        }
    }

    /** Whether a price was stated for the LDA or is the RTO price used in its place. */
    public enum Basis {
        /** The table states a price for this LDA in this delivery year. */
        EXACT,
        /**
         * The table has no price for this LDA in this delivery year; the RTO price is used (an LDA that does not
         * separate clears at the RTO price). An approximation the caller must accept: e.g. zonal 2024/25 prices were
         * not found for the bundled table.
         */
        RTO_FALLBACK
    }

    /**
     * A looked-up price with how it was found.
     *
     * @param price the row used
     * @param requestedLda the LDA asked for
     * @param basis exact or RTO fallback
     */
    public record Lookup(ClearingPrice price, String requestedLda, Basis basis) {}

    /** Reads a file in the bundled layout. */
    public static PjmCapacityPrices read(Path path) {
        ProblemCollector problems = new ProblemCollector();
        FileProblems fp = problems.forFile(path.getFileName().toString());
        Parser p = new Parser(fp);
        CsvFile.read(path, fp, p::header, p::row);
        return p.build(problems, path.getFileName().toString());
    }

    /** Reads a stream in the bundled layout (closed afterwards). */
    public static PjmCapacityPrices read(InputStream in, String fileName) {
        ProblemCollector problems = new ProblemCollector();
        FileProblems fp = problems.forFile(fileName);
        Parser p = new Parser(fp);
        CsvFile.read(in, fp, p::header, p::row);
        return p.build(problems, fileName);
    }

    public String source() {
        return source;
    }

    /** The start year of the delivery year containing {@code date} (1 June .. 31 May). */
    public static int deliveryYearStart(LocalDate date) {
        return date.getMonthValue() >= Month.JUNE.getValue() ? date.getYear() : date.getYear() - 1;
    }

    /** The LDAs in the table, e.g. {@code [RTO, BGE, DOM]}. */
    public List<String> ldas() {
        TreeSet<String> out = new TreeSet<>();
        byYear.values().forEach(m -> out.addAll(m.keySet()));
        List<String> list = new ArrayList<>(out);
        if (list.remove(RTO)) {
            list.add(0, RTO);
        }
        return list;
    }

    /** The delivery years covered, by start year. */
    public List<Integer> deliveryYears() {
        return List.copyOf(byYear.keySet());
    }

    /** The price stated for {@code lda} in the delivery year containing {@code date}, if any. */
    public Optional<ClearingPrice> exact(LocalDate date, String lda) {
        Map<String, ClearingPrice> m = byYear.get(deliveryYearStart(date));
        return m == null
                ? Optional.empty()
                : Optional.ofNullable(m.get(lda.strip().toUpperCase(Locale.ROOT)));
    }

    /**
     * The price for {@code lda} on {@code date}: its own when stated, else the RTO price of that delivery year
     * ({@link Basis#RTO_FALLBACK}); empty when the delivery year is not in the table.
     */
    public Optional<Lookup> lookup(LocalDate date, String lda) {
        String l = lda.strip().toUpperCase(Locale.ROOT);
        Optional<ClearingPrice> own = exact(date, l);
        if (own.isPresent()) {
            return Optional.of(new Lookup(own.get(), l, Basis.EXACT));
        }
        return exact(date, RTO).map(p -> new Lookup(p, l, Basis.RTO_FALLBACK));
    }

    /**
     * The prices for {@code lda} as intervals of whole delivery years (1 June 00:00 EPT .. next 1 June 00:00 EPT),
     * using {@link #lookup}; {@code fallbackYears} receives the delivery years where the RTO price stood in.
     */
    public IntervalSeries series(String lda, List<String> fallbackYears) {
        String l = lda.strip().toUpperCase(Locale.ROOT);
        IntervalSeries.Builder b = IntervalSeries.builder("PJM RPM " + l, "USD/MW-day");
        for (int y : byYear.keySet()) {
            Instant from = LocalDate.of(y, 6, 1).atStartOfDay(PjmLmpReader.EPT).toInstant();
            Instant to =
                    LocalDate.of(y + 1, 6, 1).atStartOfDay(PjmLmpReader.EPT).toInstant();
            Optional<Lookup> p = lookup(LocalDate.of(y, 6, 1), l);
            if (p.isPresent()) {
                b.add(from, to, p.get().price().priceUsdPerMwDay());
                if (p.get().basis() == Basis.RTO_FALLBACK) {
                    fallbackYears.add(p.get().price().deliveryYear());
                }
            } else {
                b.addMissing(from, to);
            }
        }
        return b.build();
    }

    private static final class Parser {
        private final FileProblems fp;
        private final Map<Integer, Map<String, ClearingPrice>> byYear = new TreeMap<>();
        private final Map<String, Long> lineOf = new LinkedHashMap<>();
        private int year = -1;
        private int lda = -1;
        private int price = -1;
        private int url = -1;
        private int note = -1;

        Parser(FileProblems fp) {
            this.fp = fp;
        }

        boolean header(CsvHeader h) {
            year = h.require("delivery_year", fp);
            lda = h.require("lda", fp);
            price = h.require("resource_clearing_price_usd_per_mw_day_ucap", fp);
            url = h.find("source_url").orElse(-1);
            note = h.find("note").orElse(-1);
            return year >= 0 && lda >= 0 && price >= 0;
        }

        void row(CsvRow r) {
            String y = r.text(year);
            Matcher m = DELIVERY_YEAR.matcher(y);
            int start = Integer.MIN_VALUE;
            if (!m.matches()) {
                r.problem(year, "not a delivery year YYYY/YYYY: '" + y + "'");
            } else if (Integer.parseInt(m.group(2)) != Integer.parseInt(m.group(1)) + 1) {
                r.problem(year, "a delivery year runs 1 June to 31 May of the next year; '" + y + "' does not");
            } else {
                start = Integer.parseInt(m.group(1));
            }
            String l = r.text(lda).toUpperCase(Locale.ROOT);
            if (l.isEmpty()) {
                r.problem(lda, "empty; an LDA such as RTO, BGE or DOM is required");
            }
            double p = r.requiredNumber(price);
            if (!Double.isNaN(p) && p < 0) {
                r.problem(price, "must be >= 0, was " + r.text(price));
                p = Double.NaN;
            }
            if (start == Integer.MIN_VALUE || l.isEmpty() || Double.isNaN(p)) {
                return;
            }
            String key = y + " " + l;
            Long first = lineOf.putIfAbsent(key, r.line());
            if (first != null) {
                r.problem(lda, "duplicate price for " + l + " in " + y + " (also at line " + first + ")");
                return;
            }
            byYear.computeIfAbsent(start, k -> new TreeMap<>())
                    .put(l, new ClearingPrice(start, l, p, url >= 0 ? r.text(url) : "", note >= 0 ? r.text(note) : ""));
        }

        PjmCapacityPrices build(ProblemCollector problems, String source) {
            if (byYear.isEmpty() && problems.isEmpty()) {
                fp.atFile("no data rows");
            }
            if (!problems.isEmpty()) {
                throw new ValidationException("PJM capacity prices " + source, problems.list());
            }
            Map<Integer, Map<String, ClearingPrice>> copy = new TreeMap<>();
            byYear.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(v)));
            return new PjmCapacityPrices(source, Collections.unmodifiableMap(copy));
        }
    }
}
