package io.minerai.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.server.run.RunKinds;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs queue behind a bounded executor: one at a time here, two waiting at most; cancel works while queued. */
class RunQueueTest {
    @Test
    void concurrentRunsAreQueuedAndExecutedInTurn() throws Exception {
        GateKind gate = new GateKind();
        try (MineraiServer server = TestServers.start(TestServers.config().withRuns(1, 2), gate)) {
            Client c = new Client(server.port(), TestServers.ADMIN);
            long sid = 1; // the seeded default scenario
            long first = start(c, "gate", sid);
            assertThat(gate.started.await(30, TimeUnit.SECONDS)).isTrue();
            long second = start(c, "gate", sid);
            long third = start(c, "gate", sid);
            assertThat(status(c, first)).isEqualTo("running");
            var q2 = c.get("/api/runs/" + second).json();
            var q3 = c.get("/api/runs/" + third).json();
            assertThat(q2.path("status").asText()).isEqualTo("queued");
            assertThat(q2.path("queuePosition").asInt()).isEqualTo(1);
            assertThat(q3.path("queuePosition").asInt()).isEqualTo(2);

            // the queue is full: a fourth run is refused and stores nothing
            var refused = c.postJson("/api/runs", "{\"kind\":\"gate\",\"scenarioId\":" + sid + "}");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(c.get("/api/runs").json().path("items").size()).isEqualTo(3);

            // cancel the last queued run; it never starts
            var cancelled = c.post("/api/runs/" + third + "/cancel", "application/json", "");
            assertThat(cancelled.status()).isEqualTo(200);
            assertThat(cancelled.json().path("status").asText()).isEqualTo("cancelled");

            gate.gate.countDown();
            Waits.until(
                    "second run to finish",
                    Duration.ofSeconds(30),
                    () -> status(c, second).equals("succeeded"));
            assertThat(status(c, first)).isEqualTo("succeeded");
            assertThat(status(c, third)).isEqualTo("cancelled");
            var r1 = c.get("/api/runs/" + first).json();
            var r2 = c.get("/api/runs/" + second).json();
            // executed in turn: the second started after the first finished
            assertThat(r2.path("startedUtc").asText())
                    .isGreaterThanOrEqualTo(r1.path("finishedUtc").asText());
            assertThat(c.get("/api/runs/" + third + "/summary").status()).isEqualTo(409);
        }
    }

    @Test
    void aRunningRunCanBeCancelledAndStoresNoResult() throws Exception {
        GateKind gate = new GateKind();
        try (MineraiServer server = TestServers.start(TestServers.config(), gate)) {
            Client c = new Client(server.port(), TestServers.ADMIN);
            long id = start(c, "gate", 1);
            assertThat(gate.started.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(c.post("/api/runs/" + id + "/cancel", "application/json", "")
                            .status())
                    .isEqualTo(200);
            Waits.until(
                    "run thread to notice",
                    Duration.ofSeconds(10),
                    () -> server.meters().get("minerai.runs.active").gauge().value() == 0);
            assertThat(status(c, id)).isEqualTo("cancelled");
            assertThat(server.store().runs().summaryJson(id)).isEmpty();
        }
    }

    /**
     * An optimize run cancelled while it resolves its inputs stops before it solves and stores nothing (the resolver
     * here waits for the test to cancel; a cancel during the solves is noticed after the current window, see
     * RollingHorizonTest).
     */
    @Test
    void anOptimizeRunCanBeCancelled() throws Exception {
        java.util.concurrent.CountDownLatch resolving = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        io.minerai.server.run.InputsResolver gated = (scenario, dir) -> {
            resolving.countDown();
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the resolver");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return SyntheticInputs.resolve(scenario, dir);
        };
        PrintStream console = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (MineraiServer server = MineraiServer.start(
                TestServers.config(), RunKinds.standard(gated), java.time.Clock.systemUTC(), console)) {
            Client c = new Client(server.port(), TestServers.ADMIN);
            long id = start(c, "optimize", 1);
            assertThat(resolving.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(c.post("/api/runs/" + id + "/cancel", "application/json", "")
                            .status())
                    .isEqualTo(200);
            release.countDown();
            Waits.until(
                    "run thread to notice",
                    Duration.ofSeconds(10),
                    () -> server.meters().get("minerai.runs.active").gauge().value() == 0);
            assertThat(status(c, id)).isEqualTo("cancelled");
            assertThat(server.store().runs().summaryJson(id)).isEmpty();
            assertThat(server.store().runs().ledgerSize(id)).isZero();
        }
    }

    static long start(Client c, String kind, long scenarioId) {
        var r = c.postJson("/api/runs", "{\"kind\":\"" + kind + "\",\"scenarioId\":" + scenarioId + "}");
        assertThat(r.status()).as(r.text()).isEqualTo(202);
        return r.json().path("id").asLong();
    }

    static String status(Client c, long id) {
        return c.get("/api/runs/" + id).json().path("status").asText();
    }
}
