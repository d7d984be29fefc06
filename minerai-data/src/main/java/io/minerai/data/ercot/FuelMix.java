package io.minerai.data.ercot;

import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.data.Coverage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ERCOT-wide generation by fuel per 15-minute interval (ERCOT's "Interval Generation by Fuel" report), on a 15-minute
 * UTC grid. Values are energy in MWh during the interval; average MW is MWh x 4.
 *
 * <p>Fuels of the bundled data: Biomass, Coal, Gas, Gas-CC, Hydro, Nuclear, Other, Solar, WSL, Wind. {@code WSL} is
 * wholesale storage load (battery charging) and is negative. {@link #totalGenerationMwh()} sums every fuel, WSL
 * included: it is net generation and only a <em>proxy</em> for ERCOT system load (it leaves out imports over the DC
 * ties, distributed generation and losses), good for shapes and peaks such as 4CP candidate intervals, not for
 * settlement. Immutable and thread-safe.
 */
public final class FuelMix {
    private final String source;
    private final Map<String, TimeSeries> energyMwhByFuel;
    private final TimeGrid grid;
    private final TimeSeries total;

    FuelMix(String source, Map<String, TimeSeries> energyMwhByFuel) {
        if (energyMwhByFuel.isEmpty()) {
            throw new IllegalArgumentException("no fuels");
        }
        this.source = source;
        this.energyMwhByFuel = new LinkedHashMap<>(energyMwhByFuel);
        this.grid = energyMwhByFuel.values().iterator().next().grid();
        TimeSeries.Builder b = TimeSeries.builder("total generation", "MWh", grid);
        for (int i = 0; i < grid.count(); i++) {
            double s = 0;
            boolean ok = true;
            for (TimeSeries f : energyMwhByFuel.values()) {
                if (f.isMissing(i)) {
                    ok = false;
                    break;
                }
                s += f.value(i);
            }
            if (ok) {
                b.set(i, s);
            }
        }
        this.total = b.build();
    }

    public String source() {
        return source;
    }

    /** Fuels in file order. */
    public List<String> fuels() {
        return List.copyOf(energyMwhByFuel.keySet());
    }

    /** The fuel's name as in the data, matched ignoring case. */
    public Optional<String> find(String fuel) {
        for (String f : energyMwhByFuel.keySet()) {
            if (f.equalsIgnoreCase(fuel.strip())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** UTC span: start of the first interval to the end of the last. */
    public Coverage coverage() {
        return new Coverage(grid.startUtc(), grid.endUtc());
    }

    /** The data's own 15-minute grid. */
    public TimeGrid grid() {
        return grid;
    }

    /** Energy of one fuel per 15-minute interval, MWh. */
    public TimeSeries energyMwh(String fuel) {
        String f = find(fuel)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown fuel " + fuel + "; known: " + String.join(", ", fuels())));
        TimeSeries s = energyMwhByFuel.get(f);
        if (s == null) {
            throw new IllegalStateException(f);
        }
        return s;
    }

    /** Average power of one fuel per 15-minute interval, MW (MWh x 4). */
    public TimeSeries averageMw(String fuel) {
        return toMw(energyMwh(fuel), energyMwh(fuel).name());
    }

    /** Average power of one fuel on the caller's grid (time-weighted; missing where any part is missing). */
    public TimeSeries averageMw(String fuel, TimeGrid target) {
        return averageMw(fuel).resampleTo(target);
    }

    /** Energy of one fuel per interval of the caller's grid, MWh (average MW x the grid's step hours). */
    public TimeSeries energyMwh(String fuel, TimeGrid target) {
        return scaled(averageMw(fuel, target), target.stepHours(), "MWh");
    }

    /** Sum of every fuel (WSL negative) per 15-minute interval, MWh; a proxy for system load, see class doc. */
    public TimeSeries totalGenerationMwh() {
        return total;
    }

    /** Total generation as average MW on the caller's grid. */
    public TimeSeries totalGenerationMw(TimeGrid target) {
        return toMw(total, total.name()).resampleTo(target);
    }

    private TimeSeries toMw(TimeSeries mwh, String name) {
        return scaled(mwh, 1.0 / grid.stepHours(), "MW").renamed(name, "MW");
    }

    private static TimeSeries scaled(TimeSeries s, double factor, String unit) {
        TimeSeries.Builder b = TimeSeries.builder(s.name(), unit, s.grid());
        for (int i = 0; i < s.size(); i++) {
            if (!s.isMissing(i)) {
                b.set(i, s.value(i) * factor);
            }
        }
        return b.build();
    }
}
