package io.minerai.sustainability;

import io.minerai.core.time.TimeSeries;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The physical energy mix of one month of the site's consumption: own generation used on site, and grid imports split
 * by the grid's fuel shares of the interval. Months are ERCOT months (Central time).
 *
 * @param month the month
 * @param consumptionMwh energy drawn by all loads
 * @param onSiteMwh own generation consumed
 * @param gridByFuelMwh imports x the grid's share of each source fuel (empty when the grid mix is unknown)
 * @param gridUnspecifiedMwh imports whose fuel split is unknown
 * @param locationTCo2e location-based Scope 2 of the month
 * @param meanGridFactorKgCo2ePerMwh import-weighted grid factor of the month (0 without imports)
 * @param meanPriceUsdPerMwh time-weighted mean price of the month's dispatched intervals
 */
public record MonthlyMix(
        YearMonth month,
        double consumptionMwh,
        double onSiteMwh,
        Map<Fuel, Double> gridByFuelMwh,
        double gridUnspecifiedMwh,
        double locationTCo2e,
        double meanGridFactorKgCo2ePerMwh,
        double meanPriceUsdPerMwh) {

    public MonthlyMix {
        EnumMap<Fuel, Double> m = new EnumMap<>(Fuel.class);
        m.putAll(gridByFuelMwh);
        gridByFuelMwh = java.util.Collections.unmodifiableMap(m);
    }

    /** Grid imports of the month. */
    public double gridMwh() {
        double s = gridUnspecifiedMwh;
        for (double v : gridByFuelMwh.values()) {
            s += v;
        }
        return s;
    }

    public static List<MonthlyMix> of(SiteEnergy e, LocationBased loc, GridFactors grid) {
        Map<YearMonth, Acc> months = new LinkedHashMap<>();
        Map<Fuel, TimeSeries> shares = grid.sourceShare();
        double h = e.grid().stepHours();
        for (int t = 0; t < e.size(); t++) {
            if (!e.dispatched()[t]) {
                continue;
            }
            YearMonth ym = YearMonth.from(e.grid().start(t).atZone(Flexibility.ERCOT_ZONE));
            Acc a = months.computeIfAbsent(ym, k -> new Acc());
            a.load += e.loadMwh()[t];
            a.onSite += e.onSiteUsedMwh()[t];
            a.kg += loc.intervalKgCo2e()[t];
            a.imp += e.importMwh()[t];
            a.priceHours += e.priceUsdPerMwh()[t] * h;
            a.hours += h;
            double imp = e.importMwh()[t];
            boolean known = !shares.isEmpty();
            for (TimeSeries s : shares.values()) {
                if (s.isMissing(t)) {
                    known = false;
                    break;
                }
            }
            if (known) {
                for (Map.Entry<Fuel, TimeSeries> en : shares.entrySet()) {
                    a.byFuel.merge(en.getKey(), imp * en.getValue().value(t), Double::sum);
                }
            } else {
                a.unspecified += imp;
            }
        }
        List<MonthlyMix> out = new ArrayList<>();
        months.forEach((ym, a) -> out.add(new MonthlyMix(
                ym,
                a.load,
                a.onSite,
                a.byFuel,
                a.unspecified,
                a.kg / 1000,
                a.imp > 0 ? a.kg / a.imp : 0,
                a.hours > 0 ? a.priceHours / a.hours : 0)));
        return out;
    }

    private static final class Acc {
        double load;
        double onSite;
        double kg;
        double imp;
        double priceHours;
        double hours;
        double unspecified;
        final EnumMap<Fuel, Double> byFuel = new EnumMap<>(Fuel.class);
    }
}
