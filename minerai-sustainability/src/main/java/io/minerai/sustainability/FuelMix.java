package io.minerai.sustainability;

import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import java.util.EnumMap;
import java.util.Map;

/**
 * Grid generation by fuel on a time grid, as average power per interval (MW; energy = MW x step hours). Storage
 * charging ({@link Fuel#STORAGE_CHARGING}) is negative. A fuel absent from the map counts as zero.
 *
 * @param grid the grid of the data (15 minutes for ERCOT's report)
 * @param powerMw average power per fuel and interval; missing values stay missing
 */
public record FuelMix(TimeGrid grid, Map<Fuel, TimeSeries> powerMw) {

    public FuelMix {
        EnumMap<Fuel, TimeSeries> m = new EnumMap<>(Fuel.class);
        m.putAll(powerMw);
        for (Map.Entry<Fuel, TimeSeries> e : m.entrySet()) {
            if (!e.getValue().grid().equals(grid)) {
                throw new IllegalArgumentException(
                        e.getKey().ercotName() + " is on " + e.getValue().grid() + ", expected " + grid);
            }
        }
        powerMw = java.util.Collections.unmodifiableMap(m);
    }

    /**
     * A mix from energy per interval, as ERCOT reports it (MWh in each interval).
     *
     * @param grid the data's grid
     * @param energyMwh per fuel, one value per interval (NaN = missing)
     */
    public static FuelMix ofEnergyMwh(TimeGrid grid, Map<Fuel, double[]> energyMwh) {
        double h = grid.stepHours();
        EnumMap<Fuel, TimeSeries> m = new EnumMap<>(Fuel.class);
        energyMwh.forEach((fuel, values) -> {
            if (values.length != grid.count()) {
                throw new IllegalArgumentException(
                        fuel.ercotName() + ": " + values.length + " values for " + grid.count() + " intervals");
            }
            TimeSeries.Builder b = TimeSeries.builder(fuel.ercotName(), "MW", grid);
            for (int i = 0; i < values.length; i++) {
                if (Double.isFinite(values[i])) {
                    b.set(i, values[i] / h);
                }
            }
            m.put(fuel, b.build());
        });
        return new FuelMix(grid, m);
    }

    /**
     * The same data moved in time by {@code shift} (a whole number of steps), e.g. to map one year's mix onto another
     * year's run by day of year.
     */
    public FuelMix shifted(java.time.Duration shift) {
        if (shift.isZero()) {
            return this;
        }
        if (shift.toSeconds() % grid.stepSeconds() != 0) {
            throw new IllegalArgumentException(
                    "shift " + shift + " is not a whole number of " + grid.step() + " steps");
        }
        TimeGrid g = new TimeGrid(grid.startUtc().plus(shift), grid.step(), grid.count());
        EnumMap<Fuel, TimeSeries> m = new EnumMap<>(Fuel.class);
        powerMw.forEach((f, s) -> {
            TimeSeries.Builder b = TimeSeries.builder(s.name(), s.unit(), g);
            for (int i = 0; i < s.size(); i++) {
                if (!s.isMissing(i)) {
                    b.set(i, s.value(i));
                }
            }
            m.put(f, b.build());
        });
        return new FuelMix(g, m);
    }

    /**
     * The shift that maps {@code fromYear}'s data onto a run starting at {@code runStartUtc}, by calendar position in
     * UTC: the run's first instant is matched with the same month, day and time in {@code fromYear} (29 February falls
     * back to the 28th). The whole mix moves by that one shift, so a run longer than the data's year runs past it.
     */
    public static java.time.Duration shiftMapping(int fromYear, java.time.Instant runStartUtc) {
        java.time.ZonedDateTime run = runStartUtc.atZone(java.time.ZoneOffset.UTC);
        java.time.ZonedDateTime src = run.withYear(fromYear);
        return java.time.Duration.between(src, run);
    }

    /** Power of one fuel in interval {@code i}: 0 when the fuel is absent, NaN when missing. */
    public double powerMw(Fuel f, int i) {
        TimeSeries s = powerMw.get(f);
        if (s == null) {
            return 0;
        }
        return s.isMissing(i) ? Double.NaN : s.value(i);
    }
}
