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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Reads an OpenElectricity API export of NEM data in long format: columns {@code region}, {@code timestamp} (ISO-8601
 * with offset, {@code 2025-01-01 00:00:00+10:00}), {@code metric} ({@code price} in {@code $/MWh} = AUD/MWh, or
 * {@code demand} in {@code MW}), {@code value}, {@code unit}. Rows of other metrics are skipped.
 *
 * <p><b>Interval convention.</b> OpenElectricity buckets AEMO's 5-minute intervals by their SETTLEMENTDATE (interval
 * end): the value labelled H with bucket length L is the simple mean of the 5-minute values whose SETTLEMENTDATE is H,
 * H+5min, ..., H+L-5min, so it covers {@code [H - 5 min, H - 5 min + L)}. For L = 1 hour this was verified on 7,567
 * hours of VIC1 2025 against AEMO's own file (shared {@code aemo_nsw1_2025_hourly/SOURCE.md}: max difference 0.0005,
 * rounding). Labels must fall on whole buckets; absent rows and blank values are gaps.
 */
public final class OpenElectricityReader {
    /** The bucket length of the hourly exports (the only one verified). */
    public static final Duration HOURLY = Duration.ofHours(1);

    /** The AEMO interval whose end labels the first 5 minutes of a bucket. */
    static final Duration AEMO_INTERVAL = Duration.ofMinutes(5);

    private OpenElectricityReader() {}

    /**
     * Reads a file or a folder of files with buckets of {@code bucket} (use {@link #HOURLY}).
     *
     * @throws io.minerai.core.validation.ValidationException listing every problem
     */
    public static OpenElectricityData read(Path fileOrFolder, Duration bucket) {
        ProblemCollector problems = new ProblemCollector();
        Parser p = new Parser(bucket, problems);
        for (Path f : InputFiles.expand(fileOrFolder, problems)) {
            FileProblems fp = problems.forFile(InputFiles.displayName(f));
            CsvFile.read(f, fp, h -> p.header(h, fp), r -> p.row(r, fp.fileName()));
        }
        return p.build(InputFiles.displayName(fileOrFolder));
    }

    /** Reads one stream (closed afterwards). */
    public static OpenElectricityData read(InputStream in, String fileName, Duration bucket) {
        ProblemCollector problems = new ProblemCollector();
        Parser p = new Parser(bucket, problems);
        FileProblems fp = problems.forFile(fileName);
        CsvFile.read(in, fp, h -> p.header(h, fp), r -> p.row(r, fileName));
        return p.build(fileName);
    }

    /** The metrics read, with the unit OpenElectricity writes and the unit minerai gives them. */
    public enum Metric {
        PRICE("price", "$/MWh", "AUD/MWh"),
        DEMAND("demand", "MW", "MW");

        private final String key;
        private final String fileUnit;
        private final String unit;

        Metric(String key, String fileUnit, String unit) {
            this.key = key;
            this.fileUnit = fileUnit;
            this.unit = unit;
        }

        public String key() {
            return key;
        }

        /** Unit of the series read: AUD/MWh for price (NEM prices are in Australian dollars), MW for demand. */
        public String unit() {
            return unit;
        }

        static Optional<Metric> parse(String s) {
            for (Metric m : values()) {
                if (m.key.equalsIgnoreCase(s.strip())) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }
    }

    private static final class Parser {
        private final Duration bucket;
        private final ProblemCollector problems;
        private final Map<String, Map<Metric, IntervalCollector>> byRegion = new LinkedHashMap<>();
        private final TreeSet<String> skippedMetrics = new TreeSet<>();
        private int region = -1;
        private int time = -1;
        private int metric = -1;
        private int value = -1;
        private int unit = -1;

        Parser(Duration bucket, ProblemCollector problems) {
            if (bucket.compareTo(AEMO_INTERVAL) < 0 || bucket.toSeconds() % AEMO_INTERVAL.toSeconds() != 0) {
                throw new IllegalArgumentException("bucket must be a whole number of 5 minutes, was " + bucket);
            }
            this.bucket = bucket;
            this.problems = problems;
        }

        boolean header(CsvHeader h, FileProblems fp) {
            int[] idx = h.requireAll(List.of("region", "timestamp", "metric", "value", "unit"), fp);
            region = idx[0];
            time = idx[1];
            metric = idx[2];
            value = idx[3];
            unit = idx[4];
            for (int i : idx) {
                if (i < 0) {
                    return false;
                }
            }
            return true;
        }

        void row(CsvRow r, String file) {
            Optional<Metric> m = Metric.parse(r.text(metric));
            if (m.isEmpty()) {
                skippedMetrics.add(r.text(metric));
                return;
            }
            String reg = r.text(region).toUpperCase(Locale.ROOT);
            if (reg.isEmpty()) {
                r.problem(region, "empty; a region id such as NSW1 is required");
            }
            if (!r.text(unit).equalsIgnoreCase(m.get().fileUnit)) {
                r.problem(
                        unit, "a " + m.get().key + " must be in " + m.get().fileUnit + ", was '" + r.text(unit) + "'");
            }
            double v = r.numberOrNaN(value);
            Instant label = parseLabel(r);
            if (label == null || reg.isEmpty()) {
                return;
            }
            Instant start = label.minus(AEMO_INTERVAL);
            byRegion.computeIfAbsent(reg, k -> new LinkedHashMap<>())
                    .computeIfAbsent(m.get(), k -> new IntervalCollector(1))
                    .add(start, start.plus(bucket), new double[] {v}, file, r.line());
        }

        private @Nullable Instant parseLabel(CsvRow r) {
            String s = r.text(time);
            OffsetDateTime t;
            try {
                t = OffsetDateTime.parse(s.length() > 10 && s.charAt(10) == ' ' ? s.replaceFirst(" ", "T") : s);
            } catch (DateTimeParseException e) {
                r.problem(time, "not an ISO-8601 timestamp with offset (e.g. 2025-01-01 00:00:00+10:00): '" + s + "'");
                return null;
            }
            long minutesOfDay = t.getHour() * 60L + t.getMinute();
            if (t.getSecond() != 0 || t.getNano() != 0 || minutesOfDay % bucket.toMinutes() != 0) {
                r.problem(time, "'" + s + "' is not the start of a " + bucket.toMinutes() + "-minute bucket");
                return null;
            }
            return t.toInstant();
        }

        OpenElectricityData build(String source) {
            if (byRegion.isEmpty() && problems.isEmpty()) {
                problems.add(
                        source,
                        "no price or demand rows"
                                + (skippedMetrics.isEmpty()
                                        ? ""
                                        : "; metrics found: " + String.join(", ", skippedMetrics)));
            }
            Map<String, Map<Metric, IntervalSeries>> out = new LinkedHashMap<>();
            byRegion.forEach((reg, metrics) ->
                    metrics.forEach((m, c) -> out.computeIfAbsent(reg, k -> new LinkedHashMap<>())
                            .put(
                                    m,
                                    c.build(problems, "timestamp", List.of(reg + " " + m.key), List.of(m.unit))
                                            .get(0))));
            problems.throwIfAny("OpenElectricity data " + source);
            return new OpenElectricityData(source, bucket, out);
        }
    }
}
