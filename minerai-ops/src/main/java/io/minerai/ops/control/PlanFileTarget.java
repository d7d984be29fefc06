package io.minerai.ops.control;

import io.minerai.data.csv.CsvFile;
import io.minerai.data.csv.CsvRow;
import io.minerai.data.csv.FileProblems;
import io.minerai.data.csv.ProblemCollector;
import io.minerai.ops.device.DeviceSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * Follows a dispatch plan written by {@code minerai optimize} or {@code minerai backtest} ({@code intervals.csv}): in
 * each interval of the plan, the fleet runs the plan's <em>share</em> of its controllable load, that is the plan's
 * mining plus AI-cloud MW divided by the most it ever runs of them. The share makes a plan for the modelled site usable
 * on the fleet in the inventory whatever their sizes: target = asleep power of every device + share x (rated -
 * asleep). Outside the plan's period, and in intervals the plan skipped for missing data, it falls back to {@code
 * fallback} (merit order on the live price). Signals and the site cap still apply on top, as for any target.
 */
public final class PlanFileTarget implements TargetSource {
    static final String TIME = "interval_start_utc";
    static final String DISPATCHED = "dispatched";
    static final String MINING = "load_class_mining_mw";
    static final String AI = "load_class_ai_cloud_mw";

    private final Instant start;
    private final Duration step;
    private final double[] share;
    private final boolean[] dispatched;
    private final TargetSource fallback;

    PlanFileTarget(Instant start, Duration step, double[] share, boolean[] dispatched, TargetSource fallback) {
        this.start = start;
        this.step = step;
        this.share = share.clone();
        this.dispatched = dispatched.clone();
        this.fallback = fallback;
    }

    /**
     * Reads a plan; every problem of the file is reported at once with its {@code file:line:column}.
     *
     * @throws io.minerai.core.validation.ValidationException when the file is missing, malformed, irregular or empty
     */
    public static PlanFileTarget read(Path file, TargetSource fallback) {
        ProblemCollector collector = new ProblemCollector();
        String name = String.valueOf(file.getFileName());
        FileProblems problems = collector.forFile(name);
        List<Instant> times = new ArrayList<>();
        List<Double> loads = new ArrayList<>();
        List<Boolean> flags = new ArrayList<>();
        int[] cols = new int[4];
        CsvFile.read(
                file,
                problems,
                header -> {
                    int[] c = header.requireAll(List.of(TIME, DISPATCHED, MINING, AI), problems);
                    System.arraycopy(c, 0, cols, 0, 4);
                    return c[0] >= 0 && c[1] >= 0 && c[2] >= 0 && c[3] >= 0;
                },
                row -> {
                    Instant t = instant(row, cols[0]);
                    String d = row.text(cols[1]).trim().toLowerCase(Locale.ROOT);
                    if (!d.equals("true") && !d.equals("false")) {
                        row.problem(cols[1], "must be true or false, was '" + row.text(cols[1]) + "'");
                    }
                    double mining = row.requiredNumber(cols[2]);
                    double ai = row.requiredNumber(cols[3]);
                    if (mining < 0 || ai < 0) {
                        row.lineProblem("load must be >= 0 MW");
                    }
                    if (t != null) {
                        if (!times.isEmpty() && !t.isAfter(times.get(times.size() - 1))) {
                            row.problem(cols[0], "not after the previous interval " + times.get(times.size() - 1));
                        }
                        times.add(t);
                        loads.add(mining + ai);
                        flags.add(d.equals("true"));
                    }
                });
        if (collector.isEmpty() && times.size() < 2) {
            problems.atFile("a plan needs at least two intervals, found " + times.size());
        }
        Duration step = times.size() >= 2 ? Duration.between(times.get(0), times.get(1)) : Duration.ZERO;
        for (int i = 2; collector.isEmpty() && i < times.size(); i++) {
            if (!Duration.between(times.get(i - 1), times.get(i)).equals(step)) {
                problems.atFile("intervals must be evenly spaced: " + times.get(i - 1) + " to " + times.get(i)
                        + " is not " + step);
            }
        }
        collector.throwIfAny("plan " + name);
        double max = 0;
        for (int i = 0; i < loads.size(); i++) {
            if (flags.get(i) && Double.isFinite(loads.get(i))) {
                max = Math.max(max, loads.get(i));
            }
        }
        double[] share = new double[loads.size()];
        boolean[] dispatched = new boolean[loads.size()];
        for (int i = 0; i < share.length; i++) {
            dispatched[i] = flags.get(i) && Double.isFinite(loads.get(i));
            share[i] = max > 0 && dispatched[i] ? Math.min(1, loads.get(i) / max) : 0;
        }
        return new PlanFileTarget(times.get(0), step, share, dispatched, fallback);
    }

    private static @Nullable Instant instant(CsvRow row, int col) {
        try {
            return Instant.parse(row.text(col).trim());
        } catch (DateTimeParseException e) {
            row.problem(col, "not an ISO-8601 UTC time like 2024-08-19T21:00:00Z: '" + row.text(col) + "'");
            return null;
        }
    }

    /** The same plan with another fallback. */
    public PlanFileTarget withFallback(TargetSource other) {
        return new PlanFileTarget(start, step, share, dispatched, other);
    }

    /** For messages: the plan's period and step. */
    public String describe() {
        return "plan " + start + " .. " + start.plus(step.multipliedBy(share.length)) + ", " + share.length
                + " intervals of " + step.toMinutes() + " min";
    }

    /** The plan's share of controllable load in the interval containing {@code t}, empty outside or where skipped. */
    public OptionalDouble shareAt(Instant t) {
        if (t.isBefore(start)) {
            return OptionalDouble.empty();
        }
        long i = Duration.between(start, t).toMillis() / step.toMillis();
        if (i >= share.length || !dispatched[(int) i]) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(share[(int) i]);
    }

    @Override
    public double targetLoadMw(Instant nowUtc, OptionalDouble priceUsdPerMwh, List<DeviceSpec> devices) {
        OptionalDouble s = shareAt(nowUtc);
        if (s.isEmpty()) {
            return fallback.targetLoadMw(nowUtc, priceUsdPerMwh, devices);
        }
        double asleep = 0;
        double rated = 0;
        for (DeviceSpec d : devices) {
            asleep += d.curtailedPowerW();
            rated += d.ratedPowerW();
        }
        return (asleep + s.getAsDouble() * (rated - asleep)) / 1e6;
    }
}
