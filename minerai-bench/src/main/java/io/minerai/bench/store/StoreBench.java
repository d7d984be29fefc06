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
import io.minerai.store.NewRun;
import io.minerai.store.RunRecord;
import io.minerai.store.Store;
import io.minerai.store.StoreConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The embedded H2 file store under its durable setting ({@code WRITE_DELAY=0}: every commit written before it returns)
 * and, for comparison, H2's default 500 ms write delay (a process kill can lose the last half second of commits).
 * {@code auditAppend}: one hash-chained audit entry, its own transaction. {@code yearResultWrite}: a run created, marked
 * running and completed with the ledger of a one-year backtest at 5-minute steps (105,408 rows, one transaction). The
 * ledger comes from a merit-order run on real 2024 HB_WEST prices with a SYNTHETIC constant Bitcoin yield (only the
 * store's work is measured). The store file lives in a temporary folder, deleted at the end.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StoreBench {
    @Param({"0", "500"})
    int writeDelayMs;

    private Path dir;
    private Store store;
    private Ledger ledger;
    private long scenarioId;
    private int appended;

    @Setup
    public void setup() throws IOException {
        dir = Files.createTempDirectory("minerai-store-bench");
        String url = "jdbc:h2:file:" + dir.resolve("minerai") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=" + writeDelayMs;
        store = Store.open(new StoreConfig(url, "", "", 4), Clock.systemUTC());
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
        ledger = Backtest.meritOrder(site, inputs).ledger();
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
        return store.runs().complete(run.id(), "{}", Optional.of(ledger), 0.1);
    }
}
