package io.minerai.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small hand-made ledgers for store tests (synthetic numbers, not market data). */
final class Ledgers {
    static final Instant START = Instant.parse("2024-07-01T00:00:00Z");
    static final String LOADS_JSON = "[{\"name\":\"fleet\",\"loadClass\":\"MINING\",\"firm\":false,\"maxPowerMw\":10},"
            + "{\"name\":\"colo\",\"loadClass\":\"COLOCATION\",\"firm\":true,\"maxPowerMw\":2}]";

    private Ledgers() {}

    /**
     * Four hourly intervals, a 10 MW miner fleet and a 2 MW colocation tenant. Interval i has price 10*(i+1) $/MWh,
     * the fleet runs at fraction 1, 1, 0.5, 0 and earns 100*(i+1) USD; interval 3 is skipped (not dispatched).
     */
    static RunLedger small() {
        return new RunLedger(
                times(4),
                new boolean[] {true, true, true, false},
                List.of(
                        new SeriesColumn(
                                "priceUsdPerMwh", Aggregation.MEAN_OF_DISPATCHED, new double[] {10, 20, 30, 0}),
                        new SeriesColumn("miningMw", Aggregation.MEAN_OF_DISPATCHED, new double[] {10, 10, 5, 0}),
                        new SeriesColumn("colocationMw", Aggregation.MEAN_OF_DISPATCHED, new double[] {2, 2, 2, 0}),
                        new SeriesColumn("revenueMiningUsd", Aggregation.SUM, new double[] {100, 200, 300, 0}),
                        new SeriesColumn("revenueColocationUsd", Aggregation.SUM, new double[] {40, 40, 40, 0}),
                        new SeriesColumn("powerCostUsd", Aggregation.SUM, new double[] {120, 240, 210, 0}),
                        // net = mining + colocation - power cost
                        new SeriesColumn("netUsd", Aggregation.SUM, new double[] {20, 0, 130, 0})));
    }

    /** {@code n} intervals of {@code columns} columns (to make a ledger that needs room in the store). */
    static RunLedger wide(int n, int columns) {
        List<SeriesColumn> cols = new ArrayList<>();
        for (int k = 0; k < columns; k++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = k * 1000.0 + i;
            }
            cols.add(new SeriesColumn("column" + k + "Usd", Aggregation.SUM, v));
        }
        boolean[] dispatched = new boolean[n];
        java.util.Arrays.fill(dispatched, true);
        return new RunLedger(times(n), dispatched, cols);
    }

    static RunResult result(String summaryJson, RunLedger ledger, double solverSeconds) {
        return new RunResult(summaryJson, LOADS_JSON, java.util.Optional.of(ledger), solverSeconds);
    }

    private static List<Instant> times(int n) {
        List<Instant> t = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            t.add(START.plus(Duration.ofHours(i)));
        }
        return t;
    }
}
