package io.minerai.data.entsoe;

import io.minerai.data.Coverage;
import io.minerai.data.csv.CsvFile;
import io.minerai.data.csv.CsvHeader;
import io.minerai.data.csv.CsvRow;
import io.minerai.data.csv.FileProblems;
import io.minerai.data.csv.ProblemCollector;
import io.minerai.data.series.IntervalCollector;
import io.minerai.data.series.IntervalSeries;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the bundled ENTSO-E day-ahead extract (NO2 2024): columns {@code timestamp_local} (ISO-8601 with offset,
 * Europe/Oslo, start of the hour), {@code interval_start_utc} (the same instant in UTC), {@code
 * price_eur_per_mwh_back} (EUR/MWh) and {@code non_cent_flag} (1 = the hour was interpolated upstream; blank when the
 * price is blank). The NOK column is not read. Each row is the hour {@code [interval_start_utc, +1 h)}; blank prices
 * stay gaps (the 3 hours of 2024-04-07 06:00..08:00 +02:00 in the bundled file).
 *
 * <p>The upstream fetcher resampled ENTSO-E's curves with linear interpolation over up to 3 hours, so some hours are
 * not published prices; the 46 it detectably produced carry {@code non_cent_flag = 1} and are listed by {@link
 * Result#interpolatedUpstream()}.
 */
public final class EntsoeDayAheadExtractReader {
    /** Attribution asked for by ENTSO-E's terms. */
    public static final String ATTRIBUTION = "Source: ENTSO-E Transparency Platform (day-ahead prices)";

    private EntsoeDayAheadExtractReader() {}

    /**
     * What was read.
     *
     * @param priceEurPerMwh the hourly prices
     * @param interpolatedUpstream the hours flagged as interpolated upstream ({@code non_cent_flag = 1})
     */
    public record Result(IntervalSeries priceEurPerMwh, List<Coverage> interpolatedUpstream) {
        public Result {
            interpolatedUpstream = List.copyOf(interpolatedUpstream);
        }
    }

    /** Reads a file. */
    public static Result read(Path path, String name) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.getFileName().toString(), name);
        } catch (NoSuchFileException e) {
            ProblemCollector p = new ProblemCollector();
            p.add(path.getFileName().toString(), "file not found: " + path.toAbsolutePath());
            p.throwIfAny("ENTSO-E day-ahead prices");
            throw new IllegalStateException("unreachable");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a stream (closed afterwards); {@code fileName} locates problems, {@code name} names the series. */
    public static Result read(InputStream in, String fileName, String name) {
        ProblemCollector problems = new ProblemCollector();
        FileProblems fp = problems.forFile(fileName);
        Parser p = new Parser(fp);
        CsvFile.read(in, fp, p::header, p::row);
        if (p.rows.size() == 0 && problems.isEmpty()) {
            fp.atFile("no data rows");
        }
        IntervalSeries s = p.rows.build(problems, "interval_start_utc", List.of(name), List.of("EUR/MWh"))
                .get(0);
        problems.throwIfAny("ENTSO-E day-ahead prices " + fileName);
        return new Result(s, p.flagged);
    }

    private static final class Parser {
        private final FileProblems fp;
        private final IntervalCollector rows = new IntervalCollector(1);
        private final List<Coverage> flagged = new ArrayList<>();
        private int local = -1;
        private int utc = -1;
        private int eur = -1;
        private int flag = -1;

        Parser(FileProblems fp) {
            this.fp = fp;
        }

        boolean header(CsvHeader h) {
            int[] idx = h.requireAll(
                    List.of("timestamp_local", "interval_start_utc", "price_eur_per_mwh_back", "non_cent_flag"), fp);
            local = idx[0];
            utc = idx[1];
            eur = idx[2];
            flag = idx[3];
            return local >= 0 && utc >= 0 && eur >= 0 && flag >= 0;
        }

        void row(CsvRow r) {
            Instant t = parseUtc(r);
            String l = r.text(local);
            try {
                Instant fromLocal =
                        OffsetDateTime.parse(l.replaceFirst(" ", "T")).toInstant();
                if (t != null && !fromLocal.equals(t)) {
                    r.problem(local, "'" + l + "' is not the instant of interval_start_utc " + t);
                }
            } catch (DateTimeParseException e) {
                r.problem(local, "not an ISO-8601 timestamp with offset: '" + l + "'");
            }
            double v = r.numberOrNaN(eur);
            String f = r.text(flag);
            boolean interpolated = false;
            if (Double.isNaN(v)) {
                if (!f.isEmpty()) {
                    r.problem(flag, "must be blank when the price is blank, was '" + f + "'");
                }
            } else if (f.equals("1")) {
                interpolated = true;
            } else if (!f.equals("0")) {
                r.problem(flag, "must be 0 or 1, was '" + f + "'");
            }
            if (t == null) {
                return;
            }
            Instant end = t.plus(Duration.ofHours(1));
            rows.add(t, end, new double[] {v}, fp.fileName(), r.line());
            if (interpolated) {
                flagged.add(new Coverage(t, end));
            }
        }

        private @Nullable Instant parseUtc(CsvRow r) {
            String s = r.text(utc);
            try {
                Instant t = Instant.parse(s);
                if (t.getEpochSecond() % 3600 != 0 || !IntervalCollector.wholeSeconds(t)) {
                    r.problem(utc, "'" + s + "' is not the start of an hour");
                    return null;
                }
                return t;
            } catch (DateTimeParseException e) {
                r.problem(utc, "not an ISO-8601 UTC instant (e.g. 2024-01-01T00:00:00Z): '" + s + "'");
                return null;
            }
        }
    }
}
