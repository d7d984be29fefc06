package io.minerai.sustainability;

import io.minerai.core.site.GpuCloud;
import io.minerai.core.site.Site;
import io.minerai.core.time.TimeGrid;
import io.minerai.dispatch.Dispatch;
import io.minerai.dispatch.LoadClass;
import io.minerai.dispatch.LoadInfo;
import io.minerai.dispatch.ledger.Ledger;
import io.minerai.dispatch.ledger.Stream;
import io.minerai.dispatch.settle.MiningSettler;
import io.minerai.dispatch.settle.SiteMeasures;
import java.util.List;

/**
 * The site's energy per interval, read once from a settled dispatch: what every sustainability figure is computed
 * from. Skipped intervals (no data) hold zeros and {@code dispatched[t] == false}. Columnar arrays owned by this object.
 *
 * @param grid the run's grid
 * @param dispatched whether the interval was decided and settled
 * @param importMwh grid import
 * @param exportMwh export of own generation
 * @param spillMwh own generation neither used nor exported
 * @param onSiteUsedMwh own generation consumed on site (generation - export - spill)
 * @param loadMwh energy drawn by all loads
 * @param miningMwh energy drawn by miner fleets
 * @param aiCloudMwh energy drawn by GPU clouds
 * @param colocationMwh energy drawn by colocation tenants
 * @param deferrableMwh energy drawn by deferrable GPU jobs (counted in {@code loadMwh}, not in {@code aiCloudMwh})
 * @param curtailableMw capacity of curtailable (non-firm) loads, MW
 * @param curtailedMw curtailable capacity not drawn in the interval, MW
 * @param gpuHoursSold GPU-hours sold: running fraction x GPUs x utilisation x hours, summed over GPU clouds
 * @param btcMined BTC mined
 * @param priceUsdPerMwh real-time price
 * @param revenueAncillaryUsd ancillary-service payments
 * @param reservesOfferedMw ancillary-service capacity offered, all products, MW
 */
public record SiteEnergy(
        TimeGrid grid,
        boolean[] dispatched,
        double[] importMwh,
        double[] exportMwh,
        double[] spillMwh,
        double[] onSiteUsedMwh,
        double[] loadMwh,
        double[] miningMwh,
        double[] aiCloudMwh,
        double[] colocationMwh,
        double[] deferrableMwh,
        double curtailableMw,
        double[] curtailedMw,
        double[] gpuHoursSold,
        double[] btcMined,
        double[] priceUsdPerMwh,
        double[] revenueAncillaryUsd,
        double[] reservesOfferedMw) {

    /** Curtailed below this power counts as running. */
    public static final double EPSILON_MW = 1e-6;

    /** Per interval, the sum of the streams of one program (e.g. every ancillary-service stream). */
    private static double[] programRevenue(Ledger ledger, String program) {
        double[] out = new double[ledger.size()];
        for (Stream st : ledger.streams()) {
            if (st.program().equals(program)) {
                double[] a = ledger.amounts(st);
                for (int t = 0; t < out.length; t++) {
                    out[t] += a[t];
                }
            }
        }
        return out;
    }

    /** Reads a settled dispatch of {@code site}. */
    public static SiteEnergy of(Site site, Ledger ledger) {
        Dispatch d = ledger.dispatch();
        TimeGrid grid = d.grid();
        int n = grid.count();
        double h = grid.stepHours();
        List<LoadInfo> loads = d.loads();
        List<GpuCloud> gpus = site.gpuClouds();
        int[] gpuIndex = new int[loads.size()];
        int g = 0;
        double curtailable = 0;
        for (int l = 0; l < loads.size(); l++) {
            gpuIndex[l] = loads.get(l).loadClass() == LoadClass.AI_CLOUD ? g++ : -1;
            if (!loads.get(l).firm()) {
                curtailable += loads.get(l).maxPowerMw();
            }
        }
        if (g != gpus.size()) {
            throw new IllegalArgumentException(
                    "the dispatch has " + g + " GPU clouds but the site has " + gpus.size() + ": not the same site");
        }
        double[] imp = new double[n];
        double[] exp = new double[n];
        double[] spill = new double[n];
        double[] used = new double[n];
        double[] load = new double[n];
        double[] mining = new double[n];
        double[] ai = new double[n];
        double[] colo = new double[n];
        double[] curtailed = new double[n];
        double[] gpuHours = new double[n];
        double[] deferrable = new double[n];
        double[] reserves = new double[n];
        for (int t = 0; t < n; t++) {
            if (!d.dispatched()[t]) {
                continue;
            }
            imp[t] = d.importMw()[t] * h;
            exp[t] = d.exportMw()[t] * h;
            spill[t] = d.spillMw()[t] * h;
            used[t] = Math.max(0, (d.generationMw()[t] - d.exportMw()[t] - d.spillMw()[t]) * h);
            double notDrawn = 0;
            for (int l = 0; l < loads.size(); l++) {
                LoadInfo li = loads.get(l);
                double x = d.fraction(t, l);
                double e = d.loadMw(t, l) * h;
                load[t] += e;
                switch (li.loadClass()) {
                    case MINING -> mining[t] += e;
                    case AI_CLOUD -> {
                        ai[t] += e;
                        GpuCloud c = gpus.get(gpuIndex[l]);
                        gpuHours[t] += x * c.gpuCount() * c.utilizationFraction() * h;
                    }
                    case COLOCATION -> colo[t] += e;
                }
                if (!li.firm()) {
                    notDrawn += (1 - x) * d.fullLoadMw(t, l);
                }
            }
            curtailed[t] = Math.max(0, notDrawn);
            if (!d.deferrable().jobs().isEmpty()) {
                deferrable[t] = d.deferrable().totalMw(t) * h;
                load[t] += deferrable[t];
            }
            if (!d.reserves().products().isEmpty()) {
                reserves[t] = d.reserves().totalMw(t);
            }
        }
        return new SiteEnergy(
                grid,
                d.dispatched().clone(),
                imp,
                exp,
                spill,
                used,
                load,
                mining,
                ai,
                colo,
                deferrable,
                curtailable,
                curtailed,
                gpuHours,
                ledger.valuesOrZero(MiningSettler.BTC_MINED.id()).clone(),
                ledger.values(SiteMeasures.PRICE).clone(),
                programRevenue(ledger, "ancillary"),
                reserves);
    }

    public int size() {
        return grid.count();
    }

    /** Whether curtailable load was held back in interval {@code t}. */
    public boolean curtailed(int t) {
        return dispatched[t] && curtailedMw[t] > EPSILON_MW;
    }

    static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }
}
