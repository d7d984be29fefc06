package io.minerai.data.aemo;

import io.minerai.data.csv.CsvFile;
import io.minerai.data.csv.CsvHeader;
import io.minerai.data.csv.CsvRow;
import io.minerai.data.csv.FileProblems;
import io.minerai.data.csv.InputFiles;
import io.minerai.data.csv.ProblemCollector;
import io.minerai.data.series.IntervalCollector;
import io.minerai.data.series.IntervalSeries;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Reads AEMO's "Aggregated price and demand data" files ({@code PRICE_AND_DEMAND_YYYYMM_<REGION>.csv}) exactly as AEMO
 * publishes them: columns REGION, SETTLEMENTDATE ({@code yyyy/MM/dd HH:mm:ss}, NEM time UTC+10, the <em>end</em> of
 * the interval), TOTALDEMAND (MW), RRP (AUD/MWh) and PERIODTYPE ({@code TRADE}; optional). Input is one file (e.g. a
 * year of monthly files concatenated), a folder of monthly files (name order, {@code .csv} / {@code .csv.gz}), or a
 * stream.
 *
 * <p>Each row is the interval {@code [SETTLEMENTDATE - length, SETTLEMENTDATE)} in NEM time, converted once to UTC;
 * the length is 5 minutes from five-minute settlement (intervals ending after 2021-10-01 00:00) and 30 minutes before
 * ({@link NemTime}). A stamp that is not the end of such an interval, a duplicate interval (also across files, naming
 * both places), a non-number, a PERIODTYPE other than TRADE, or a region not found are problems at {@code
 * file:line:column}; every problem of every file is collected and thrown as one ValidationException. Blank values are
 * gaps; rows absent are gaps; nothing is filled.
 */
public final class AemoPriceAndDemandReader {
    /** The columns read. */
    public static final List<String> COLUMNS = List.of("REGION", "SETTLEMENTDATE", "TOTALDEMAND", "RRP");

    static final DateTimeFormatter SETTLEMENT_DATE =
            DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private AemoPriceAndDemandReader() {}

    /**
     * Reads a file or a folder of files.
     *
     * @param region when present, rows of other regions are skipped and the region must be found
     * @throws io.minerai.core.validation.ValidationException listing every problem
     */
    public static AemoPriceAndDemand read(Path fileOrFolder, Optional<String> region) {
        ProblemCollector problems = new ProblemCollector();
        Parser p = new Parser(region, problems);
        for (Path f : InputFiles.expand(fileOrFolder, problems)) {
            FileProblems fp = problems.forFile(InputFiles.displayName(f));
            CsvFile.read(f, fp, h -> p.header(h, fp), r -> p.row(r, fp.fileName()));
        }
        return p.build(InputFiles.displayName(fileOrFolder));
    }

    /** Reads one stream (closed afterwards); {@code fileName} locates problems. */
    public static AemoPriceAndDemand read(InputStream in, String fileName, Optional<String> region) {
        ProblemCollector problems = new ProblemCollector();
        Parser p = new Parser(region, problems);
        FileProblems fp = problems.forFile(fileName);
        CsvFile.read(in, fp, h -> p.header(h, fp), r -> p.row(r, fileName));
        return p.build(fileName);
    }

    private static final class Parser {
        private final Optional<String> wanted;
        private final ProblemCollector problems;
        private final Map<String, IntervalCollector> byRegion = new LinkedHashMap<>();
        private final TreeSet<String> others = new TreeSet<>();
        private int region = -1;
        private int date = -1;
        private int demand = -1;
        private int rrp = -1;
        private int periodType = -1;

        Parser(Optional<String> wanted, ProblemCollector problems) {
            this.wanted = wanted.map(w -> w.strip().toUpperCase(Locale.ROOT));
            this.problems = problems;
        }

        boolean header(CsvHeader h, FileProblems fp) {
            int[] idx = h.requireAll(COLUMNS, fp);
            region = idx[0];
            date = idx[1];
            demand = idx[2];
            rrp = idx[3];
            periodType = h.find("PERIODTYPE").orElse(-1);
            for (int i : idx) {
                if (i < 0) {
                    return false;
                }
            }
            return true;
        }

        void row(CsvRow r, String file) {
            String reg = r.text(region).toUpperCase(Locale.ROOT);
            if (reg.isEmpty()) {
                r.problem(region, "empty; a region id such as VIC1 is required");
                return;
            }
            if (wanted.isPresent() && !wanted.get().equals(reg)) {
                others.add(reg);
                return;
            }
            if (periodType >= 0 && !r.isBlank(periodType) && !r.text(periodType).equalsIgnoreCase("TRADE")) {
                r.problem(periodType, "must be TRADE (a settled trading interval), was '" + r.text(periodType) + "'");
            }
            LocalDateTime end = parseEnd(r);
            double[] v = {r.numberOrNaN(rrp), r.numberOrNaN(demand)};
            if (end == null) {
                return;
            }
            Duration length = NemTime.intervalEnding(end);
            if (!isBoundary(end, length)) {
                r.problem(
                        date,
                        "'" + r.text(date) + "' is not the end of a " + length.toMinutes() + "-minute interval (NEM"
                                + " settlement intervals end on multiples of " + length.toMinutes() + " minutes)");
                return;
            }
            byRegion.computeIfAbsent(reg, k -> new IntervalCollector(2))
                    .add(NemTime.toUtc(end.minus(length)), NemTime.toUtc(end), v, file, r.line());
        }

        private @Nullable LocalDateTime parseEnd(CsvRow r) {
            String s = r.text(date);
            if (s.isEmpty()) {
                r.problem(date, "empty; the end of the interval as yyyy/MM/dd HH:mm:ss (NEM time) is required");
                return null;
            }
            try {
                return LocalDateTime.parse(s, SETTLEMENT_DATE);
            } catch (DateTimeParseException e) {
                r.problem(date, "not a NEM time yyyy/MM/dd HH:mm:ss: '" + s + "'");
                return null;
            }
        }

        private static boolean isBoundary(LocalDateTime end, Duration length) {
            long minutes = end.getHour() * 60L + end.getMinute();
            return end.getSecond() == 0 && end.getNano() == 0 && minutes % length.toMinutes() == 0;
        }

        AemoPriceAndDemand build(String source) {
            if (wanted.isPresent() && !byRegion.containsKey(wanted.get()) && problems.isEmpty()) {
                problems.add(
                        source,
                        "region " + wanted.get() + " not found; "
                                + (others.isEmpty() ? "the input has no rows" : "found: " + String.join(", ", others)));
            } else if (byRegion.isEmpty() && problems.isEmpty()) {
                problems.add(source, "no data rows");
            }
            Map<String, AemoRegionSeries> out = new LinkedHashMap<>();
            byRegion.forEach((reg, c) -> {
                List<IntervalSeries> s = c.build(
                        problems,
                        "SETTLEMENTDATE",
                        List.of(reg + " RRP", reg + " TOTALDEMAND"),
                        List.of("AUD/MWh", "MW"));
                out.put(reg, new AemoRegionSeries(reg, s.get(0), s.get(1)));
            });
            problems.throwIfAny("AEMO price and demand " + source);
            return new AemoPriceAndDemand(source, out);
        }
    }
}
