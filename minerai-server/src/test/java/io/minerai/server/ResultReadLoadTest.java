package io.minerai.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.store.StoreConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded loopback load test of result reads (summary, a 500-interval page of the ledger, a 400-point downsampled
 * series, in turn) at a fixed arrival rate: latency is measured from each request's scheduled start, so a slow server
 * cannot hide queueing (no coordinated omission). It prints p50/p90/p99/max and asserts no errors, never a timing.
 *
 * <p>The default suite runs a short smoke (50 requests/s for 2 s). The figures in docs/PERFORMANCE.md come from
 * {@code -Dminerai.load.rps=200 -Dminerai.load.seconds=30}.
 */
class ResultReadLoadTest {
    @Test
    void resultReadsUnderAFixedArrivalRate(@TempDir Path dir) throws Exception {
        int rps = Integer.getInteger("minerai.load.rps", 50);
        int seconds = Integer.getInteger("minerai.load.seconds", 2);
        int total = rps * seconds;
        ServerConfig config = ServerConfig.defaults()
                .withPort(0)
                .withStore(StoreConfig.embedded(dir))
                .withAdminToken(TestServers.ADMIN);
        try (MineraiServer server = TestServers.startOnBundledData(config)) {
            Client admin = new Client(server.port(), TestServers.ADMIN);
            String viewer = admin.postJson("/api/tokens", "{\"name\":\"load\",\"role\":\"viewer\"}")
                    .json()
                    .path("token")
                    .asText();
            long runId = admin.postJson("/api/runs", "{\"kind\":\"backtest\",\"scenarioId\":1}")
                    .json()
                    .path("id")
                    .asLong();
            Waits.until(
                    "the run to finish",
                    Duration.ofSeconds(120),
                    () -> "succeeded"
                            .equals(admin.get("/api/runs/" + runId)
                                    .json()
                                    .path("status")
                                    .asText()));
            int intervals = admin.get("/api/runs/" + runId + "/summary")
                    .json()
                    .path("summary")
                    .path("intervals")
                    .asInt();
            String base = "http://127.0.0.1:" + server.port() + "/api/runs/" + runId;
            List<URI> uris = new ArrayList<>();
            for (int k = 0; k < 10; k++) {
                uris.add(URI.create(base + "/summary"));
                uris.add(URI.create(base + "/series?limit=500&offset=" + (k * 500 % Math.max(1, intervals))));
                uris.add(URI.create(base + "/series?maxPoints=400"));
            }
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            // warm-up: JIT, connection pool, database caches (sequential, not measured)
            for (int k = 0; k < 3; k++) {
                for (URI u : uris.subList(0, 3)) {
                    long t0 = System.nanoTime();
                    var resp = http.send(
                            HttpRequest.newBuilder(u)
                                    .header("Authorization", "Bearer " + viewer)
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    System.err.printf(
                            Locale.ROOT,
                            "warm-up %s -> %d in %.1f ms%n",
                            u.getPath() + "?" + u.getQuery(),
                            resp.statusCode(),
                            (System.nanoTime() - t0) / 1e6);
                }
            }
            long[] latencyNanos = new long[total];
            AtomicInteger errors = new AtomicInteger();
            List<CompletableFuture<?>> pending = new ArrayList<>(total);
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            long periodNanos = 1_000_000_000L / rps;
            long start = System.nanoTime() + 50_000_000L;
            AtomicInteger next = new AtomicInteger();
            try {
                var tick = ticker.scheduleAtFixedRate(
                        () -> {
                            int i = next.getAndIncrement();
                            if (i >= total) {
                                return;
                            }
                            long intended = start + i * periodNanos;
                            HttpRequest req = HttpRequest.newBuilder(uris.get(i % uris.size()))
                                    .header("Authorization", "Bearer " + viewer)
                                    .timeout(Duration.ofSeconds(10))
                                    .build();
                            synchronized (pending) {
                                pending.add(http.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray())
                                        .whenComplete((resp, ex) -> {
                                            latencyNanos[i] = System.nanoTime() - intended;
                                            if (ex != null || resp.statusCode() != 200) {
                                                errors.incrementAndGet();
                                            }
                                        }));
                            }
                        },
                        start - System.nanoTime(),
                        periodNanos,
                        TimeUnit.NANOSECONDS);
                Waits.until("all requests to be sent", Duration.ofSeconds(seconds + 30L), () -> next.get() >= total);
                tick.cancel(false);
                CompletableFuture<?>[] all;
                synchronized (pending) {
                    all = pending.toArray(CompletableFuture[]::new);
                }
                CompletableFuture.allOf(all).handle((v, ex) -> null).get(60, TimeUnit.SECONDS);
            } finally {
                ticker.shutdownNow();
            }
            double loadAverage = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage();
            // server-side time of the same requests (from the request timer's histogram), to tell the server's own
            // work from waiting for a CPU on a shared machine
            long count = 0;
            double under = 0;
            double sumMs = 0;
            double maxMs = 0;
            double bound = 0;
            for (io.micrometer.core.instrument.Timer t : server.meters()
                    .find("http.server.requests")
                    .tag("method", "GET")
                    .tag("status", "200")
                    .timers()) {
                String route = t.getId().getTag("route");
                if (route == null || !route.startsWith("/api/runs/{id}/")) {
                    continue;
                }
                var snap = t.takeSnapshot();
                count += snap.count();
                sumMs += snap.total(TimeUnit.MILLISECONDS);
                maxMs = Math.max(maxMs, snap.max(TimeUnit.MILLISECONDS));
                double atBound = 0; // histogram counts are cumulative: take the largest bucket within 50 ms
                for (var b : snap.histogramCounts()) {
                    if (b.bucket(TimeUnit.MILLISECONDS) <= 50) {
                        bound = b.bucket(TimeUnit.MILLISECONDS);
                        atBound = b.count();
                    }
                }
                under += atBound;
            }
            System.out.printf(
                    Locale.ROOT,
                    "LOAD server side (warm-up included): %d result reads, mean %.2f ms, max %.2f ms, %.2f%% within %.0f ms;"
                            + " system load average %.1f on %d cores%n",
                    count,
                    count == 0 ? 0 : sumMs / count,
                    maxMs,
                    count == 0 ? 0 : 100.0 * under / count,
                    bound,
                    loadAverage,
                    Runtime.getRuntime().availableProcessors());
            long[] sorted = latencyNanos.clone();
            Arrays.sort(sorted);
            String line = String.format(
                    Locale.ROOT,
                    "LOAD result reads: %d req/s for %d s = %d requests on %d-interval ledger, errors %d,"
                            + " p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms",
                    rps,
                    seconds,
                    total,
                    intervals,
                    errors.get(),
                    ms(sorted, 0.50),
                    ms(sorted, 0.90),
                    ms(sorted, 0.99),
                    sorted[sorted.length - 1] / 1e6);
            System.out.println(line);
            System.err.println(line);
            assertThat(errors.get()).isZero();
        }
    }

    private static double ms(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
