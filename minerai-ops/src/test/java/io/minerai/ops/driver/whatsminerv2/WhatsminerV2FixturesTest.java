package io.minerai.ops.driver.whatsminerv2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.minerai.ops.device.AckStatus;
import io.minerai.ops.device.DesiredState;
import io.minerai.ops.device.DeviceException;
import io.minerai.ops.device.DeviceMode;
import io.minerai.ops.device.DeviceTelemetry;
import io.minerai.ops.fixtures.Fixtures;
import io.minerai.ops.fixtures.ScriptedTcpServer;
import io.minerai.ops.proto.LenientJson;
import io.minerai.ops.proto.TcpRequest;
import io.minerai.ops.sim.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The driver against documented / recorded replies (fixtures/whatsminerv2), byte-level on the wire. */
class WhatsminerV2FixturesTest {
    static final String FW = "whatsminerv2";
    final FakeClock clock = new FakeClock(Instant.parse("2026-03-19T10:00:00Z"));
    final AtomicReference<String> status = new AtomicReference<>("status-running.json");
    final AtomicReference<String> writeReply = new AtomicReference<>("command-ok.json");

    @Nullable
    ScriptedTcpServer server;

    String script(String request) {
        JsonNode req = LenientJson.parse(request);
        if (req.has("enc")) {
            JsonNode r = Fixtures.reply(FW, writeReply.get());
            if (r.path("STATUS").asText().equals("E")) {
                return r.toString(); // errors come back in plaintext
            }
            return JsonNodeFactory.instance
                    .objectNode()
                    .put("enc", WhatsminerV2Crypto.encrypt(WhatsminerV2CryptoTest.KEY, r.toString()))
                    .toString();
        }
        return switch (req.path("command").asText()) {
            case "summary" ->
                Fixtures.reply(FW, status.get().equals("status-off.json") ? "summary-off.json" : "summary.json")
                        .toString();
            case "status" -> Fixtures.reply(FW, status.get()).toString();
            case "get_token" -> Fixtures.reply(FW, "get-token.json").toString();
            default -> "";
        };
    }

    WhatsminerV2Driver driver(String password) throws Exception {
        ScriptedTcpServer s = new ScriptedTcpServer(this::script);
        server = s;
        return new WhatsminerV2Driver(
                "wm2",
                new TcpRequest(s.address(), Duration.ofSeconds(2), Duration.ofSeconds(2)),
                password,
                3800,
                1900,
                clock);
    }

    java.util.List<String> requests() {
        ScriptedTcpServer s = server;
        return s == null ? java.util.List.of() : s.requests();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void readsPowerHashrateStateAndLimitFromTheRecordedReplies() throws Exception {
        DeviceTelemetry t = driver("admin").readTelemetry();
        assertThat(t.mode()).isEqualTo(DeviceMode.RUNNING);
        assertThat(t.powerW()).isEqualTo(3200.0); // SUMMARY[0].Power
        assertThat(t.hashrateThPerS()).isEqualTo(124.5); // HS RT 124,500,000 MH/s
        assertThat(t.powerLimitW()).hasValue(3600.0); // status power_limit_set "3600" (below the 3800 W rating)
        assertThat(t.observedAtUtc()).isEqualTo(clock.instant());
        status.set("status-off.json");
        assertThat(driver("admin").readTelemetry().mode()).isEqualTo(DeviceMode.SLEEPING);
    }

    @Test
    void writesAreTheOpensslCiphertextOfTheCommandWithTheSign() throws Exception {
        status.set("status-off.json");
        var d = driver("admin");
        d.apply(DesiredState.RUN);
        String wire = requests().stream()
                .filter(r -> r.contains("\"enc\""))
                .findFirst()
                .orElseThrow();
        JsonNode req = LenientJson.parse(wire);
        assertThat(req.path("enc").asInt()).isEqualTo(1);
        assertThat(req.path("data").asText())
                .isEqualTo(WhatsminerV2CryptoTest.CIPHER); // {"cmd":"power_on","token":sign}
    }

    @Test
    void powerOffAsksToBeAnsweredBeforeTheBoardsGoOff() throws Exception {
        var d = driver("admin");
        d.apply(DesiredState.SLEEP);
        String plain = requests().stream()
                .filter(r -> r.contains("\"enc\""))
                .map(r -> WhatsminerV2Crypto.decrypt(
                        WhatsminerV2CryptoTest.KEY,
                        LenientJson.parse(r).path("data").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(plain)
                .isEqualTo("{\"cmd\":\"power_off\",\"respbefore\":\"true\",\"token\":\"" + WhatsminerV2CryptoTest.SIGN
                        + "\"}");
    }

    @Test
    void aLockedWriteApiIsDeniedWithTheReason() throws Exception {
        writeReply.set("write-locked.json");
        var d = driver("admin");
        assertThatThrownBy(() -> d.apply(DesiredState.SLEEP))
                .isInstanceOf(DeviceException.class)
                .hasMessageContaining("can't access write cmd")
                .hasMessageContaining("enable the write API")
                .extracting(e -> ((DeviceException) e).status())
                .isEqualTo(AckStatus.DENIED);
    }

    @Test
    void aTokenErrorFetchesOneNewTokenThenGivesUpAsDenied() throws Exception {
        writeReply.set("token-error.json");
        var d = driver("admin");
        assertThatThrownBy(() -> d.apply(DesiredState.SLEEP))
                .hasMessageContaining("check token error")
                .hasMessageContaining("wrong admin password");
        assertThat(requests().stream().filter(r -> r.contains("get_token"))).hasSize(2);
    }
}
