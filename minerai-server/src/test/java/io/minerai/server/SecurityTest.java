package io.minerai.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The HTTP and token rules of docs/SERVER.md, Security and durability, one by one. */
class SecurityTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aMethodOverrideHeaderIsRefusedAndDeletesNothing() throws Exception {
        try (MineraiServer server = TestServers.start(TestServers.config())) {
            var r = send(server, "GET", "/api/scenarios/1", "X-HTTP-Method-Override", "DELETE");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("method override");
            Client admin = new Client(server.port(), TestServers.ADMIN);
            assertThat(admin.get("/api/scenarios/1").status()).isEqualTo(200);
        }
    }

    @Test
    void aWrongMethodGets405WithAllowAndAWrongContentType415() throws Exception {
        try (MineraiServer server = TestServers.start(TestServers.config())) {
            var r = send(server, "POST", "/api/scenarios/1", "Content-Type", "application/json");
            assertThat(r.statusCode()).isEqualTo(405);
            assertThat(r.headers().firstValue("Allow")).contains("GET, PUT, DELETE");
            assertThat(send(server, "PATCH", "/api/runs", "Content-Type", "application/json")
                            .statusCode())
                    .isEqualTo(405);
            Client admin = new Client(server.port(), TestServers.ADMIN);
            var text = admin.post("/api/runs", "text/plain", "{\"kind\":\"backtest\",\"scenarioId\":1}");
            assertThat(text.status()).isEqualTo(415);
            assertThat(text.text()).contains("application/json");
            assertThat(admin.get("/api/runs").json().path("items").size()).isZero();
            assertThat(admin.post("/api/scenarios", "text/csv", "name: x").status())
                    .isEqualTo(415);
        }
    }

    @Test
    void oddInputGets4xxNot5xx() throws Exception {
        try (MineraiServer server = TestServers.start(TestServers.config())) {
            Client admin = new Client(server.port(), TestServers.ADMIN);
            String yaml = Scenarios.threeDays().replaceFirst("name: [^\\n]*", "name: " + "n".repeat(100_000));
            var longName = admin.post("/api/scenarios", "application/yaml", yaml);
            assertThat(longName.status()).isEqualTo(422);
            assertThat(longName.text()).contains("at most 200 characters");
            assertThat(admin.get("/api/audit?fromUtc=%2B1000000000-01-01T00:00:00Z")
                            .status())
                    .isEqualTo(400);
        }
    }

    @Test
    void theLastAdminCannotRevokeItselfAndARotatedTokenStopsAfterItsGrace() throws Exception {
        try (MineraiServer server = TestServers.start(TestServers.config())) {
            Client admin = new Client(server.port(), TestServers.ADMIN);
            var self = admin.delete("/api/tokens/1");
            assertThat(self.status()).isEqualTo(409);
            assertThat(self.text()).contains("last working admin token");
            assertThat(admin.get("/api/me").status()).isEqualTo(200);

            JsonNode viewer = admin.postJson(
                            "/api/tokens", "{\"name\":\"grafana\",\"role\":\"viewer\",\"expiresInDays\":30}")
                    .json();
            assertThat(viewer.path("expiresUtc").asText()).isNotEmpty();
            String old = viewer.path("token").asText();
            JsonNode rotated = admin.post(
                            "/api/tokens/" + viewer.path("id").asLong() + "/rotate?graceSeconds=0",
                            "application/json",
                            "")
                    .json();
            String fresh = rotated.path("token").asText();
            assertThat(new Client(server.port(), fresh).get("/api/me").status()).isEqualTo(200);
            var expired = new Client(server.port(), old).get("/api/me");
            assertThat(expired.status()).isEqualTo(401);
            assertThat(expired.text()).contains("expired");
            assertThat(admin.get("/api/audit").text()).contains("\"rotate\"");
        }
    }

    @Test
    void aWeakAdminTokenFromTheEnvironmentIsRefused() {
        assertThatThrownBy(() -> TestServers.config().withAdminToken("a".repeat(24)))
                .hasMessageContaining("too weak");
        assertThatThrownBy(() -> TestServers.config().withAdminToken("abcdefghijklmnopqrstuvwx"))
                .hasMessageContaining("too weak");
        assertThat(Tokens.strengthProblem(Tokens.generate())).isEmpty();
    }

    @Test
    void repeatedFailuresAreCountedThrottledAndAudited() throws Exception {
        try (MineraiServer server = TestServers.start(TestServers.config())) {
            Client admin = new Client(server.port(), TestServers.ADMIN);
            assertThat(admin.get("/api/me").status()).isEqualTo(200);
            Client guesser = new Client(server.port(), "mnr_guess-" + "x".repeat(40));
            for (int i = 0; i < AuthThrottle.MAX_FAILURES; i++) {
                assertThat(guesser.get("/api/me").status()).isEqualTo(401);
            }
            var throttled = guesser.get("/api/me");
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.raw().headers().firstValue("Retry-After")).isPresent();
            assertThat(new Client(server.port(), null).get("/api/me").status()).isEqualTo(429);
            // a token that worked from this address before keeps working
            assertThat(admin.get("/api/me").status()).isEqualTo(200);
            JsonNode audit = admin.get("/api/audit").json();
            long refused = 0;
            for (JsonNode e : audit.path("items")) {
                if (e.path("outcome").asText().startsWith("refused")) {
                    refused++;
                }
            }
            assertThat(refused).isEqualTo(AuthThrottle.MAX_FAILURES);
            assertThat(admin.get("/metrics").text()).contains("minerai_auth_failures_total");
        }
    }

    @Test
    void everyAnswerCarriesARequestIdAndTheAuditChainCanBeVerified() throws Exception {
        try (MineraiServer server = TestServers.start(TestServers.config())) {
            var r = send(server, "GET", "/api/health", "X-Request-Id", "probe-12345678");
            assertThat(r.headers().firstValue("X-Request-Id")).contains("probe-12345678");
            var anon = send(server, "GET", "/api/me", "X-Request-Id", "no good");
            assertThat(anon.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f]{16}");
            Client admin = new Client(server.port(), TestServers.ADMIN);
            admin.postJson("/api/tokens", "{\"name\":\"a\",\"role\":\"viewer\"}");
            admin.postJson("/api/tokens", "{\"name\":\"b\",\"role\":\"viewer\"}");
            JsonNode ok = admin.get("/api/audit/verify").json();
            assertThat(ok.path("intact").asBoolean()).isTrue();
            try (var c = java.sql.DriverManager.getConnection(
                            server.store().config().jdbcUrl());
                    var st = c.createStatement()) {
                st.executeUpdate("DELETE FROM audit_entry WHERE sequence = (SELECT MAX(sequence) FROM audit_entry)");
            }
            JsonNode bad = admin.get("/api/audit/verify").json();
            assertThat(bad.path("intact").asBoolean()).isFalse();
            assertThat(bad.path("problem").asText()).contains("last entries were removed");
            assertThat(new Client(server.port(), null).get("/api/audit/verify").status())
                    .isEqualTo(401);
        }
    }

    @Test
    void anAdminDeletesAFinishedRunAndItIsAudited() throws Exception {
        try (MineraiServer server = TestServers.start(TestServers.config())) {
            Client admin = new Client(server.port(), TestServers.ADMIN);
            long run = RunQueueTest.start(admin, "backtest", 1);
            Waits.until(
                    "the run to finish",
                    Duration.ofSeconds(60),
                    () -> RunQueueTest.status(admin, run).equals("succeeded"));
            assertThat(admin.get("/api/runs/" + run + "/series?limit=2").status())
                    .isEqualTo(200);
            JsonNode op = admin.postJson("/api/tokens", "{\"name\":\"op\",\"role\":\"operator\"}")
                    .json();
            assertThat(new Client(server.port(), op.path("token").asText())
                            .delete("/api/runs/" + run)
                            .status())
                    .isEqualTo(403);
            assertThat(admin.delete("/api/runs/" + run).status()).isEqualTo(204);
            assertThat(admin.get("/api/runs/" + run).status()).isEqualTo(404);
            assertThat(admin.get("/api/runs/" + run + "/series?limit=2").status())
                    .isEqualTo(404);
            assertThat(admin.delete("/api/runs/" + run).status()).isEqualTo(404);
            assertThat(admin.get("/api/audit").text())
                    .contains("\"run:" + run + "\"")
                    .contains("\"deleted\"");
        }
    }

    private HttpResponse<String> send(MineraiServer server, String method, String path, String header, String value)
            throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .header("Authorization", "Bearer " + TestServers.ADMIN)
                        .header(header, value)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
