package io.minerai.sustainability;

import io.minerai.core.scenario.SustainabilitySettings.GridFactorSource;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.series.TimestampedCsvReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/** Turns the scenario's {@code sustainability.gridFactors} into grid factors on a run's grid. */
public final class GridFactorSources {
    /** Largest factor accepted from a CSV, kg CO2e/MWh (lignite plants emit about 1,100 at the stack). */
    public static final double MAX_CSV_FACTOR = 3000;

    private GridFactorSources() {}

    /**
     * @param source the scenario's choice
     * @param runGrid the run's grid
     * @param baseDir folder that relative CSV paths resolve against (the scenario file's folder)
     */
    public static GridFactors resolve(GridFactorSource source, TimeGrid runGrid, Path baseDir) {
        return resolve(source, runGrid, baseDir, ErcotFuelMixData::bundled);
    }

    /** As {@link #resolve(GridFactorSource, TimeGrid, Path)} with the fuel mix supplied (tests). */
    public static GridFactors resolve(
            GridFactorSource source, TimeGrid runGrid, Path baseDir, Supplier<FuelMix> bundledMix) {
        return switch (source) {
            case GridFactorSource.ErcotFuelMix e -> {
                FuelFactorSet set = FuelFactorSet.byId(e.factorSet())
                        .orElseThrow(() -> new ValidationException(
                                "sustainability",
                                new Problem(
                                        "sustainability.gridFactors.factorSet",
                                        "unknown factor set '" + e.factorSet() + "'; known: "
                                                + String.join(
                                                        ", ",
                                                        FuelFactorSet.BUILT_IN.stream()
                                                                .map(FuelFactorSet::id)
                                                                .toList()))));
                FuelMix mix = bundledMix.get();
                String description = "ERCOT fuel mix 2023-2024";
                if (e.year() != 0) {
                    Duration shift = FuelMix.shiftMapping(e.year(), runGrid.startUtc());
                    mix = mix.shifted(shift);
                    description = "ERCOT fuel mix " + e.year()
                            + (shift.isZero() ? "" : ", mapped onto the run by day of year");
                }
                yield GridIntensity.of(mix, set, runGrid, description);
            }
            case GridFactorSource.Csv c -> {
                Path p = baseDir.resolve(c.path());
                TimeSeries s = TimestampedCsvReader.read(
                                p,
                                TimestampedCsvReader.Spec.of(c.timeColumn(), c.valueColumn())
                                        .withRange(0, MAX_CSV_FACTOR)
                                        .withUnit("kg CO2e/MWh"))
                        .series(c.valueColumn())
                        .resampleTo(runGrid);
                yield GridFactors.given(s, EmissionBasis.AS_SUPPLIED, "grid factors from " + p.getFileName());
            }
        };
    }
}
