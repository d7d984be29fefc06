package io.minerai.dispatch.settle;

import io.minerai.core.site.Load;
import io.minerai.dispatch.Dispatch;
import io.minerai.dispatch.PueProfile;
import io.minerai.dispatch.ledger.Aggregation;
import io.minerai.dispatch.ledger.LedgerBuilder;
import io.minerai.dispatch.ledger.Measure;
import io.minerai.dispatch.ledger.SettlementContext;
import io.minerai.dispatch.ledger.Settler;
import io.minerai.dispatch.ledger.Stream;
import java.util.List;

/**
 * Cooling per interval, for sites where some load's PUE follows the ambient temperature ({@link PueProfile}; declared
 * only there, so other sites' ledgers, CSV columns and summaries are unchanged): the ambient temperature, the IT power
 * of the site's loads (each load's power / its PUE of the interval), the cooling and electrical overhead (facility
 * power - IT power) and the site's PUE of the interval (facility / IT power of the loads; 0 where nothing runs). The
 * summary facts ({@code cooling}) give the period's energy-weighted PUE (facility energy / IT energy, the ISO/IEC
 * 30134-2 definition), the overhead energy and the temperature range. Deferrable GPU jobs are stated in facility MW and
 * are left out.
 */
public final class CoolingMeasures implements Settler {
    public static final String PROGRAM = "cooling";
    public static final Measure TEMPERATURE =
            new Measure("ambient_temperature_c", "Ambient temperature", "°C", Aggregation.MEAN, "site");
    public static final Measure IT_POWER = new Measure("it_load_mw", "IT load", "MW", Aggregation.MEAN, "site");
    public static final Measure OVERHEAD =
            new Measure("cooling_overhead_mw", "Cooling and electrical overhead", "MW", Aggregation.MEAN, "site");
    public static final Measure SITE_PUE = new Measure("site_pue", "Site PUE", "1", Aggregation.MEAN, "site");

    @Override
    public List<Stream> streams() {
        return List.of();
    }

    @Override
    public List<Measure> measures() {
        return List.of(TEMPERATURE, IT_POWER, OVERHEAD, SITE_PUE);
    }

    @Override
    public void settle(SettlementContext c, LedgerBuilder out) {
        Dispatch d = c.dispatch();
        PueProfile pue = d.pue();
        List<Load> loads = c.site().loads();
        double h = c.hours();
        double[] temp = out.values(TEMPERATURE);
        double[] it = out.values(IT_POWER);
        double[] over = out.values(OVERHEAD);
        double[] site = out.values(SITE_PUE);
        double itMwh = 0;
        double facilityMwh = 0;
        double minC = Double.POSITIVE_INFINITY;
        double maxC = Double.NEGATIVE_INFINITY;
        double maxPue = 0;
        for (int t = 0; t < c.size(); t++) {
            if (!c.dispatched(t)) {
                continue;
            }
            double itMw = 0;
            double facilityMw = 0;
            for (int l = 0; l < loads.size(); l++) {
                double mw = d.loadMw(t, l);
                facilityMw += mw;
                itMw += mw / pue.pue(t, l, loads.get(l).pue());
            }
            temp[t] = pue.temperatureC(t);
            it[t] = itMw;
            over[t] = facilityMw - itMw;
            site[t] = itMw > 0 ? facilityMw / itMw : 0;
            itMwh += itMw * h;
            facilityMwh += facilityMw * h;
            minC = Math.min(minC, temp[t]);
            maxC = Math.max(maxC, temp[t]);
            maxPue = Math.max(maxPue, site[t]);
        }
        out.fact(PROGRAM, "itEnergyMwh", itMwh);
        out.fact(PROGRAM, "facilityEnergyMwh", facilityMwh);
        out.fact(PROGRAM, "overheadEnergyMwh", facilityMwh - itMwh);
        out.fact(PROGRAM, "energyWeightedPue", itMwh > 0 ? facilityMwh / itMwh : 0);
        out.fact(PROGRAM, "highestIntervalPue", maxPue);
        if (minC <= maxC) {
            out.fact(PROGRAM, "lowestTemperatureC", minC);
            out.fact(PROGRAM, "highestTemperatureC", maxC);
        }
    }
}
