package io.minerai.ops.driver.epic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.minerai.ops.device.AckStatus;
import io.minerai.ops.device.DesiredState;
import io.minerai.ops.device.DeviceException;
import io.minerai.ops.device.DeviceMode;
import io.minerai.ops.driver.http.JsonHttp;
import io.minerai.ops.emulator.epic.EpicEmulator;
import io.minerai.ops.emulator.rig.EmulatedRig;
import io.minerai.ops.fixtures.Fixtures;
import io.minerai.ops.fixtures.ScriptedHttpServer;
import io.minerai.ops.proto.LenientJson;
import io.minerai.ops.sim.FakeClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ePIC driver against recorded / documented replies and against the emulator. */
class EpicDriverTest {
    static final String FW = "epic";
    final FakeClock clock = new FakeClock(Instant.parse("2025-08-14T01:00:00Z"));
    final List<AutoCloseable> open = new ArrayList<>();
    final EmulatedRig rig = new EmulatedRig(new EmulatedRig.Spec("epic1", 3350, 60, 142, 1700, "letmein"), clock);

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    EpicDriver driver(URI base, String password) {
        return new EpicDriver(
                "epic1",
                JsonHttp.of(base, "epic1", Duration.ofSeconds(2), Duration.ofSeconds(2)),
                password,
                3350,
                clock);
    }

    EpicDriver onEmulator(boolean powerAlgo) throws Exception {
        EpicEmulator e = new EpicEmulator(rig, powerAlgo);
        open.add(e);
        return driver(URI.create(e.baseUrl()), "letmein");
    }

    ScriptedHttpServer replay(AtomicReference<String> summary, AtomicReference<String> write) throws Exception {
        ScriptedHttpServer s = new ScriptedHttpServer(req -> switch (req.path()) {
            case "/summary" ->
                new ScriptedHttpServer.Answer(
                        200, Fixtures.reply(FW, summary.get()).toString());
            case "/capabilities" ->
                new ScriptedHttpServer.Answer(
                        200, Fixtures.reply(FW, "capabilities-no-power.json").toString());
            default ->
                new ScriptedHttpServer.Answer(
                        200, Fixtures.reply(FW, write.get()).toString());
        });
        open.add(s);
        return s;
    }

    // ---- fixtures ----

    @Test
    void readsTheRecordedSummary() throws Exception {
        var s = replay(new AtomicReference<>("summary-mining.json"), new AtomicReference<>("miner-ok.json"));
        var t = driver(s.base(), "letmein").readTelemetry();
        assertThat(t.mode()).isEqualTo(DeviceMode.RUNNING);
        assertThat(t.powerW()).isEqualTo(2166.6174); // Power Supply Stats / Input Power
        assertThat(t.hashrateThPerS()).isCloseTo((49440724.0 + 49925124.0) / 1e6, within(1e-9)); // two boards, MH/s
        assertThat(t.powerLimitW()).isEmpty(); // VoltageOptimizer 143 TH/s is no power limit
    }

    @Test
    void idlingIsAsleepAndStopCarriesThePasswordInTheBody() throws Exception {
        var summary = new AtomicReference<>("summary-mining.json");
        var s = replay(summary, new AtomicReference<>("miner-ok.json"));
        var d = driver(s.base(), "letmein");
        summary.set("summary-idling.json");
        assertThat(d.readTelemetry().mode()).isEqualTo(DeviceMode.SLEEPING);
        summary.set("summary-mining.json");
        d.apply(DesiredState.SLEEP); // the replayed summary still says Mining
        JsonNode body = LenientJson.parse(s.seen().stream()
                .filter(x -> x.path().equals("/miner"))
                .findFirst()
                .orElseThrow()
                .body());
        assertThat(body.path("param").asText()).isEqualTo("Stop");
        assertThat(body.path("password").asText()).isEqualTo("letmein");
    }

    @Test
    void aBadPasswordIsDeniedAndAPendingCommandFailsWithItsReason() throws Exception {
        var write = new AtomicReference<>("bad-password.json");
        var s = replay(new AtomicReference<>("summary-mining.json"), write);
        var d = driver(s.base(), "nope");
        assertThatThrownBy(() -> d.apply(DesiredState.SLEEP))
                .hasMessageContaining("BadPassword")
                .extracting(e -> ((DeviceException) e).status())
                .isEqualTo(AckStatus.DENIED);
        write.set("last-command-pending.json");
        assertThatThrownBy(() -> d.apply(DesiredState.SLEEP))
                .hasMessageContaining("LastCmdStillPending")
                .hasMessageContaining("has not finished");
    }

    @Test
    void aModelWithoutThePowerAlgorithmTakesNoPowerTarget() throws Exception {
        var s = replay(new AtomicReference<>("summary-mining.json"), new AtomicReference<>("miner-ok.json"));
        var r = driver(s.base(), "letmein").apply(new DesiredState.PowerTarget(2500));
        assertThat(r.status()).isEqualTo(AckStatus.UNSUPPORTED);
        assertThat(s.seen()).noneMatch(x -> x.method().equals("POST"));
    }

    // ---- emulator ----

    @Test
    void sleepsAndWakesThroughTheStartUpStates() throws Exception {
        rig.delays(new EmulatedRig.Delays(Duration.ofMinutes(3), Duration.ZERO, Duration.ZERO));
        var d = onEmulator(true);
        assertThat(d.apply(DesiredState.SLEEP).status()).isEqualTo(AckStatus.CONFIRMED);
        assertThat(rig.truePowerW()).isEqualTo(60.0);
        var r = d.apply(DesiredState.RUN);
        assertThat(r.status()).isEqualTo(AckStatus.ACCEPTED);
        assertThat(r.detail()).contains("Initializing");
        // a second command while starting is refused by the firmware
        assertThatThrownBy(() -> d.apply(DesiredState.SLEEP)).hasMessageContaining("LastCmdStillPending");
        clock.advance(Duration.ofMinutes(3));
        assertThat(d.readTelemetry().hashrateThPerS()).isCloseTo(142.0, within(1e-6));
        assertThat(d.apply(DesiredState.RUN).status()).isEqualTo(AckStatus.CONFIRMED);
    }

    @Test
    void aPowerTargetUsesThePowerAlgorithmWithinTheReportedRangeAndRunRestoresTheOperatorsTune() throws Exception {
        rig.delays(new EmulatedRig.Delays(Duration.ZERO, Duration.ofSeconds(60), Duration.ZERO));
        var d = onEmulator(true);
        var r = d.apply(new DesiredState.PowerTarget(2400));
        assertThat(r.status()).isEqualTo(AckStatus.ACCEPTED); // still drawing the old power while tuning
        clock.advance(Duration.ofSeconds(61));
        var t = d.readTelemetry();
        assertThat(t.powerW()).isEqualTo(2400.0);
        assertThat(t.powerLimitW()).hasValue(2400.0);
        assertThat(d.capabilities().minPowerTargetW()).isEqualTo(1700.0);
        assertThat(d.apply(new DesiredState.PowerTarget(1000)).status()).isEqualTo(AckStatus.UNSUPPORTED);
        d.apply(DesiredState.RUN);
        clock.advance(Duration.ofSeconds(61));
        var back = d.readTelemetry();
        assertThat(back.powerLimitW()).isEmpty();
        assertThat(back.powerW()).isEqualTo(3350.0); // VoltageOptimizer 142 TH/s again
    }

    @Test
    void ignoredCommandsAreNotAppliedAndADroppedConnectionIsUnreachable() throws Exception {
        var d = onEmulator(true);
        rig.quirks().ignoreCommands(true);
        assertThat(d.apply(DesiredState.SLEEP).status()).isEqualTo(AckStatus.NOT_APPLIED);
        rig.quirks().clear().dropConnections(true);
        assertThatThrownBy(d::readTelemetry)
                .isInstanceOf(DeviceException.class)
                .extracting(e -> ((DeviceException) e).status())
                .isEqualTo(AckStatus.UNREACHABLE);
    }
}
