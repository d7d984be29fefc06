package io.minerai.data.resolve;

import io.minerai.core.ai.PueCurve;
import io.minerai.core.site.AmbientTemperatureSource;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.csv.ProblemCollector;
import io.minerai.data.series.TimestampedCsvReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Turns the site's {@link AmbientTemperatureSource} into a temperature series (degrees Celsius) on the run's grid. A
 * CSV goes through {@link TimestampedCsvReader} like every generic user file: its problems are {@code file:line:column}
 * (a bad timestamp, a non-number, a temperature outside -90..60 C, a duplicate or out-of-order row, an irregular step, a
 * local time that does not exist or a bare local time without a zone); rows absent from the file are gaps, kept
 * missing (a run skips those intervals when a load's PUE follows the temperature). Hourly data repeats onto 5- and
 * 15-minute grids and averages onto coarser ones.
 */
public final class AmbientTemperatureResolver {
    private static final String PATH = "site.ambientTemperature";

    private AmbientTemperatureResolver() {}

    /** The temperature on {@code grid}, or empty with the problems added. */
    public static Optional<TimeSeries> resolve(
            AmbientTemperatureSource source, TimeGrid grid, Path baseDir, ProblemCollector problems) {
        return switch (source) {
            case AmbientTemperatureSource.Csv c -> csv(c, grid, baseDir, problems);
        };
    }

    private static Optional<TimeSeries> csv(
            AmbientTemperatureSource.Csv c, TimeGrid grid, Path baseDir, ProblemCollector problems) {
        TimestampedCsvReader.Spec spec = TimestampedCsvReader.Spec.of(c.timeColumn(), c.valueColumn())
                .withRange(PueCurve.MIN_TEMPERATURE_C, PueCurve.MAX_TEMPERATURE_C)
                .withUnit("°C");
        if (c.zone().isPresent()) {
            try {
                spec = spec.withZone(ZoneId.of(c.zone().get()));
            } catch (DateTimeException e) {
                problems.add(
                        PATH + ".zone",
                        "unknown zone '" + c.zone().get() + "'; use a region id such as America/Chicago, UTC or an"
                                + " offset such as -06:00");
                return Optional.empty();
            }
        }
        Path file = baseDir.resolve(c.path());
        if (!Files.isRegularFile(file)) {
            problems.add(PATH + ".path", "file not found: " + file.toAbsolutePath());
            return Optional.empty();
        }
        try {
            TimeSeries s = TimestampedCsvReader.read(file, spec).series(c.valueColumn());
            if (!s.grid().startUtc().isBefore(grid.endUtc())
                    || !grid.startUtc().isBefore(s.grid().endUtc())) {
                problems.add(
                        PATH,
                        "the run's period " + grid.startUtc() + " .. " + grid.endUtc() + " is entirely outside "
                                + file.getFileName() + " (" + s.grid().startUtc() + " .. "
                                + s.grid().endUtc() + ")");
                return Optional.empty();
            }
            return Optional.of(s.resampleTo(grid).renamed("ambient temperature", "°C"));
        } catch (ValidationException e) {
            problems.addAll(e);
            return Optional.empty();
        }
    }
}
