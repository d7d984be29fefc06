package io.minerai.data.energycharts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minerai.data.csv.CsvFile;
import io.minerai.data.csv.CsvHeader;
import io.minerai.data.csv.CsvRow;
import io.minerai.data.csv.FileProblems;
import io.minerai.data.csv.InputFiles;
import io.minerai.data.csv.ProblemCollector;
import io.minerai.data.series.IntervalCollector;
import io.minerai.data.series.IntervalSeries;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads day-ahead prices flattened from Energy-Charts API responses ({@code /price?bzn=DE-LU}): columns {@code
 * interval_start_utc} (ISO-8601 UTC, the start of the market time unit), {@code resolution_minutes} (the MTU's
 * length: 60, or 15 from 2025-10-01), {@code price_eur_per_mwh} (EUR/MWh), and optionally {@code
 * interval_start_unix} (must be the same instant) and {@code delivery_date_cet} (the delivery day in Europe/Berlin:
 * the MTU's local start date must be that day).
 *
 * <p>Each row is the interval {@code [interval_start_utc, + resolution_minutes)}; the 60- and 15-minute MTUs are kept
 * as published (an {@link IntervalSeries}). Overlapping or duplicate MTUs (also across files), a resolution that is
 * not a whole number of minutes from 1 to 1440, non-numbers and inconsistent columns are problems at {@code
 * file:line:column}. Blank prices and absent MTUs are gaps. Input: a file, several files (one per year, as bundled) or
 * a folder of them.
 */
public final class EnergyChartsDayAheadReader {
    /** The licence attribution Energy-Charts states in every price response. */
    public static final String ATTRIBUTION =
            "CC BY 4.0 — Bundesnetzagentur | SMARD.de (via Fraunhofer ISE Energy-Charts)";

    static final ZoneId DELIVERY_ZONE = ZoneId.of("Europe/Berlin");

    private EnergyChartsDayAheadReader() {}

    /**
     * Reads files or folders as one series.
     *
     * @throws io.minerai.core.validation.ValidationException listing every problem
     */
    public static IntervalSeries read(List<Path> paths, String name) {
        ProblemCollector problems = new ProblemCollector();
        Parser p = new Parser();
        for (Path path : paths) {
            for (Path f : InputFiles.expand(path, problems, List.of(".csv", ".csv.gz", ".json"))) {
                FileProblems fp = problems.forFile(InputFiles.displayName(f));
                if (fp.fileName().toLowerCase(Locale.ROOT).endsWith(".json")) {
                    readJson(f, fp, p.rows);
                } else {
                    CsvFile.read(f, fp, h -> p.header(h, fp), r -> p.row(r, fp.fileName()));
                }
            }
        }
        return p.build(problems, name, paths.size() == 1 ? InputFiles.displayName(paths.get(0)) : name);
    }

    /** Reads streams (each closed afterwards) as one series; {@code names} locate problems. */
    public static IntervalSeries read(List<InputStream> streams, List<String> names, String name) {
        ProblemCollector problems = new ProblemCollector();
        Parser p = new Parser();
        for (int i = 0; i < streams.size(); i++) {
            FileProblems fp = problems.forFile(names.get(i));
            CsvFile.read(streams.get(i), fp, h -> p.header(h, fp), r -> p.row(r, fp.fileName()));
        }
        return p.build(problems, name, name);
    }

    /**
     * Reads one Energy-Charts {@code /price} API response as published: {@code unix_seconds} (MTU starts) and {@code
     * price} (EUR/MWh, {@code null} = no price) of equal length, {@code unit} {@code EUR / MWh}. Each MTU lasts until
     * the next one starts; the last lasts as long as the one before it (a response needs at least two MTUs).
     * Problems are located by JSON path, e.g. {@code 2025-10-01.json:price[3]}.
     */
    static void readJson(Path file, FileProblems fp, IntervalCollector rows) {
        @Nullable JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            fp.atFile("not readable as JSON: " + e.getMessage());
            return;
        }
        String f = fp.fileName();
        @Nullable JsonNode unix = root == null ? null : root.get("unix_seconds");
        @Nullable JsonNode price = root == null ? null : root.get("price");
        if (unix == null || !unix.isArray() || price == null || !price.isArray()) {
            fp.atFile("an Energy-Charts price response needs the arrays unix_seconds and price");
            return;
        }
        @Nullable JsonNode unit = root.get("unit");
        if (unit != null && !unit.asText().replace(" ", "").equalsIgnoreCase("EUR/MWh")) {
            fp.collector().add(f + ":unit", "must be EUR / MWh, was '" + unit.asText() + "'");
            return;
        }
        if (unix.size() != price.size()) {
            fp.collector().add(f + ":price", price.size() + " prices for " + unix.size() + " unix_seconds");
            return;
        }
        if (unix.size() < 2) {
            fp.collector().add(f + ":unix_seconds", "needs at least two MTUs to tell their length, has " + unix.size());
            return;
        }
        long[] t = new long[unix.size()];
        for (int i = 0; i < t.length; i++) {
            JsonNode u = unix.get(i);
            if (!u.canConvertToLong() || !u.isIntegralNumber()) {
                fp.collector().add(f + ":unix_seconds[" + i + "]", "not whole seconds since 1970: " + u);
                return;
            }
            t[i] = u.asLong();
            if (i > 0 && t[i] <= t[i - 1]) {
                fp.collector().add(f + ":unix_seconds[" + i + "]", "not after the previous MTU start " + t[i - 1]);
                return;
            }
        }
        for (int i = 0; i < t.length; i++) {
            long end = i + 1 < t.length ? t[i + 1] : t[i] + (t[i] - t[i - 1]);
            JsonNode v = price.get(i);
            double value = Double.NaN;
            if (v.isNumber()) {
                value = v.asDouble();
            } else if (!v.isNull()) {
                fp.collector().add(f + ":price[" + i + "]", "not a number: " + v);
                continue;
            }
            rows.add(
                    Instant.ofEpochSecond(t[i]),
                    Instant.ofEpochSecond(end),
                    new double[] {value},
                    f + ":unix_seconds[" + i + "]");
        }
    }

    private static final class Parser {
        final IntervalCollector rows = new IntervalCollector(1);
        private int start = -1;
        private int resolution = -1;
        private int price = -1;
        private int unix = -1;
        private int deliveryDate = -1;

        boolean header(CsvHeader h, FileProblems fp) {
            int[] idx = h.requireAll(List.of("interval_start_utc", "resolution_minutes", "price_eur_per_mwh"), fp);
            start = idx[0];
            resolution = idx[1];
            price = idx[2];
            unix = h.find("interval_start_unix").orElse(-1);
            deliveryDate = h.find("delivery_date_cet").orElse(-1);
            return start >= 0 && resolution >= 0 && price >= 0;
        }

        void row(CsvRow r, String file) {
            Instant t = parseStart(r);
            int minutes = r.requiredInt(resolution);
            if (minutes != Integer.MIN_VALUE && (minutes < 1 || minutes > 1440)) {
                r.problem(resolution, "must be whole minutes from 1 to 1440, was " + minutes);
                minutes = Integer.MIN_VALUE;
            }
            double v = r.numberOrNaN(price);
            if (t == null || minutes == Integer.MIN_VALUE) {
                return;
            }
            if (unix >= 0 && !r.isBlank(unix)) {
                String u = r.text(unix);
                try {
                    if (Long.parseLong(u) != t.getEpochSecond()) {
                        r.problem(unix, u + " is not the instant of interval_start_utc " + t);
                    }
                } catch (NumberFormatException e) {
                    r.problem(unix, "not whole seconds since 1970: '" + u + "'");
                }
            }
            if (deliveryDate >= 0 && !r.isBlank(deliveryDate)) {
                String d = r.text(deliveryDate);
                try {
                    LocalDate local = LocalDate.ofInstant(t, DELIVERY_ZONE);
                    if (!LocalDate.parse(d).equals(local)) {
                        r.problem(
                                deliveryDate,
                                "the MTU starting " + t + " is on " + local + " in Europe/Berlin, not " + d);
                    }
                } catch (DateTimeParseException e) {
                    r.problem(deliveryDate, "not a date yyyy-MM-dd: '" + d + "'");
                }
            }
            rows.add(t, t.plus(Duration.ofMinutes(minutes)), new double[] {v}, file, r.line());
        }

        private @Nullable Instant parseStart(CsvRow r) {
            String s = r.text(start);
            try {
                Instant t = Instant.parse(s);
                if (!IntervalCollector.wholeSeconds(t)) {
                    r.problem(start, "'" + s + "' has fractional seconds; MTUs start on whole seconds");
                    return null;
                }
                return t;
            } catch (DateTimeParseException e) {
                r.problem(start, "not an ISO-8601 UTC instant (e.g. 2025-10-01T00:00:00Z): '" + s + "'");
                return null;
            }
        }

        IntervalSeries build(ProblemCollector problems, String name, String source) {
            if (rows.size() == 0 && problems.isEmpty()) {
                problems.add(source, "no data rows");
            }
            IntervalSeries s = rows.build(problems, "interval_start_utc", List.of(name), List.of("EUR/MWh"))
                    .get(0);
            problems.throwIfAny("Energy-Charts day-ahead prices " + source);
            return s;
        }
    }
}
