package io.minerai.sustainability;

import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Grid emission factors on a run's grid, with what is known about the grid behind them.
 *
 * @param grid the run's grid
 * @param kgCo2ePerMwh average emission factor of grid electricity per interval (missing where the data has none)
 * @param systemNetGenerationMw grid-wide net generation (sources minus storage charging), the proxy for system load
 *     used for high-load intervals and 4CP peaks; empty when the factors come from a user CSV
 * @param sourceShare share of each source fuel in the grid's gross generation per interval (sums to 1); empty when
 *     unknown
 * @param basis combustion-only or lifecycle
 * @param description what the factors are, e.g. "ERCOT fuel mix 2023-2024, factor set epa-eia-combustion"
 * @param citation sources of the factors
 * @param systemPeaksUtc starts of the 15-minute intervals of highest system net generation in each June..September
 *     month (ERCOT time) within the run, from the fuel mix's own grid (the 4CP proxy); empty when unknown
 */
public record GridFactors(
        TimeGrid grid,
        TimeSeries kgCo2ePerMwh,
        Optional<TimeSeries> systemNetGenerationMw,
        Map<Fuel, TimeSeries> sourceShare,
        EmissionBasis basis,
        String description,
        String citation,
        java.util.List<java.time.Instant> systemPeaksUtc) {

    public GridFactors {
        EnumMap<Fuel, TimeSeries> m = new EnumMap<>(Fuel.class);
        m.putAll(sourceShare);
        sourceShare = java.util.Collections.unmodifiableMap(m);
        systemPeaksUtc = java.util.List.copyOf(systemPeaksUtc);
        require(grid, kgCo2ePerMwh);
        systemNetGenerationMw.ifPresent(s -> require(grid, s));
        for (TimeSeries s : m.values()) {
            require(grid, s);
        }
    }

    /**
     * Factors given directly (e.g. read from a user CSV): no fuel shares, no system load.
     *
     * @param series kg CO2e/MWh on the run's grid
     * @param basis what the factors count, as the user states
     * @param description where they come from
     */
    public static GridFactors given(TimeSeries series, EmissionBasis basis, String description) {
        return new GridFactors(
                series.grid(),
                series,
                Optional.empty(),
                Map.of(),
                basis,
                description,
                "user-supplied: " + description,
                java.util.List.of());
    }

    /** The share series of one source fuel, if the grid mix is known. */
    public Optional<TimeSeries> share(Fuel f) {
        return Optional.ofNullable(sourceShare.get(f));
    }

    private static void require(TimeGrid grid, TimeSeries s) {
        if (!s.grid().equals(grid)) {
            throw new IllegalArgumentException(s.name() + " is on " + s.grid() + ", expected " + grid);
        }
    }
}
