package io.minerai.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Liveness and readiness: ready fails within 2 s when the store is damaged or gone; live does not. */
class HealthTest {
    @Test
    void readyFailsQuicklyWhenTheStoreIsDamagedOrGone() throws Exception {
        try (MineraiServer server = TestServers.start(TestServers.config())) {
            Client admin = new Client(server.port(), TestServers.ADMIN);
            Client anyone = new Client(server.port(), null);
            assertThat(anyone.get("/api/health/live").status()).isEqualTo(200);
            assertThat(anyone.get("/api/health/ready").json().path("status").asText())
                    .isEqualTo("ok");
            long run = RunQueueTest.start(admin, "backtest", 1);
            Waits.until(
                    "the run to finish",
                    Duration.ofSeconds(60),
                    () -> RunQueueTest.status(admin, run).equals("succeeded"));
            // damage one stored chunk of the ledger behind the server's back (a bad block)
            try (var c = java.sql.DriverManager.getConnection(
                            server.store().config().jdbcUrl());
                    var st = c.createStatement()) {
                st.executeUpdate("UPDATE run_series_chunk SET data = zeroblob(length(data))"
                        + " WHERE column_name = 'netUsd' AND chunk = 0");
            }
            var read = admin.get("/api/runs/" + run + "/series?columns=netUsd&limit=5");
            assertThat(read.status()).isEqualTo(503);
            long t0 = System.nanoTime();
            var ready = anyone.get("/api/health/ready");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json().path("store").asText()).contains("damaged").contains("netUsd");
            assertThat(anyone.get("/api/health/live").status()).isEqualTo(200);

            // the store gone
            server.store().close();
            t0 = System.nanoTime();
            assertThat(anyone.get("/api/health/ready").status()).isEqualTo(503);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
        }
    }
}
