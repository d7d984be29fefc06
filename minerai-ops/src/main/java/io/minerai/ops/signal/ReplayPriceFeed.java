package io.minerai.ops.signal;

import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.core.validation.Problems;
import io.minerai.ops.proto.Lenient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A price signal that replays a series in time: at {@code now} the value is the latest price whose interval started
 * at or before {@code now}, stamped with that interval's start. A gap in the data therefore ages the signal until it
 * goes stale, exactly like a feed that stopped. From a {@link TimeSeries} (e.g. the bundled ERCOT prices) or a CSV of
 * {@code time,priceUsdPerMwh} rows.
 */
public final class ReplayPriceFeed implements SignalSource {
    private final String name;
    private final Duration staleAfter;
    private final long[] startEpochMs;
    private final double[] priceUsdPerMwh;

    private ReplayPriceFeed(String name, Duration staleAfter, long[] startEpochMs, double[] price) {
        this.name = name;
        this.staleAfter = staleAfter;
        this.startEpochMs = startEpochMs;
        this.priceUsdPerMwh = price;
    }

    /** Replays the present values of a series; missing intervals are skipped (the previous value ages). */
    public static ReplayPriceFeed of(String name, TimeSeries series, Duration staleAfter) {
        TimeGrid g = series.grid();
        long[] t = new long[series.presentCount()];
        double[] v = new double[t.length];
        int k = 0;
        for (int i = 0; i < series.size(); i++) {
            if (!series.isMissing(i)) {
                t[k] = g.start(i).toEpochMilli();
                v[k] = series.value(i);
                k++;
            }
        }
        return new ReplayPriceFeed(name, staleAfter, t, v);
    }

    /**
     * Reads {@code time,priceUsdPerMwh} rows (ISO-8601 with offset; a header line is allowed); every bad row is
     * reported with its line.
     */
    public static ReplayPriceFeed readCsv(Path file, Duration staleAfter) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read price file " + file, e);
        }
        return parseCsv(file.getFileName().toString(), lines, staleAfter);
    }

    /** Parses CSV lines as {@link #readCsv}. */
    public static ReplayPriceFeed parseCsv(String source, List<String> lines, Duration staleAfter) {
        Problems problems = new Problems();
        List<long[]> rows = new ArrayList<>();
        List<Double> prices = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || (i == 0 && !Character.isDigit(line.charAt(0)))) {
                continue;
            }
            String[] c = line.split(",");
            String where = source + ":" + (i + 1);
            if (c.length < 2) {
                problems.add(where, "expected time,priceUsdPerMwh, was '" + line + "'");
                continue;
            }
            Instant t;
            try {
                t = OffsetDateTime.parse(c[0].strip()).toInstant();
            } catch (DateTimeParseException e) {
                problems.add(
                        where + ":time",
                        "must be ISO-8601 with offset like 2024-08-20T19:00:00-05:00, was '" + c[0].strip() + "'");
                continue;
            }
            double p = Lenient.number(c[1]);
            if (Double.isNaN(p)) {
                problems.add(where + ":priceUsdPerMwh", "must be a number, was '" + c[1].strip() + "'");
                continue;
            }
            if (!rows.isEmpty() && t.toEpochMilli() <= rows.get(rows.size() - 1)[0]) {
                problems.add(where + ":time", "must be after the previous row's time");
                continue;
            }
            rows.add(new long[] {t.toEpochMilli()});
            prices.add(p);
        }
        problems.throwIfAny("price file " + source);
        long[] ts = new long[rows.size()];
        double[] ps = new double[rows.size()];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = rows.get(i)[0];
            ps[i] = prices.get(i);
        }
        return new ReplayPriceFeed("price:" + source, staleAfter, ts, ps);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SignalKind kind() {
        return SignalKind.PRICE_USD_PER_MWH;
    }

    @Override
    public Duration staleAfter() {
        return staleAfter;
    }

    @Override
    public Optional<SignalValue> latest(Instant nowUtc) {
        int i = Arrays.binarySearch(startEpochMs, nowUtc.toEpochMilli());
        if (i < 0) {
            i = -i - 2; // the last start before now
        }
        if (i < 0) {
            return Optional.empty();
        }
        return Optional.of(new SignalValue(priceUsdPerMwh[i], Instant.ofEpochMilli(startEpochMs[i])));
    }

    /** First and last interval starts of the data. */
    public Instant firstUtc() {
        return Instant.ofEpochMilli(startEpochMs[0]);
    }

    public Instant lastUtc() {
        return Instant.ofEpochMilli(startEpochMs[startEpochMs.length - 1]);
    }

    /** Number of prices. */
    public int size() {
        return startEpochMs.length;
    }
}
