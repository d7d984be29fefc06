package io.minerai.data.ercot;

import io.minerai.core.scenario.Plausibility;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.data.DateRange;
import io.minerai.data.csv.CsvFile;
import io.minerai.data.csv.CsvRow;
import io.minerai.data.csv.FileProblems;
import io.minerai.data.csv.ProblemCollector;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads ERCOT's 15-minute real-time settlement point price report (NP6-905-CD, "Settlement Point Prices at Resource
 * Nodes, Hubs and Load Zones") for one settlement point into a 15-minute UTC series.
 *
 * <p>Columns (exact names, any order, others ignored): {@code DeliveryDate} (MM/DD/YYYY, operating day in Central
 * Prevailing Time), {@code DeliveryHour} (hour ending 1..24), {@code DeliveryInterval} (1..4), {@code
 * SettlementPointName}, {@code SettlementPointType} (opaque), {@code SettlementPointPrice} ($/MWh) and {@code DSTFlag}
 * ({@code Y} marks the repeated hour of the fall-back day). A row is keyed by (date, hour, interval, DSTFlag) and
 * converted to its UTC start with {@link CentralTime}; spring-forward days have 92 intervals, fall-back days 100.
 *
 * <p>Input may be one CSV (optionally gzip-compressed), a ZIP of CSVs (as ERCOT's MIS serves them) or a folder of
 * those (read in name order, not recursively). Settlement point names match ignoring case. Rows of other
 * settlement points are skipped unchecked (a full report has hundreds of nodes); rows of the wanted one are fully
 * checked. Errors, all collected with file, line and column: missing columns, bad dates, hours or intervals out of
 * range or not existing that day, DSTFlag other than Y/N or Y outside the repeated hour, non-numeric prices or
 * prices no market reaches ({@link Plausibility#ENERGY_PRICE_USD_PER_MWH}), duplicate intervals, and a settlement point
 * absent from every file.
 */
public final class ErcotSppReportReader {
    private static final Plausibility PRICE = Plausibility.ENERGY_PRICE_USD_PER_MWH;
    /**
     * Delivery days outside these are taken for a mistyped year (ASSUMPTION: no report in this format predates 2000);
     * they also bound the 15-minute grid a file can span.
     */
    static final LocalDate FIRST_PLAUSIBLE_DAY = LocalDate.of(2000, 1, 1);

    static final LocalDate LAST_PLAUSIBLE_DAY = LocalDate.of(2199, 12, 31);

    /** The report's columns. */
    public static final List<String> COLUMNS = List.of(
            "DeliveryDate",
            "DeliveryHour",
            "DeliveryInterval",
            "SettlementPointName",
            "SettlementPointType",
            "SettlementPointPrice",
            "DSTFlag");

    static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("MM/dd/uuuu", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private ErcotSppReportReader() {}

    /**
     * Reads a CSV, a ZIP or a folder of them.
     *
     * @throws io.minerai.core.validation.ValidationException listing every problem
     */
    public static SppSeries read(Path path, String settlementPoint) {
        return read(List.of(path), settlementPoint);
    }

    /** Reads several CSVs, ZIPs or folders as one series; the same interval in two files is a duplicate. */
    public static SppSeries read(List<Path> paths, String settlementPoint) {
        ProblemCollector problems = new ProblemCollector();
        Parser p = new Parser(settlementPoint, problems);
        for (Path path : paths) {
            readPath(path, p, problems);
        }
        return p.build(problems, paths.size() == 1 ? paths.get(0).getFileName().toString() : paths.size() + " files");
    }

    /** Reads one CSV stream (closed afterwards). */
    public static SppSeries read(InputStream in, String fileName, String settlementPoint) {
        ProblemCollector problems = new ProblemCollector();
        Parser p = new Parser(settlementPoint, problems);
        p.readCsv(in, fileName);
        return p.build(problems, fileName);
    }

    private static void readPath(Path path, Parser p, ProblemCollector problems) {
        String name = path.getFileName() == null
                ? path.toString()
                : path.getFileName().toString();
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> s = Files.list(path)) {
                files = s.filter(f -> Files.isRegularFile(f) && isReportFile(f))
                        .sorted()
                        .toList();
            } catch (IOException e) {
                problems.add(name, "folder could not be listed: " + e.getMessage());
                return;
            }
            if (files.isEmpty()) {
                problems.add(name, "folder has no .csv, .csv.gz or .zip files: " + path.toAbsolutePath());
            }
            for (Path f : files) {
                readPath(f, p, problems);
            }
            return;
        }
        try (InputStream in = Files.newInputStream(path)) {
            if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                p.readZip(in, name);
            } else {
                p.readCsv(in, name);
            }
        } catch (NoSuchFileException e) {
            problems.add(name, "file not found: " + path.toAbsolutePath());
        } catch (IOException e) {
            problems.add(name, "could not be read: " + e.getMessage());
        }
    }

    private static boolean isReportFile(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".csv") || n.endsWith(".csv.gz") || n.endsWith(".zip");
    }

    private static final class Parser {
        private final String wanted;
        private final ProblemCollector problems;
        private final Map<Long, Double> priceByQuarter = new HashMap<>();
        private final Map<Long, String> whereByQuarter = new HashMap<>();
        private final TreeSet<String> others = new TreeSet<>();
        private String foundName;
        private LocalDate firstDay = LocalDate.MAX;
        private LocalDate lastDay = LocalDate.MIN;

        Parser(String wanted, ProblemCollector problems) {
            this.wanted = wanted.strip();
            this.foundName = this.wanted;
            this.problems = problems;
        }

        void readZip(InputStream in, String zipName) throws IOException {
            ZipInputStream zip = new ZipInputStream(in);
            int csvs = 0;
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String n = e.getName().toLowerCase(Locale.ROOT);
                if (e.isDirectory() || !(n.endsWith(".csv") || n.endsWith(".csv.gz"))) {
                    continue;
                }
                csvs++;
                readCsv(new NonClosing(zip), zipName + "!/" + e.getName());
            }
            if (csvs == 0) {
                problems.add(zipName, "zip has no .csv entries");
            }
        }

        void readCsv(InputStream in, String fileName) {
            FileProblems fp = problems.forFile(fileName);
            int[] idx = new int[COLUMNS.size()];
            CsvFile.read(
                    in,
                    fp,
                    h -> {
                        int[] found = h.requireAll(COLUMNS, fp);
                        System.arraycopy(found, 0, idx, 0, found.length);
                        return allFound(found);
                    },
                    r -> row(r, idx));
        }

        private static boolean allFound(int[] idx) {
            for (int i : idx) {
                if (i < 0) {
                    return false;
                }
            }
            return true;
        }

        private void row(CsvRow r, int[] idx) {
            String name = r.text(idx[3]);
            if (!name.equalsIgnoreCase(wanted)) {
                if (others.size() < 2000) {
                    others.add(name);
                }
                return;
            }
            foundName = name;
            FileProblems fp = r.problems();
            int before = fp.total();
            LocalDate date = r.requiredDate(idx[0], DATE, "MM/DD/YYYY");
            int hour = r.requiredInt(idx[1]);
            int interval = r.requiredInt(idx[2]);
            double price = r.within(idx[5], r.requiredNumber(idx[5]), PRICE.min(), PRICE.max(), "$/MWh");
            String flag = r.text(idx[6]).toUpperCase(Locale.ROOT);
            boolean repeated = flag.equals("Y");
            if (!repeated && !flag.equals("N")) {
                r.problem(idx[6], "must be Y or N, was '" + r.text(idx[6]) + "'");
            }
            if (hour != Integer.MIN_VALUE && (hour < 1 || hour > 24)) {
                r.problem(idx[1], "hour ending must be 1..24, was " + hour);
            }
            if (interval != Integer.MIN_VALUE && (interval < 1 || interval > 4)) {
                r.problem(idx[2], "interval must be 1..4, was " + interval);
            }
            if (date != null && (date.isBefore(FIRST_PLAUSIBLE_DAY) || date.isAfter(LAST_PLAUSIBLE_DAY))) {
                r.problem(
                        idx[0],
                        "day " + date + " is outside " + FIRST_PLAUSIBLE_DAY + " .. " + LAST_PLAUSIBLE_DAY
                                + "; is the year mistyped?");
            }
            if (fp.total() > before || date == null) {
                return;
            }
            Instant start;
            try {
                start = CentralTime.intervalStartUtc(date, hour, interval, repeated);
            } catch (IllegalArgumentException e) {
                r.problem(repeated ? idx[6] : idx[1], String.valueOf(e.getMessage()));
                return;
            }
            long quarter = start.getEpochSecond() / 900;
            String where = fp.fileName() + ":" + r.line();
            String first = whereByQuarter.putIfAbsent(quarter, where);
            if (first != null) {
                r.lineProblem("duplicate interval " + r.text(idx[0]) + " hour " + hour + " interval " + interval
                        + " DSTFlag " + flag + " of " + name + " (first at " + first + ")");
                return;
            }
            priceByQuarter.put(quarter, price);
            if (date.isBefore(firstDay)) {
                firstDay = date;
            }
            if (date.isAfter(lastDay)) {
                lastDay = date;
            }
        }

        SppSeries build(ProblemCollector problems, String what) {
            if (priceByQuarter.isEmpty() && problems.isEmpty()) {
                List<String> shown = new ArrayList<>(others);
                String list = shown.isEmpty()
                        ? "the files have no rows"
                        : "the files have " + shown.size() + (shown.size() >= 2000 ? "+" : "") + ": "
                                + String.join(", ", shown.subList(0, Math.min(30, shown.size())))
                                + (shown.size() > 30 ? ", ..." : "");
                problems.add(what, "settlement point " + wanted + " not found; " + list);
            }
            problems.throwIfAny("ERCOT settlement point prices " + what);
            Instant start = CentralTime.dayStartUtc(firstDay);
            TimeGrid grid =
                    TimeGrid.between(start, CentralTime.dayStartUtc(lastDay.plusDays(1)), Duration.ofMinutes(15));
            long q0 = start.getEpochSecond() / 900;
            TimeSeries.Builder b = TimeSeries.builder(foundName + " RTM", "USD/MWh", grid);
            priceByQuarter.forEach((q, v) -> b.set((int) (q - q0), v));
            return new SppSeries(foundName, new DateRange(firstDay, lastDay), b.build());
        }
    }

    /** Lets the CSV reader close a zip entry's stream without closing the zip. */
    private static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the zip stream stays open for the next entry
        }
    }
}
