package io.minerai.sustainability;

import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Average emission factor of grid electricity from the fuel mix, interval by interval:
 *
 * <pre>
 *   factor(t) = sum over source fuels f of  E_f(t) x EF_f   /   ( sum over source fuels of E_f(t) + E_WSL(t) )
 * </pre>
 *
 * where E is energy generated in the interval, EF the per-fuel factor and E_WSL the (negative) energy drawn by storage
 * charging. Storage charging is taken out of the denominator: that energy reached no end user in the interval, so the
 * emissions of generating it are carried by the interval's consumers, and when it comes back as ERCOT's "Other"
 * (mostly storage discharge) it carries the factor of "Other" (0 in the default set), so each tonne is counted once.
 * This matches EPA eGRID, whose net generation includes storage as negative.
 *
 * <p>On a coarser run grid (e.g. hourly from 15-minute data) the factor is energy-weighted: total emissions of the
 * hour over total net generation of the hour, not the mean of the four quarter-hour factors. An interval is missing
 * when any fuel is missing in any part of it, or when net generation is not positive.
 */
public final class GridIntensity {
    private GridIntensity() {}

    /** Factors on the fuel mix's own grid. */
    public static GridFactors of(FuelMix mix, FuelFactorSet set, String description) {
        return of(mix, set, mix.grid(), description);
    }

    /**
     * Factors on a run's grid.
     *
     * @param mix the fuel mix
     * @param set per-fuel factors
     * @param target the run's grid; parts outside the mix's coverage are missing
     * @param description e.g. "ERCOT fuel mix 2024"
     */
    public static GridFactors of(FuelMix mix, FuelFactorSet set, TimeGrid target, String description) {
        TimeGrid g = mix.grid();
        int n = g.count();
        TimeSeries.Builder emissions = TimeSeries.builder("emissions", "kg CO2e/h", g);
        TimeSeries.Builder net = TimeSeries.builder("systemNetGeneration", "MW", g);
        TimeSeries.Builder gross = TimeSeries.builder("systemGrossGeneration", "MW", g);
        EnumMap<Fuel, TimeSeries.Builder> perFuel = new EnumMap<>(Fuel.class);
        for (Fuel f : Fuel.values()) {
            if (f.isSource()) {
                perFuel.put(f, TimeSeries.builder(f.ercotName(), "MW", g));
            }
        }
        for (int i = 0; i < n; i++) {
            double e = 0;
            double src = 0;
            boolean ok = true;
            for (Fuel f : Fuel.values()) {
                double p = mix.powerMw(f, i);
                if (Double.isNaN(p)) {
                    ok = false;
                    break;
                }
                if (f.isSource()) {
                    e += p * set.factor(f);
                    src += p;
                }
            }
            if (!ok) {
                continue;
            }
            double wsl = mix.powerMw(Fuel.STORAGE_CHARGING, i);
            emissions.set(i, e);
            net.set(i, src + wsl);
            gross.set(i, src);
            for (Map.Entry<Fuel, TimeSeries.Builder> en : perFuel.entrySet()) {
                en.getValue().set(i, mix.powerMw(en.getKey(), i));
            }
        }
        TimeSeries emissionsT = emissions.build().resampleTo(target);
        TimeSeries netT = net.build().resampleTo(target);
        TimeSeries grossT = gross.build().resampleTo(target);
        TimeSeries.Builder factor = TimeSeries.builder("gridFactor", "kg CO2e/MWh", target);
        for (int j = 0; j < target.count(); j++) {
            if (!emissionsT.isMissing(j) && !netT.isMissing(j) && netT.value(j) > 0) {
                factor.set(j, emissionsT.value(j) / netT.value(j));
            }
        }
        EnumMap<Fuel, TimeSeries> shares = new EnumMap<>(Fuel.class);
        for (Map.Entry<Fuel, TimeSeries.Builder> en : perFuel.entrySet()) {
            TimeSeries p = en.getValue().build().resampleTo(target);
            TimeSeries.Builder sb = TimeSeries.builder(en.getKey().ercotName() + " share", "1", target);
            for (int j = 0; j < target.count(); j++) {
                if (!p.isMissing(j) && !grossT.isMissing(j) && grossT.value(j) > 0) {
                    sb.set(j, p.value(j) / grossT.value(j));
                }
            }
            shares.put(en.getKey(), sb.build());
        }
        return new GridFactors(
                target,
                factor.build(),
                Optional.of(netT),
                shares,
                set.basis(),
                description + ", factor set " + set.id(),
                set.citation(),
                summerPeaks(net.build(), target));
    }

    /**
     * The interval of highest value in each June..September month (ERCOT time, America/Chicago) of {@code series},
     * among intervals that start within {@code span}: ERCOT's 4CP rule applied to system net generation.
     */
    static java.util.List<java.time.Instant> summerPeaks(TimeSeries series, TimeGrid span) {
        java.util.Map<java.time.YearMonth, Integer> best = new java.util.TreeMap<>();
        TimeGrid g = series.grid();
        java.time.Instant from = span.startUtc();
        java.time.Instant to = span.endUtc();
        for (int i = 0; i < g.count(); i++) {
            java.time.Instant s = g.start(i);
            if (series.isMissing(i) || s.isBefore(from) || !s.isBefore(to)) {
                continue;
            }
            java.time.YearMonth ym = java.time.YearMonth.from(s.atZone(Flexibility.ERCOT_ZONE));
            int m = ym.getMonthValue();
            if (m < 6 || m > 9) {
                continue;
            }
            Integer b = best.get(ym);
            if (b == null || series.value(i) > series.value(b)) {
                best.put(ym, i);
            }
        }
        return best.values().stream().map(g::start).toList();
    }

    /**
     * Generation-weighted mean factor over the mix: total emissions / total net generation, kg CO2e/MWh. The figure
     * comparable to an annual published average such as eGRID's subregion output emission rate.
     */
    public static double annualAverageKgPerMwh(FuelMix mix, FuelFactorSet set) {
        return averageKgPerMwh(mix, set, mix.grid().startUtc(), mix.grid().endUtc());
    }

    /**
     * Generation-weighted mean factor over the intervals of {@code mix} that start in {@code [fromUtc, toUtc)}: total
     * emissions / total net generation, kg CO2e/MWh; NaN when there is no data.
     */
    public static double averageKgPerMwh(
            FuelMix mix, FuelFactorSet set, java.time.Instant fromUtc, java.time.Instant toUtc) {
        double e = 0;
        double net = 0;
        for (int i = 0; i < mix.grid().count(); i++) {
            java.time.Instant s = mix.grid().start(i);
            if (s.isBefore(fromUtc) || !s.isBefore(toUtc)) {
                continue;
            }
            double ei = 0;
            double ni = 0;
            boolean ok = true;
            for (Fuel f : Fuel.values()) {
                double p = mix.powerMw(f, i);
                if (Double.isNaN(p)) {
                    ok = false;
                    break;
                }
                ni += p;
                if (f.isSource()) {
                    ei += p * set.factor(f);
                }
            }
            if (ok) {
                e += ei;
                net += ni;
            }
        }
        return net > 0 ? e / net : Double.NaN;
    }
}
