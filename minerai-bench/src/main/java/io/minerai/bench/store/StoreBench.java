package io.minerai.bench.store;

import io.minerai.core.audit.AuditEntry;
import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.site.ColocationLease;
import io.minerai.core.site.GpuCloud;
import io.minerai.core.site.GridConnection;
import io.minerai.core.site.MinerFleet;
import io.minerai.core.site.Site;
import io.minerai.core.site.SiteOpex;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.data.ercot.ErcotHourlyPrices;
import io.minerai.data.ercot.Market;
import io.minerai.dispatch.Backtest;
import io.minerai.dispatch.ledger.Ledger;
import io.minerai.dispatch.ledger.Measure;
import io.minerai.store.Aggregation;
import io.minerai.store.NewRun;
import io.minerai.store.RunLedger;
import io.minerai.store.RunRecord;
import io.minerai.store.RunResult;
import io.minerai.store.SeriesColumn;
import io.minerai.store.Store;
import io.minerai.store.StoreConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The embedded store (SQLite, write-ahead log, {@code synchronous=FULL}: every commit synced before it returns).
 * {@code auditAppend}: one hash-chained audit entry, its own transaction. {@code yearResultWrite}: a run created, marked
 * running and completed with the ledger of a one-year backtest at 5-minute steps (105,408 intervals of 24 columns,
 * one transaction). {@code yearSeriesRead}: three columns of that year read back whole.
 * The ledger comes from a merit-order run on real 2024 HB_WEST prices with a SYNTHETIC constant Bitcoin yield (only the
 * store's work is measured). The store file lives in a temporary folder, deleted at the end.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StoreBench {
    private Path dir;
    private Store store;
    private RunLedger ledger;
    private long readRunId;
    private long scenarioId;
    private int appended;

    @Setup
    public void setup() throws IOException {
        dir = Files.createTempDirectory("minerai-store-bench");
        store = Store.open(StoreConfig.embedded(dir), Clock.systemUTC());
        scenarioId = store.scenarios().create("bench", "{}", "bench").scenarioId();
        TimeGrid grid = TimeGrid.between(
                Instant.parse("2024-01-01T06:00:00Z"), Instant.parse("2025-01-01T06:00:00Z"), Duration.ofMinutes(5));
        Site site = new Site(
                "bench site",
                new GridConnection("HB_WEST", 200, true, 50, List.of()),
                List.of(
                        new MinerFleet("s21", "synthetic", 20_000, 200, 3500, 1.1, 0.02, 2000, 3),
                        new MinerFleet("s19", "synthetic", 20_000, 95, 3250, 1.1, 0.02, 2000, 3)),
                List.of(new GpuCloud("gpu", "H100 SXM", 2048, 1.275, 1.3, 2.85, 0.7, false)),
                List.of(new ColocationLease("colo", "tenant", 15, 121.5, 1.35, 1.0, false)),
                List.of(),
                Optional.empty(),
                SiteOpex.NONE);
        ScenarioInputs inputs = new ScenarioInputs(
                grid,
                ErcotHourlyPrices.bundled().series("HB_WEST", Market.RTM, grid),
                TimeSeries.constant("btcPerThDay", "BTC/TH/s/day", grid, 5e-7),
                TimeSeries.constant("btcPrice", "USD", grid, 60_000),
                List.of(),
                Optional.empty(),
                Map.of(),
                Map.of());
        ledger = columns(Backtest.meritOrder(site, inputs).ledger());
        readRunId = yearResultWrite() ? store.runs().list(1, 0).get(0).id() : 0;
    }

    @TearDown
    public void tearDown() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long auditAppend() {
        return store.auditLog()
                .append(new AuditEntry(
                        0,
                        Instant.now(),
                        "controller",
                        "miner:10.0.0." + (appended++ % 250),
                        "sleep",
                        "confirmed",
                        Map.of("priceUsdPerMwh", "812.40")))
                .sequence();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public boolean yearResultWrite() {
        RunRecord run = store.runs().create(new NewRun("backtest", scenarioId, 1, "{}", "bench"));
        store.runs().markRunning(run.id());
        return store.runs().complete(run.id(), new RunResult("{}", "[]", Optional.of(ledger), 0.1));
    }

    /** A year's interval read back whole: three columns (what a dashboard chart asks for), no cache. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int yearSeriesRead() {
        return store.runs()
                .series(readRunId, List.of("price_usd_per_mwh", "stream_miningUsd", "import_mw"), 0, ledger.size())
                .timesUtc()
                .size();
    }

    /**
     * Columns like those the server stores for a dispatch ledger (its adapter lives in minerai-server, which the bench
     * may not use): every stream and measure of the year's ledger, and two loads' running fractions.
     */
    private static RunLedger columns(Ledger l) {
        List<Instant> times = new ArrayList<>();
        boolean[] dispatched = new boolean[l.size()];
        for (int t = 0; t < l.size(); t++) {
            times.add(l.grid().start(t));
            dispatched[t] = l.dispatched(t);
        }
        List<SeriesColumn> cols = new ArrayList<>();
        for (io.minerai.dispatch.ledger.Stream s : l.streams()) {
            cols.add(new SeriesColumn(
                    "stream_" + s.id() + "Usd", Aggregation.SUM, l.amounts(s).clone()));
        }
        for (Measure m : l.measures()) {
            cols.add(new SeriesColumn(
                    m.id(), Aggregation.MEAN_OF_DISPATCHED, l.values(m).clone()));
        }
        for (int j = 0; j < 2; j++) {
            double[] f = new double[l.size()];
            for (int t = 0; t < f.length; t++) {
                f[t] = l.dispatch().fraction(t, j);
            }
            cols.add(new SeriesColumn("runningFractionLoad" + j, Aggregation.MEAN_OF_DISPATCHED, f));
        }
        return new RunLedger(times, dispatched, cols);
    }
}
