package io.minerai.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A store that refuses writes while a run stores its results (as a full disk does) leaves no run "succeeded" with part
 * of its ledger, and the server recovers by itself, without a restart, once writes are taken again.
 *
 * <p>The full disk is a store that throws on write: triggers put into the server's SQLite file from a second
 * connection make every insert of ledger chunks fail, and so every attempt to mark a run FAILED, until they are
 * dropped ("space freed"). Every connection of the server sees them, so the failure lasts until it is lifted, as a full
 * disk does (the store-level contract tests also fill the file for real with a page limit).
 */
class DiskFullTest {
    @Test
    void aRunThatCannotStoreItsResultsFailsAndTheServerRecoversWithoutARestart() throws Exception {
        try (MineraiServer server = TestServers.start(TestServers.config())) {
            Client admin = new Client(server.port(), TestServers.ADMIN);
            String url = "jdbc:sqlite:" + server.store().config().embeddedFile();
            long full;
            try (Connection c = DriverManager.getConnection(url);
                    Statement st = c.createStatement()) {
                st.execute("PRAGMA busy_timeout = 10000");
                st.execute("CREATE TRIGGER test_full_chunks BEFORE INSERT ON run_series_chunk"
                        + " BEGIN SELECT RAISE(ABORT, 'database or disk is full (test)'); END");
                st.execute("CREATE TRIGGER test_full_fail BEFORE UPDATE OF status ON run WHEN NEW.status = 'FAILED'"
                        + " BEGIN SELECT RAISE(ABORT, 'database or disk is full (test)'); END");

                full = RunQueueTest.start(admin, "backtest", 1);
                // the run computes, cannot store its ledger, and cannot even be marked failed while the disk is full
                Waits.until(
                        "the run to try storing its results",
                        Duration.ofSeconds(60),
                        () -> server.meters().get("minerai.runs.active").gauge().value() == 0
                                && RunQueueTest.status(admin, full).equals("running"));
                assertThat(server.store().runs().summaryJson(full)).isEmpty();
                assertThat(server.store().runs().ledgerSize(full)).isZero();
                assertThat(admin.get("/api/health/live").status()).isEqualTo(200);

                // space freed: nothing is restarted
                st.execute("DROP TRIGGER test_full_chunks");
                st.execute("DROP TRIGGER test_full_fail");
                Waits.until(
                        "the run to be marked failed",
                        Duration.ofSeconds(30),
                        () -> RunQueueTest.status(admin, full).equals("failed"));
            }
            assertThat(admin.get("/api/runs/" + full).json().path("message").asText())
                    .contains("disk is full");
            assertThat(server.store().runs().summaryJson(full)).isEmpty();
            assertThat(server.store().runs().ledgerSize(full)).isZero();

            // the same server takes the next run whole
            long next = RunQueueTest.start(admin, "backtest", 1);
            Waits.until(
                    "the next run to finish",
                    Duration.ofSeconds(60),
                    () -> !RunQueueTest.status(admin, next).matches("queued|running"));
            assertThat(RunQueueTest.status(admin, next)).isEqualTo("succeeded");
            assertThat(server.store().runs().ledgerSize(next)).isPositive();
            assertThat(admin.get("/api/health/ready").status()).isEqualTo(200);
        }
    }
}
