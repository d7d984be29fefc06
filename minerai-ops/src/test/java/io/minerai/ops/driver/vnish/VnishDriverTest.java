package io.minerai.ops.driver.vnish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.ops.device.AckStatus;
import io.minerai.ops.device.DesiredState;
import io.minerai.ops.device.DeviceException;
import io.minerai.ops.device.DeviceMode;
import io.minerai.ops.driver.http.JsonHttp;
import io.minerai.ops.emulator.rig.EmulatedRig;
import io.minerai.ops.emulator.vnish.VnishEmulator;
import io.minerai.ops.fixtures.Fixtures;
import io.minerai.ops.fixtures.ScriptedHttpServer;
import io.minerai.ops.fixtures.ScriptedHttpServer.Answer;
import io.minerai.ops.sim.FakeClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The VNish driver against the documented replies (fixtures/vnish) and against the emulator. */
class VnishDriverTest {
    static final String FW = "vnish";
    final FakeClock clock = new FakeClock(Instant.parse("2026-01-10T12:00:00Z"));
    final List<AutoCloseable> open = new ArrayList<>();
    final EmulatedRig rig = new EmulatedRig(new EmulatedRig.Spec("vn1", 3400, 45, 104, 2000, "admin1"), clock);

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    VnishDriver driver(URI base, String password) {
        return new VnishDriver(
                "vn1", JsonHttp.of(base, "vn1", Duration.ofSeconds(2), Duration.ofSeconds(2)), password, 3400, clock);
    }

    VnishEmulator emulator() throws Exception {
        VnishEmulator e = new VnishEmulator(rig, 3);
        open.add(e);
        return e;
    }

    ScriptedHttpServer replay(AtomicReference<String> summary, String unlock) throws Exception {
        ScriptedHttpServer s = new ScriptedHttpServer(req -> switch (req.path()) {
            case "/api/v1/summary" ->
                new Answer(200, Fixtures.reply(FW, summary.get()).toString());
            case "/api/v1/perf-summary" ->
                new Answer(200, Fixtures.reply(FW, "perf-summary.json").toString());
            case "/api/v1/autotune/presets" ->
                new Answer(200, Fixtures.reply(FW, "presets.json").toString());
            case "/api/v1/settings" ->
                new Answer(200, Fixtures.reply(FW, "settings-saved.json").toString());
            case "/api/v1/unlock" ->
                new Answer(
                        unlock.equals("unlock-ok.json") ? 200 : 403,
                        Fixtures.reply(FW, unlock).toString());
            default -> new Answer(200, "");
        });
        open.add(s);
        return s;
    }

    // ---- fixtures ----

    @Test
    void readsWattsFromPowerConsumptionNotTheDeprecatedPowerUsage() throws Exception {
        var s = replay(new AtomicReference<>("summary-mining.json"), "unlock-ok.json");
        var t = driver(s.base(), "admin").readTelemetry();
        assertThat(t.mode()).isEqualTo(DeviceMode.RUNNING);
        assertThat(t.powerW()).isEqualTo(3068.0); // power_consumption; power_usage (30) is J/TH
        assertThat(t.hashrateThPerS()).isEqualTo(103.4125); // hr_realtime 103,412.5 GH/s
        assertThat(t.powerLimitW()).hasValue(3000.0); // current preset "3000"
    }

    @Test
    void stopIsAuthorisedWithTheUnlockTokenAsBearer() throws Exception {
        var summary = new AtomicReference<>("summary-mining.json");
        var s = replay(summary, "unlock-ok.json");
        var d = driver(s.base(), "admin");
        summary.set("summary-stopped.json");
        assertThat(d.readTelemetry().mode()).isEqualTo(DeviceMode.SLEEPING);
        d.apply(DesiredState.SLEEP);
        var stop = s.seen().stream()
                .filter(x -> x.path().equals("/api/v1/mining/stop"))
                .findFirst()
                .orElseThrow();
        assertThat(stop.authorization()).isEqualTo("Bearer b2a4c19f6e0d4f1c");
        assertThat(s.seen().stream()
                        .filter(x -> x.path().equals("/api/v1/unlock"))
                        .findFirst()
                        .orElseThrow()
                        .body())
                .isEqualTo("{\"pw\":\"admin\"}");
    }

    @Test
    void aPowerTargetPicksTheHighestPresetNotAboveIt() throws Exception {
        var s = replay(new AtomicReference<>("summary-mining.json"), "unlock-ok.json");
        var d = driver(s.base(), "admin");
        d.apply(new DesiredState.PowerTarget(2900)); // presets 2200, 2600, 3000, 3495 -> 2600
        var save = s.seen().stream()
                .filter(x -> x.path().equals("/api/v1/settings"))
                .findFirst()
                .orElseThrow();
        assertThat(save.body()).isEqualTo("{\"miner\":{\"overclock\":{\"preset\":\"2600\"}}}");
        assertThat(s.seen()).anyMatch(x -> x.path().equals("/api/v1/mining/restart")); // restart_required
        assertThat(d.apply(new DesiredState.PowerTarget(1500)).status()).isEqualTo(AckStatus.UNSUPPORTED);
        assertThat(d.capabilities().minPowerTargetW()).isEqualTo(2200.0);
    }

    @Test
    void aWrongPasswordIsDenied() throws Exception {
        var s = replay(new AtomicReference<>("summary-mining.json"), "unlock-wrong-password.json");
        assertThatThrownBy(() -> driver(s.base(), "nope").apply(DesiredState.SLEEP))
                .hasMessageContaining("403 wrong password")
                .extracting(e -> ((DeviceException) e).status())
                .isEqualTo(AckStatus.DENIED);
    }

    // ---- emulator ----

    @Test
    void sleepsWakesAndTargetsOnTheEmulator() throws Exception {
        rig.delays(new EmulatedRig.Delays(Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ZERO));
        var e = emulator();
        var d = driver(URI.create(e.baseUrl()), "admin1");
        assertThat(d.apply(DesiredState.SLEEP).status()).isEqualTo(AckStatus.CONFIRMED);
        assertThat(d.apply(DesiredState.RUN).status()).isEqualTo(AckStatus.ACCEPTED); // starting
        clock.advance(Duration.ofSeconds(61));
        assertThat(d.apply(DesiredState.RUN).status()).isEqualTo(AckStatus.CONFIRMED);
        // presets 2000 (untuned), 2350, 2700, 3050, 3400: 2800 -> 2700, tuned: in force after the tuning delay
        var r = d.apply(new DesiredState.PowerTarget(2800));
        assertThat(r.status()).isEqualTo(AckStatus.ACCEPTED);
        clock.advance(Duration.ofSeconds(121));
        var t = d.readTelemetry();
        assertThat(t.powerW()).isEqualTo(2700.0);
        assertThat(t.powerLimitW()).hasValue(2700.0);
        assertThat(d.apply(new DesiredState.PowerTarget(2800)).status()).isEqualTo(AckStatus.CONFIRMED);
        // run restores the operator's preset
        d.apply(DesiredState.RUN);
        assertThat(e.savedPreset()).isEqualTo("3400");
        clock.advance(Duration.ofSeconds(121));
        assertThat(d.readTelemetry().powerW()).isEqualTo(3400.0);
    }

    @Test
    void anExpiredTokenIsRenewedOnce() throws Exception {
        var e = emulator();
        var d = driver(URI.create(e.baseUrl()), "admin1");
        d.apply(DesiredState.SLEEP);
        e.forgetTokens(); // a firmware restart
        assertThat(d.apply(DesiredState.RUN).status()).isIn(AckStatus.CONFIRMED, AckStatus.ACCEPTED);
        assertThat(rig.asleep()).isFalse();
    }

    @Test
    void fiveWrongPasswordsLockTheUnlockEndpoint() throws Exception {
        var e = emulator();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> driver(URI.create(e.baseUrl()), "bad").apply(DesiredState.SLEEP))
                    .hasMessageContaining("403");
        }
        assertThatThrownBy(() -> driver(URI.create(e.baseUrl()), "admin1").apply(DesiredState.SLEEP))
                .hasMessageContaining("429");
        clock.advance(Duration.ofSeconds(61));
        assertThat(driver(URI.create(e.baseUrl()), "admin1")
                        .apply(DesiredState.SLEEP)
                        .status())
                .isEqualTo(AckStatus.CONFIRMED);
    }

    @Test
    void ignoredCommandsAreNotApplied() throws Exception {
        var e = emulator();
        rig.quirks().ignoreCommands(true);
        assertThat(driver(URI.create(e.baseUrl()), "admin1")
                        .apply(DesiredState.SLEEP)
                        .status())
                .isEqualTo(AckStatus.NOT_APPLIED);
    }
}
