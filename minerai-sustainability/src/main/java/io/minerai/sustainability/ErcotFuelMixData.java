package io.minerai.sustainability;

import io.minerai.core.time.TimeSeries;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.ercot.ErcotFuelMixReader;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Adapts minerai-data's ERCOT fuel mix (fuel names as in ERCOT's report) to the {@link FuelMix} of this module. */
public final class ErcotFuelMixData {
    private ErcotFuelMixData() {}

    /** The bundled 2023 and 2024 fuel mix, read once by minerai-data and converted on each call. */
    public static FuelMix bundled() {
        return of(ErcotFuelMixReader.bundled());
    }

    /**
     * Converts the data's fuel mix: every column must be one of ERCOT's fuel categories ({@link Fuel}).
     *
     * @param data as read by {@link ErcotFuelMixReader}
     */
    public static FuelMix of(io.minerai.data.ercot.FuelMix data) {
        Map<Fuel, TimeSeries> m = new EnumMap<>(Fuel.class);
        for (String name : data.fuels()) {
            Optional<Fuel> f = Fuel.ofErcotName(name);
            if (f.isEmpty()) {
                throw new ValidationException(
                        "ERCOT fuel mix",
                        new Problem(
                                data.source(),
                                "unknown fuel column '" + name + "'; known: Biomass, Coal, Gas, Gas-CC, Hydro,"
                                        + " Nuclear, Other, Solar, WSL, Wind"));
            }
            m.put(f.get(), data.averageMw(name));
        }
        return new FuelMix(data.grid(), m);
    }
}
