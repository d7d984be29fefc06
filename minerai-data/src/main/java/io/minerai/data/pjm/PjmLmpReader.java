package io.minerai.data.pjm;

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
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads PJM Data Miner 2 hourly LMPs in either of two layouts, detected from the header:
 *
 * <ul>
 *   <li>the raw exports of the feeds {@code da_hrl_lmps} / {@code rt_hrl_lmps}: {@code datetime_beginning_utc}, {@code
 *       datetime_beginning_ept}, {@code pnode_id}, {@code pnode_name}, {@code voltage}, {@code equipment}, {@code
 *       type}, {@code zone}, {@code system_energy_price_da}, {@code total_lmp_da}, {@code congestion_price_da}, {@code
 *       marginal_loss_price_da} (or {@code _rt}), {@code row_is_current}, {@code version_nbr}; timestamps as Data
 *       Miner writes them ({@code 5/1/2025 4:00:00 AM}) or ISO ({@code 2025-05-01T04:00:00});
 *   <li>minerai's bundled layout: {@code interval_start_utc} (ISO, {@code Z}), {@code interval_start_ept}, {@code
 *       pnode_id}, {@code pnode_name}, {@code market} ({@code DA}/{@code RT}), {@code total_lmp}, {@code
 *       system_energy_price}, {@code congestion_price}, {@code marginal_loss_price}.
 * </ul>
 *
 * <p>Each row is the hour beginning at the UTC stamp; the EPT stamp must be the same instant in America/New_York (a
 * mismatch is an error). Rows with {@code row_is_current = False} (superseded versions) are skipped. Duplicate hours of
 * a node and market (also across files), stamps not on the hour, non-numbers and unknown markets are problems at
 * {@code file:line:column}. Prices in USD/MWh.
 */
public final class PjmLmpReader {
    /** Eastern Prevailing Time. */
    public static final ZoneId EPT = ZoneId.of("America/New_York");

    /** Attribution for PJM data. */
    public static final String ATTRIBUTION = "Source: PJM Interconnection, Data Miner 2 (PJM Terms of Use apply)";

    static final DateTimeFormatter DATA_MINER = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("M/d/uuuu h:mm:ss a")
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    static final DateTimeFormatter ISO_SPACE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private static final List<String> COMPONENTS =
            List.of("total_lmp", "system_energy_price", "congestion_price", "marginal_loss_price");

    private PjmLmpReader() {}

    /**
     * Reads files or folders (e.g. a {@code da_hrl_lmps} and an {@code rt_hrl_lmps} export) as one data set.
     *
     * @throws io.minerai.core.validation.ValidationException listing every problem
     */
    public static PjmLmps read(List<Path> paths) {
        ProblemCollector problems = new ProblemCollector();
        Parser p = new Parser(problems);
        for (Path path : paths) {
            for (Path f : InputFiles.expand(path, problems)) {
                FileProblems fp = problems.forFile(InputFiles.displayName(f));
                CsvFile.read(f, fp, h -> p.header(h, fp), r -> p.row(r, fp.fileName()));
            }
        }
        return p.build(paths.size() == 1 ? InputFiles.displayName(paths.get(0)) : paths.size() + " files");
    }

    /** Reads one stream (closed afterwards). */
    public static PjmLmps read(InputStream in, String fileName) {
        ProblemCollector problems = new ProblemCollector();
        Parser p = new Parser(problems);
        FileProblems fp = problems.forFile(fileName);
        CsvFile.read(in, fp, h -> p.header(h, fp), r -> p.row(r, fileName));
        return p.build(fileName);
    }

    private static final class Parser {
        private final ProblemCollector problems;
        private final Map<String, Map<PjmMarket, IntervalCollector>> rows = new LinkedHashMap<>();
        private final Map<String, String> ids = new LinkedHashMap<>();
        private int utc = -1;
        private int ept = -1;
        private int id = -1;
        private int name = -1;
        private int market = -1;
        private int current = -1;
        private int[] values = new int[4];
        private @Nullable PjmMarket fileMarket;

        Parser(ProblemCollector problems) {
            this.problems = problems;
        }

        boolean header(CsvHeader h, FileProblems fp) {
            fileMarket = null;
            market = -1;
            boolean raw = h.find("datetime_beginning_utc").isPresent();
            String suffix = "";
            if (raw) {
                if (h.find("total_lmp_da").isPresent()) {
                    fileMarket = PjmMarket.DA;
                    suffix = "_da";
                } else if (h.find("total_lmp_rt").isPresent()) {
                    fileMarket = PjmMarket.RT;
                    suffix = "_rt";
                } else {
                    fp.at(
                            1,
                            "total_lmp_da",
                            "a Data Miner export needs total_lmp_da (da_hrl_lmps) or total_lmp_rt (rt_hrl_lmps); the"
                                    + " header has " + h.describe());
                    return false;
                }
                utc = h.require("datetime_beginning_utc", fp);
                ept = h.require("datetime_beginning_ept", fp);
                current = h.find("row_is_current").orElse(-1);
            } else {
                utc = h.require("interval_start_utc", fp);
                ept = h.require("interval_start_ept", fp);
                market = h.require("market", fp);
                current = -1;
            }
            id = h.require("pnode_id", fp);
            name = h.require("pnode_name", fp);
            values = new int[COMPONENTS.size()];
            boolean ok = utc >= 0 && ept >= 0 && id >= 0 && name >= 0 && (raw || market >= 0);
            for (int i = 0; i < values.length; i++) {
                values[i] = h.require(COMPONENTS.get(i) + suffix, fp);
                ok &= values[i] >= 0;
            }
            return ok;
        }

        void row(CsvRow r, String file) {
            if (current >= 0) {
                String c = r.text(current);
                if (c.equalsIgnoreCase("false")) {
                    return;
                }
                if (!c.equalsIgnoreCase("true")) {
                    r.problem(current, "must be True or False, was '" + c + "'");
                }
            }
            PjmMarket m = fileMarket;
            if (m == null) {
                m = PjmMarket.parse(r.text(market)).orElse(null);
                if (m == null) {
                    r.problem(market, "must be DA or RT, was '" + r.text(market) + "'");
                }
            }
            String node = r.text(name);
            if (node.isEmpty()) {
                r.problem(name, "empty; a pricing node name is required");
            }
            double[] v = new double[values.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = r.numberOrNaN(values[i]);
            }
            Instant start = parseUtc(r);
            if (start != null) {
                checkEpt(r, start);
            }
            if (start == null || m == null || node.isEmpty()) {
                return;
            }
            ids.putIfAbsent(node, r.text(id));
            rows.computeIfAbsent(node, k -> new LinkedHashMap<>())
                    .computeIfAbsent(m, k -> new IntervalCollector(COMPONENTS.size()))
                    .add(start, start.plus(Duration.ofHours(1)), v, file, r.line());
        }

        private @Nullable Instant parseUtc(CsvRow r) {
            String s = r.text(utc);
            Instant t;
            try {
                t = s.endsWith("Z") ? Instant.parse(s) : parseLocal(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                r.problem(utc, "not a UTC timestamp (M/d/yyyy h:mm:ss AM, yyyy-MM-ddTHH:mm:ss or ...Z): '" + s + "'");
                return null;
            }
            if (t.getEpochSecond() % 3600 != 0 || !IntervalCollector.wholeSeconds(t)) {
                r.problem(utc, "'" + s + "' is not the beginning of an hour");
                return null;
            }
            return t;
        }

        private void checkEpt(CsvRow r, Instant start) {
            String s = r.text(ept);
            LocalDateTime local;
            try {
                local = parseLocal(s);
            } catch (DateTimeParseException e) {
                r.problem(ept, "not an Eastern Prevailing Time timestamp: '" + s + "'");
                return;
            }
            LocalDateTime expected = LocalDateTime.ofInstant(start, EPT);
            if (!expected.equals(local)) {
                r.problem(
                        ept,
                        "'" + s + "' is not the hour beginning " + start + " in America/New_York (" + expected + ")");
            }
        }

        private static LocalDateTime parseLocal(String s) {
            if (s.indexOf('/') > 0) {
                return LocalDateTime.parse(s, DATA_MINER);
            }
            return s.indexOf('T') > 0 ? LocalDateTime.parse(s) : LocalDateTime.parse(s, ISO_SPACE);
        }

        PjmLmps build(String source) {
            if (rows.isEmpty() && problems.isEmpty()) {
                problems.add(source, "no current LMP rows");
            }
            Map<String, Map<PjmMarket, PjmLmpComponents>> out = new LinkedHashMap<>();
            rows.forEach((node, byMarket) -> byMarket.forEach((m, c) -> {
                List<String> names =
                        COMPONENTS.stream().map(x -> node + " " + m + " " + x).toList();
                List<IntervalSeries> s = c.build(
                        problems,
                        current >= 0 || fileMarket != null ? "datetime_beginning_utc" : "interval_start_utc",
                        names,
                        List.of("USD/MWh", "USD/MWh", "USD/MWh", "USD/MWh"));
                out.computeIfAbsent(node, k -> new LinkedHashMap<>())
                        .put(m, new PjmLmpComponents(s.get(0), s.get(1), s.get(2), s.get(3)));
            }));
            problems.throwIfAny("PJM LMPs " + source);
            return new PjmLmps(source, out, ids);
        }
    }
}
