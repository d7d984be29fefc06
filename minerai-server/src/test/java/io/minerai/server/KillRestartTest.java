package io.minerai.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.store.RunRecord;
import io.minerai.store.RunStatus;
import io.minerai.store.Store;
import io.minerai.store.StoreConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability: a server process killed (SIGKILL) while it writes a run's result leaves no half-written result; after a
 * restart on the same store the run is marked failed and the server works on. Also checks that no token secret
 * reached the server's output.
 */
class KillRestartTest {
    @Test
    void killingTheServerDuringAResultWriteLeavesNoHalfWrittenResult(@TempDir Path dir) throws Exception {
        String adminToken = Tokens.generate();
        Path log = dir.resolve("server.log");
        Process child = startChild(dir, adminToken, log);
        String operatorToken;
        long runId;
        try {
            Waits.until("the child server to listen", Duration.ofSeconds(90), () -> Files.exists(dir.resolve("port")));
            int port = Integer.parseInt(Files.readString(dir.resolve("port")).trim());
            Client admin = new Client(port, adminToken);
            operatorToken = admin.postJson("/api/tokens", "{\"name\":\"op\",\"role\":\"operator\"}")
                    .json()
                    .path("token")
                    .asText();
            Client op = admin.as(operatorToken);
            // two years at a 5-minute step: 210,528 ledger rows, a write of several seconds
            var sc = op.post(
                    "/api/scenarios",
                    "application/yaml",
                    Scenarios.defaultWithPeriod("2024-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "5m"));
            assertThat(sc.status()).as(sc.text()).isEqualTo(201);
            var run = op.postJson(
                    "/api/runs",
                    "{\"kind\":\"backtest\",\"scenarioId\":"
                            + sc.json().path("id").asLong() + "}");
            assertThat(run.status()).isEqualTo(202);
            runId = run.json().path("id").asLong();
            long id = runId;
            Waits.until(
                    "the run to start storing its result",
                    Duration.ofSeconds(120),
                    () -> "storing results"
                            .equals(op.get("/api/runs/" + id)
                                    .json()
                                    .path("phase")
                                    .asText()));
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no commit
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        // the store after the kill: the run is still RUNNING and nothing of its result was committed
        StoreConfig storeConfig = StoreConfig.embedded(dir);
        try (Store store = Store.open(storeConfig, Clock.systemUTC())) {
            RunRecord r = store.runs().get(runId).orElseThrow();
            assertThat(r.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(store.runs().ledgerSize(runId)).isZero();
            assertThat(store.runs().summaryJson(runId)).isEmpty();
        }

        // restart on the same store: the run is marked failed, and a new run succeeds
        ServerConfig config = ServerConfig.defaults().withPort(0).withStore(storeConfig);
        try (MineraiServer server = TestServers.start(config)) {
            Client op = new Client(server.port(), operatorToken);
            var after = op.get("/api/runs/" + runId).json();
            assertThat(after.path("status").asText()).isEqualTo("failed");
            assertThat(after.path("message").asText()).contains("interrupted");
            assertThat(op.get("/api/runs/" + runId + "/summary").status()).isEqualTo(409);
            assertThat(server.store().runs().ledgerSize(runId)).isZero();
            assertThat(op.get("/api/health").json().path("status").asText()).isEqualTo("ok");
        }

        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(output).contains("minerai server on http://127.0.0.1:");
        assertThat(output).doesNotContain(adminToken).doesNotContain(operatorToken);
    }

    private static Process startChild(Path dir, String adminToken, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(
                java, "-Xmx1g", "-XX:+UseSerialGC", "-cp", cp, KillableServerMain.class.getName(), dir.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put(ServerConfig.ADMIN_TOKEN_ENV, adminToken);
        return pb.start();
    }
}
