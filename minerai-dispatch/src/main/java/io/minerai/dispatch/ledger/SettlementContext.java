package io.minerai.dispatch.ledger;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.site.Site;
import io.minerai.core.time.TimeGrid;
import io.minerai.dispatch.Dispatch;

/**
 * What every settler reads: the site, the inputs, the dispatch, and quantities several settlers share, computed once.
 *
 * <p>The average cost per MWh of the energy the site consumed in interval t, {@code cbar_t}, is (import x (p + adders)
 * + own generation used that could have been exported x max(p, 0)) / total load: own generation is valued at what
 * exporting it would have earned; PPA hedge gains and losses and sell-back credits are not attributed (they are their
 * own streams). Loads are charged their energy x {@code cbar_t} for cost per BTC and energy pass-through.
 */
public final class SettlementContext {
    private final Site site;
    private final ScenarioInputs inputs;
    private final Dispatch dispatch;
    private final double[] priceUsdPerMwh;
    private final double[] energyCostUsdPerMwh;

    public SettlementContext(Site site, ScenarioInputs inputs, Dispatch dispatch) {
        this.site = site;
        this.inputs = inputs;
        this.dispatch = dispatch;
        int n = dispatch.grid().count();
        double adders = site.grid().totalAdderUsdPerMwh();
        double exportCap = site.grid().effectiveExportCapMw();
        priceUsdPerMwh = new double[n];
        energyCostUsdPerMwh = new double[n];
        for (int t = 0; t < n; t++) {
            if (!dispatch.dispatched()[t]) {
                continue;
            }
            double p = inputs.priceUsdPerMwh().value(t);
            priceUsdPerMwh[t] = p;
            double imp = dispatch.importMw()[t];
            double exp = dispatch.exportMw()[t];
            double genUsed = dispatch.generationMw()[t] - exp - dispatch.spillMw()[t];
            double totalLoad = dispatch.totalLoadMw(t);
            double exportableUnused = Math.max(0, Math.min(genUsed, exportCap - exp));
            double supplyCost = imp * (p + adders) + (p > 0 ? exportableUnused * p : 0);
            energyCostUsdPerMwh[t] = totalLoad > 1e-12 ? supplyCost / totalLoad : 0;
        }
    }

    public Site site() {
        return site;
    }

    public ScenarioInputs inputs() {
        return inputs;
    }

    public Dispatch dispatch() {
        return dispatch;
    }

    public TimeGrid grid() {
        return dispatch.grid();
    }

    public int size() {
        return dispatch.grid().count();
    }

    /** Interval length in hours. */
    public double hours() {
        return dispatch.grid().stepHours();
    }

    /** Whether interval {@code t} is settled. */
    public boolean dispatched(int t) {
        return dispatch.dispatched()[t];
    }

    /** Real-time energy price in USD/MWh per interval (0 where skipped). Owned by the context; do not modify. */
    public double[] priceUsdPerMwh() {
        return priceUsdPerMwh;
    }

    /** Average cost of the energy the site consumed, USD/MWh, per interval. Owned by the context; do not modify. */
    public double[] energyCostUsdPerMwh() {
        return energyCostUsdPerMwh;
    }
}
