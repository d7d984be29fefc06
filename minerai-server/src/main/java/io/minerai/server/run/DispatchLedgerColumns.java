package io.minerai.server.run;

import io.minerai.dispatch.Dispatch;
import io.minerai.dispatch.DispatchLedger;
import io.minerai.dispatch.LoadClass;
import io.minerai.dispatch.LoadInfo;
import io.minerai.server.Json;
import io.minerai.store.Aggregation;
import io.minerai.store.RunLedger;
import io.minerai.store.SeriesColumn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * The one place that maps a dispatch {@link DispatchLedger} to the store's generic ledger columns (name with unit,
 * aggregation): the names the API has always served ({@code priceUsdPerMwh}, {@code revenueMiningUsd}, ...), plus
 * {@code transmissionChargeUsd} and each load's running fraction ({@code runningFractionLoad0}, ... in the order of
 * the run's {@code loads}). Money, energy and BTC are summed when a series is downsampled; power and prices averaged over
 * the dispatched intervals. When the ledger becomes a set of typed revenue streams, only this class changes.
 */
public final class DispatchLedgerColumns {
    private DispatchLedgerColumns() {}

    /** The ledger as store columns; non-finite values are stored as 0 (as skipped intervals are). */
    public static RunLedger of(DispatchLedger l) {
        Dispatch d = l.dispatch();
        int n = l.size();
        List<Instant> times = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            times.add(l.grid().start(t));
        }
        List<SeriesColumn> cols = new ArrayList<>();
        mean(cols, "priceUsdPerMwh", n, t -> l.priceUsdPerMwh()[t]);
        mean(cols, "hashpriceUsdPerPhDay", n, t -> l.hashpriceUsdPerPhDay()[t]);
        mean(cols, "generationMw", n, t -> d.generationMw()[t]);
        mean(cols, "importMw", n, t -> d.importMw()[t]);
        mean(cols, "exportMw", n, t -> d.exportMw()[t]);
        mean(cols, "spillMw", n, t -> d.spillMw()[t]);
        mean(cols, "miningMw", n, t -> l.loadMw(t, LoadClass.MINING));
        mean(cols, "aiCloudMw", n, t -> l.loadMw(t, LoadClass.AI_CLOUD));
        mean(cols, "colocationMw", n, t -> l.loadMw(t, LoadClass.COLOCATION));
        sum(cols, "revenueMiningUsd", n, t -> l.revenueMiningUsd()[t]);
        sum(cols, "revenueAiCloudUsd", n, t -> l.revenueAiCloudUsd()[t]);
        sum(cols, "revenueColocationUsd", n, t -> l.revenueColocationUsd()[t]);
        sum(cols, "revenueExportUsd", n, t -> l.revenueExportUsd()[t]);
        sum(cols, "revenuePpaSellbackUsd", n, t -> l.revenuePpaSellbackUsd()[t]);
        sum(cols, "revenueAncillaryUsd", n, t -> l.revenueAncillaryUsd()[t]);
        sum(cols, "powerCostUsd", n, t -> l.powerCostUsd()[t]);
        sum(cols, "transmissionChargeUsd", n, t -> l.transmissionChargeUsd()[t]);
        sum(cols, "netUsd", n, l::netUsd);
        sum(cols, "btcMined", n, t -> l.btcMined()[t]);
        sum(cols, "minerEnergyCostUsd", n, t -> l.minerEnergyCostUsd()[t]);
        mean(cols, "energyCostUsdPerMwh", n, t -> l.energyCostUsdPerMwh()[t]);
        for (int j = 0; j < l.loads().size(); j++) {
            int load = j;
            mean(cols, "runningFractionLoad" + j, n, t -> d.fraction(t, load));
        }
        return new RunLedger(times, d.dispatched().clone(), cols);
    }

    /** The ledger's loads (name, class, firm, max power) as a JSON array, in the order of their fraction columns. */
    public static String loadsJson(DispatchLedger l) {
        var a = Json.MAPPER.createArrayNode();
        for (LoadInfo li : l.loads()) {
            a.addObject()
                    .put("name", li.name())
                    .put("loadClass", li.loadClass().name())
                    .put("firm", li.firm())
                    .put("maxPowerMw", finite(li.maxPowerMw()));
        }
        return Json.write(a);
    }

    private static void sum(List<SeriesColumn> cols, String name, int n, IntToDoubleFunction f) {
        cols.add(new SeriesColumn(name, Aggregation.SUM, values(n, f)));
    }

    private static void mean(List<SeriesColumn> cols, String name, int n, IntToDoubleFunction f) {
        cols.add(new SeriesColumn(name, Aggregation.MEAN_OF_DISPATCHED, values(n, f)));
    }

    private static double[] values(int n, IntToDoubleFunction f) {
        double[] v = new double[n];
        for (int t = 0; t < n; t++) {
            v[t] = finite(f.applyAsDouble(t));
        }
        return v;
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0.0;
    }
}
