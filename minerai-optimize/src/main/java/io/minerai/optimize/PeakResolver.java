package io.minerai.optimize;

import io.minerai.core.scenario.CoincidentPeakProgram;
import io.minerai.core.scenario.MarketPrograms;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.ercot.ErcotFuelMixReader;
import io.minerai.data.ercot.FuelMix;
import io.minerai.data.series.TimestampedCsvReader;
import io.minerai.dispatch.program.CoincidentPeakDefinition;
import io.minerai.dispatch.program.CoincidentPeaks;
import io.minerai.dispatch.program.PeakFinder;
import java.nio.file.Path;
import java.time.ZoneOffset;

/**
 * Resolves a scenario's 4CP program to its peaks on the run's grid: reads the system load and hands it to {@link
 * PeakFinder} with the {@link CoincidentPeakDefinition#ERCOT_4CP} definition. (This file reading moves to minerai-data
 * once it resolves the market's system load into {@code ScenarioInputs.market().systemLoadMw()}; the peak finding is
 * already pure computation in minerai-dispatch.) The bundled source approximates ERCOT
 * system load by total generation in the bundled 15-minute fuel mix (every fuel, storage charging subtracted; DC-tie
 * imports, distributed generation and losses are left out), so its monthly peaks approximate, and may differ from, the
 * official 4CP intervals that ERCOT publishes. A user CSV of system load can replace it.
 */
public final class PeakResolver {
    private PeakResolver() {}

    /** Peaks (and the alert mask of an alert rule) for the programs, or none when there is no 4CP program. */
    public static CoincidentPeaks resolve(MarketPrograms programs, TimeGrid runGrid, Path baseDir) {
        if (programs.coincidentPeak().isEmpty()) {
            return CoincidentPeaks.none(runGrid);
        }
        CoincidentPeakProgram cp = programs.coincidentPeak().get();
        double within = cp.rule() instanceof CoincidentPeakProgram.PeakRule.Alert a ? a.withinFraction() : Double.NaN;
        TimeSeries load = switch (cp.peaks()) {
            case CoincidentPeakProgram.PeakSource.ErcotFuelMix e -> fuelMixLoad(e.year(), runGrid);
            case CoincidentPeakProgram.PeakSource.Csv c -> {
                Path p = baseDir.resolve(c.path());
                yield TimestampedCsvReader.read(
                                p,
                                TimestampedCsvReader.Spec.of(c.timeColumn(), c.loadColumn())
                                        .withRange(0, 1e7)
                                        .withUnit("MW"))
                        .series(c.loadColumn());
            }
        };
        return PeakFinder.find(CoincidentPeakDefinition.ERCOT_4CP, load, runGrid, within);
    }

    /**
     * System load proxy from the bundled fuel mix in MW on its 15-minute grid, shifted by whole years when the data
     * year differs from the run's year (peaks then keep their calendar date and time of day).
     */
    static TimeSeries fuelMixLoad(int year, TimeGrid runGrid) {
        FuelMix mix = ErcotFuelMixReader.bundled();
        TimeSeries mw = mix.totalGenerationMw(mix.grid());
        int runYear = runGrid.startUtc().atOffset(ZoneOffset.ofHours(-6)).getYear();
        int dataYear = year == 0 ? runYear : year;
        if (dataYear != 2023 && dataYear != 2024) {
            throw new ValidationException(
                    "scenario",
                    new Problem(
                            "markets.coincidentPeak.peakSource.year",
                            "the bundled fuel mix covers 2023 and 2024; the run is in " + runYear
                                    + ": set peakSource.year to 2023 or 2024 or give a system-load CSV"));
        }
        if (dataYear == runYear) {
            return mw;
        }
        TimeGrid g = mw.grid();
        TimeGrid shifted = new TimeGrid(
                g.startUtc()
                        .atOffset(ZoneOffset.UTC)
                        .plusYears(runYear - dataYear)
                        .toInstant(),
                g.step(),
                g.count());
        TimeSeries.Builder b = TimeSeries.builder(mw.name(), mw.unit(), shifted);
        for (int i = 0; i < g.count(); i++) {
            if (!mw.isMissing(i)) {
                b.set(i, mw.value(i));
            }
        }
        return b.build();
    }
}
