package io.minerai.store;

import io.minerai.core.time.TimeGrid;
import io.minerai.dispatch.Dispatch;
import io.minerai.dispatch.LoadClass;
import io.minerai.dispatch.LoadInfo;
import io.minerai.dispatch.ledger.Ledger;
import io.minerai.dispatch.ledger.Measure;
import io.minerai.dispatch.ledger.Stream;
import io.minerai.dispatch.settle.ColocationSettler;
import io.minerai.dispatch.settle.MiningSettler;
import io.minerai.dispatch.settle.SiteMeasures;
import io.minerai.dispatch.settle.SupplySettlers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small hand-made ledgers for store tests (synthetic numbers, not market data). */
final class Ledgers {
    static final Instant START = Instant.parse("2024-07-01T00:00:00Z");

    private Ledgers() {}

    /**
     * Four hourly intervals, a 10 MW miner fleet and a 2 MW colocation tenant. Interval i has price 10*(i+1) $/MWh,
     * the fleet runs at fraction 1, 1, 0.5, 0 and earns 100*(i+1) USD; interval 3 is skipped (not dispatched).
     */
    static Ledger small() {
        return withLoads(List.of(
                new LoadInfo("fleet", LoadClass.MINING, false, 10),
                new LoadInfo("colo", LoadClass.COLOCATION, true, 2)));
    }

    /** The same four intervals with {@code n} miner loads (used to make a ledger row too wide for the store). */
    static Ledger withManyLoads(int n) {
        List<LoadInfo> loads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            loads.add(new LoadInfo("fleet-" + i, LoadClass.MINING, false, 1));
        }
        return withLoads(loads);
    }

    private static Ledger withLoads(List<LoadInfo> loads) {
        int n = 4;
        TimeGrid grid = new TimeGrid(START, Duration.ofHours(1), n);
        int nl = loads.size();
        double[] frac = new double[n * nl];
        double[] minerFraction = {1, 1, 0.5, 0};
        for (int t = 0; t < n; t++) {
            for (int l = 0; l < nl; l++) {
                frac[t * nl + l] = loads.get(l).loadClass() == LoadClass.MINING ? minerFraction[t] : (t < 3 ? 1 : 0);
            }
        }
        boolean[] dispatched = {true, true, true, false};
        double[] zeros = new double[n];
        double[] imports = {12, 12, 7, 0};
        Dispatch d = new Dispatch(
                "test", grid, loads, dispatched, frac, zeros.clone(), imports, zeros.clone(), zeros.clone());
        double[] price = {10, 20, 30, 0};
        double[] hashprice = {50, 50, 50, 0};
        double[] mining = {100, 200, 300, 0};
        double[] colo = {40, 40, 40, 0};
        double[] cost = {120, 240, 210, 0};
        double[] btc = {0.001, 0.002, 0.003, 0};
        double[] minerCost = {100, 200, 150, 0};
        double[] perMwh = {10, 20, 30, 0};
        double[] negCost = new double[n];
        for (int t = 0; t < n; t++) {
            negCost[t] = -cost[t];
        }
        Map<Stream, double[]> streams = new LinkedHashMap<>();
        streams.put(MiningSettler.MINING, mining);
        streams.put(ColocationSettler.COLOCATION, colo);
        streams.put(SupplySettlers.POWER_COST, negCost);
        Map<Measure, double[]> measures = new LinkedHashMap<>();
        measures.put(SiteMeasures.PRICE, price);
        measures.put(SiteMeasures.HASHPRICE, hashprice);
        for (LoadClass c : LoadClass.values()) {
            double[] mw = new double[n];
            for (int t = 0; t < n; t++) {
                for (int l = 0; l < nl; l++) {
                    if (loads.get(l).loadClass() == c) {
                        mw[t] += d.loadMw(t, l);
                    }
                }
            }
            measures.put(SiteMeasures.classMeasure(c), mw);
        }
        measures.put(MiningSettler.BTC_MINED, btc);
        measures.put(MiningSettler.MINER_ENERGY_COST, minerCost);
        measures.put(SiteMeasures.ENERGY_COST, perMwh);
        return Ledger.of(d, streams, measures);
    }

    static double[] copy(double[] a) {
        return Arrays.copyOf(a, a.length);
    }
}
