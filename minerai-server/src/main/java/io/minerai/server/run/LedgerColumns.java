package io.minerai.server.run;

import io.minerai.dispatch.Dispatch;
import io.minerai.dispatch.LoadInfo;
import io.minerai.dispatch.ledger.Ledger;
import io.minerai.dispatch.ledger.Measure;
import io.minerai.dispatch.ledger.Stream;
import io.minerai.server.Json;
import io.minerai.store.Aggregation;
import io.minerai.store.RunLedger;
import io.minerai.store.SeriesColumn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntToDoubleFunction;

/**
 * The one place that maps a dispatch {@link Ledger} (typed revenue streams and measures) to the store's generic ledger
 * columns (name with unit, aggregation). First the names the API has always served ({@code priceUsdPerMwh},
 * {@code revenueMiningUsd}, {@code powerCostUsd} as a positive cost, {@code transmissionChargeUsd}, ...), then every
 * stream of the ledger as {@code stream<Id>Usd} (signed: revenues positive, costs negative) and every other measure by
 * its id in camel case, then each load's running fraction ({@code runningFractionLoad0}, ... in the order of the run's
 * {@code loads}). Money, energy and BTC are summed when a series is downsampled; power and prices averaged over the
 * dispatched intervals. A new stream needs nothing here: it is stored and served under its own name.
 */
public final class LedgerColumns {
    private LedgerColumns() {}

    /** The ledger as store columns; non-finite values are stored as 0 (as skipped intervals are). */
    public static RunLedger of(Ledger l) {
        Dispatch d = l.dispatch();
        int n = l.size();
        List<Instant> times = new ArrayList<>(n);
        boolean[] dispatched = new boolean[n];
        for (int t = 0; t < n; t++) {
            times.add(l.grid().start(t));
            dispatched[t] = l.dispatched(t);
        }
        Columns cols = new Columns(n);
        // the names of earlier releases, kept for API clients
        cols.mean("priceUsdPerMwh", values(l, "price_usd_per_mwh"));
        cols.mean("hashpriceUsdPerPhDay", values(l, "hashprice_usd_per_ph_day"));
        cols.mean("generationMw", t -> d.generationMw()[t]);
        cols.mean("importMw", t -> d.importMw()[t]);
        cols.mean("exportMw", t -> d.exportMw()[t]);
        cols.mean("spillMw", t -> d.spillMw()[t]);
        cols.mean("miningMw", values(l, "load_class_mining_mw"));
        cols.mean("aiCloudMw", values(l, "load_class_ai_cloud_mw"));
        cols.mean("colocationMw", values(l, "load_class_colocation_mw"));
        cols.sum("revenueMiningUsd", amounts(l, "mining", 1));
        cols.sum("revenueAiCloudUsd", amounts(l, "ai_cloud", 1));
        cols.sum("revenueColocationUsd", amounts(l, "colocation", 1));
        cols.sum("revenueExportUsd", amounts(l, "export", 1));
        cols.sum("revenuePpaSellbackUsd", amounts(l, "ppa_sellback", 1));
        cols.sum("revenueAncillaryUsd", amounts(l, "ancillary", 1));
        cols.sum("powerCostUsd", amounts(l, "power_cost", -1));
        cols.sum("transmissionChargeUsd", amounts(l, "transmission_4cp", -1));
        cols.sum("netUsd", l::netUsd);
        cols.sum("btcMined", values(l, "btc_mined"));
        cols.sum("minerEnergyCostUsd", values(l, "miner_energy_cost_usd"));
        cols.mean("energyCostUsdPerMwh", values(l, "energy_cost_usd_per_mwh"));
        // every stream and measure under its own name
        for (Stream s : l.streams()) {
            String camel = s.camelName("USD");
            double[] a = l.amounts(s);
            cols.sum("stream" + Character.toUpperCase(camel.charAt(0)) + camel.substring(1), t -> a[t]);
        }
        for (Measure m : l.measures()) {
            double[] v = l.values(m);
            String name = camel(m.id());
            if (m.aggregation() == io.minerai.dispatch.ledger.Aggregation.SUM) {
                cols.sum(name, t -> v[t]);
            } else {
                cols.mean(name, t -> v[t]);
            }
        }
        for (int j = 0; j < l.loads().size(); j++) {
            int load = j;
            cols.mean("runningFractionLoad" + j, t -> d.fraction(t, load));
        }
        return new RunLedger(times, dispatched, cols.list);
    }

    /** The ledger's loads (name, class, firm, max power) as a JSON array, in the order of their fraction columns. */
    public static String loadsJson(Ledger l) {
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

    private static IntToDoubleFunction values(Ledger l, String measure) {
        double[] v = l.valuesOrZero(measure);
        return t -> v[t];
    }

    private static IntToDoubleFunction amounts(Ledger l, String stream, int sign) {
        double[] a = l.amountsOrZero(stream);
        return t -> sign * a[t];
    }

    /** {@code import_mw} becomes {@code importMw}. */
    static String camel(String id) {
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char ch : id.toCharArray()) {
            if (ch == '_' || ch == '-' || ch == '.') {
                upper = b.length() > 0;
            } else if (Character.isLetterOrDigit(ch)) {
                b.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return b.length() > 0 && Character.isLetter(b.charAt(0)) ? b.toString() : "measure" + b;
    }

    /** Columns in order; a later column with a name already taken (a measure the legacy names cover) is left out. */
    private static final class Columns {
        private final int n;
        private final List<SeriesColumn> list = new ArrayList<>();
        private final Set<String> names = new LinkedHashSet<>();

        Columns(int n) {
            this.n = n;
        }

        void sum(String name, IntToDoubleFunction f) {
            add(name, Aggregation.SUM, f);
        }

        void mean(String name, IntToDoubleFunction f) {
            add(name, Aggregation.MEAN_OF_DISPATCHED, f);
        }

        private void add(String name, Aggregation a, IntToDoubleFunction f) {
            if (!SeriesColumn.validName(name) || !names.add(name) || name.equals(RunLedger.DISPATCHED)) {
                return;
            }
            double[] v = new double[n];
            for (int t = 0; t < n; t++) {
                v[t] = finite(f.applyAsDouble(t));
            }
            list.add(new SeriesColumn(name, a, v));
        }
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0.0;
    }
}
