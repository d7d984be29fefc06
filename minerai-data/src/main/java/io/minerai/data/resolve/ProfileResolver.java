package io.minerai.data.resolve;

import io.minerai.core.site.ProfileSource;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.csv.ProblemCollector;
import io.minerai.data.ercot.CentralTime;
import io.minerai.data.ercot.ErcotFuelMixReader;
import io.minerai.data.ercot.FuelMix;
import io.minerai.data.series.TimestampedCsvReader;
import io.minerai.data.series.YearMapping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves a generator's {@link ProfileSource} to a capacity-factor series (0..1) on a run's grid.
 *
 * <ul>
 *   <li>{@code ErcotFuelShape}: the fuel's ERCOT-wide output from the bundled 15-minute fuel mix, divided by its
 *       <b>centred</b> rolling 30-day maximum (the window {@code [t - 15 d, t + 15 d)}, cut at the ends of the data,
 *       missing values left out), clamped to 0..1 and multiplied by {@code peakCapacityFactor}. Centred rather than
 *       trailing: the normalisation follows fleet growth without a 15-day lag and treats both ends of a year alike;
 *       the shape describes a typical plant, it is not a forecast, so using later days is harmless. {@code year} 0
 *       takes the grid's own dates (missing outside 2023..2024); another year is mapped onto the grid by UTC day and
 *       time of day ({@link YearMapping}, Feb 29 handled there).
 *   <li>{@code Csv}: a timestamped CSV ({@link TimestampedCsvReader}), values must be within 0..1 (else an error with
 *       the line), resampled to the grid.
 *   <li>{@code Constant}: the same factor everywhere.
 * </ul>
 */
public final class ProfileResolver {
    /** Half of the 30-day normalisation window, in 15-minute intervals. */
    static final int HALF_WINDOW = 15 * 96;

    private static final Map<String, TimeSeries> SHAPES = new ConcurrentHashMap<>();

    private ProfileResolver() {}

    /** Resolves or throws a ValidationException with every problem (paths start at {@code profile}). */
    public static TimeSeries resolve(ProfileSource source, TimeGrid grid, Path baseDir) {
        ProblemCollector problems = new ProblemCollector();
        Optional<TimeSeries> s = resolve(source, grid, baseDir, "profile", problems);
        problems.throwIfAny("profile");
        return s.orElseThrow();
    }

    /**
     * Resolves into {@code problems}; empty when a problem was found.
     *
     * @param path where the profile sits in the scenario, e.g. {@code site.generators[0].profile}
     */
    public static Optional<TimeSeries> resolve(
            ProfileSource source, TimeGrid grid, Path baseDir, String path, ProblemCollector problems) {
        return switch (source) {
            case ProfileSource.Constant c -> constant(c, grid, path, problems);
            case ProfileSource.Csv c -> csv(c, grid, baseDir, path, problems);
            case ProfileSource.ErcotFuelShape f -> fuelShape(f, grid, path, problems);
        };
    }

    private static Optional<TimeSeries> constant(
            ProfileSource.Constant c, TimeGrid grid, String path, ProblemCollector problems) {
        if (!(c.capacityFactor() >= 0 && c.capacityFactor() <= 1)) {
            problems.add(path + ".capacityFactor", "must be within 0..1, was " + c.capacityFactor());
            return Optional.empty();
        }
        return Optional.of(TimeSeries.constant("capacity factor", "1", grid, c.capacityFactor()));
    }

    private static Optional<TimeSeries> csv(
            ProfileSource.Csv c, TimeGrid grid, Path baseDir, String path, ProblemCollector problems) {
        Path file = baseDir.resolve(c.path());
        if (!Files.isRegularFile(file)) {
            problems.add(path + ".path", "file not found: " + file.toAbsolutePath());
            return Optional.empty();
        }
        try {
            TimeSeries s = TimestampedCsvReader.read(
                            file,
                            TimestampedCsvReader.Spec.of(c.timeColumn(), c.column())
                                    .withRange(0, 1)
                                    .withUnit("1"))
                    .series(c.column());
            if (!overlaps(s.grid(), grid)) {
                problems.add(
                        path,
                        "the run's period " + grid.startUtc() + " .. " + grid.endUtc() + " is entirely outside "
                                + file.getFileName() + " (" + s.grid().startUtc() + " .. "
                                + s.grid().endUtc() + ")");
                return Optional.empty();
            }
            return Optional.of(s.resampleTo(grid).renamed("capacity factor", "1"));
        } catch (ValidationException e) {
            problems.addAll(e);
            return Optional.empty();
        }
    }

    private static Optional<TimeSeries> fuelShape(
            ProfileSource.ErcotFuelShape f, TimeGrid grid, String path, ProblemCollector problems) {
        FuelMix mix = ErcotFuelMixReader.bundled();
        Optional<String> fuel = mix.find(f.fuel());
        int before = problems.total();
        if (fuel.isEmpty()) {
            problems.add(path + ".fuel", "unknown fuel " + f.fuel() + "; the fuel mix has " + mix.fuels());
        }
        if (!(f.peakCapacityFactor() > 0 && f.peakCapacityFactor() <= 1)) {
            problems.add(path + ".peakCapacityFactor", "must be within (0, 1], was " + f.peakCapacityFactor());
        }
        // Years of the mix in ERCOT's local time (2023 and 2024 for the bundled data); mapping uses UTC days, so
        // the first six hours of UTC 2023-01-01 are missing in the source and stay missing.
        int firstYear = mix.coverage().startUtc().atZone(CentralTime.ZONE).getYear();
        int lastYear =
                mix.coverage().endUtc().minusSeconds(1).atZone(CentralTime.ZONE).getYear();
        if (f.year() != 0 && (f.year() < firstYear || f.year() > lastYear)) {
            problems.add(
                    path + ".year",
                    "the bundled fuel mix covers " + firstYear + ".." + lastYear + " (" + mix.coverage() + "), was "
                            + f.year());
        }
        if (problems.total() > before || fuel.isEmpty()) {
            return Optional.empty();
        }
        TimeSeries shape = normalisedShape(mix, fuel.get());
        TimeSeries onGrid;
        if (f.year() == 0) {
            if (!mix.coverage().overlaps(grid)) {
                problems.add(
                        path,
                        "the run's period " + grid.startUtc() + " .. " + grid.endUtc()
                                + " is entirely outside the bundled fuel mix (" + mix.coverage()
                                + "); set year: 2023 or 2024 to map that year's shape onto the period");
                return Optional.empty();
            }
            onGrid = shape.resampleTo(grid);
        } else {
            onGrid = YearMapping.fromYear(shape, f.year(), grid);
        }
        double peak = f.peakCapacityFactor();
        TimeSeries.Builder b = TimeSeries.builder("capacity factor", "1", grid);
        for (int i = 0; i < grid.count(); i++) {
            if (!onGrid.isMissing(i)) {
                b.set(i, onGrid.value(i) * peak);
            }
        }
        return Optional.of(b.build());
    }

    /** The fuel's output over its centred rolling 30-day maximum, clamped to 0..1, on the mix's 15-minute grid. */
    public static TimeSeries normalisedShape(FuelMix mix, String fuel) {
        return SHAPES.computeIfAbsent(
                mix.source() + "|" + fuel, k -> rollingMaxNormalised(mix.energyMwh(fuel), HALF_WINDOW));
    }

    /**
     * {@code v[i] / max(v[i - half .. i + half - 1])} clamped to 0..1, missing values left out of the maximum and kept
     * missing; 0 where the maximum is not above 0. O(n) with a monotonic deque.
     */
    static TimeSeries rollingMaxNormalised(TimeSeries s, int half) {
        int n = s.size();
        double[] max = new double[n];
        ArrayDeque<Integer> dq = new ArrayDeque<>();
        int next = 0; // next index to push
        for (int i = 0; i < n; i++) {
            int hi = Math.min(n - 1, i + half - 1);
            while (next <= hi) {
                if (!s.isMissing(next)) {
                    double v = s.value(next);
                    while (!dq.isEmpty() && s.value(dq.peekLast()) <= v) {
                        dq.pollLast();
                    }
                    dq.addLast(next);
                }
                next++;
            }
            int lo = i - half;
            while (!dq.isEmpty() && dq.peekFirst() < lo) {
                dq.pollFirst();
            }
            max[i] = dq.isEmpty() ? Double.NaN : s.value(dq.peekFirst());
        }
        TimeSeries.Builder b = TimeSeries.builder(s.name() + " shape", "1", s.grid());
        for (int i = 0; i < n; i++) {
            if (s.isMissing(i) || Double.isNaN(max[i])) {
                continue;
            }
            double v = max[i] > 0 ? s.value(i) / max[i] : 0;
            b.set(i, Math.max(0, Math.min(1, v)));
        }
        return b.build();
    }

    private static boolean overlaps(TimeGrid a, TimeGrid b) {
        return a.startUtc().isBefore(b.endUtc()) && a.endUtc().isAfter(b.startUtc());
    }
}
