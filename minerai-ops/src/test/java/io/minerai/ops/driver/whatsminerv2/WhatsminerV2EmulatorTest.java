package io.minerai.ops.driver.whatsminerv2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.ops.device.AckStatus;
import io.minerai.ops.device.DesiredState;
import io.minerai.ops.device.DeviceException;
import io.minerai.ops.device.DeviceMode;
import io.minerai.ops.emulator.LoopbackServer;
import io.minerai.ops.emulator.rig.EmulatedRig;
import io.minerai.ops.emulator.whatsminerv2.WhatsminerV2Emulator;
import io.minerai.ops.proto.TcpRequest;
import io.minerai.ops.sim.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The driver against the emulator: every command and the documented quirks, over real loopback sockets. */
class WhatsminerV2EmulatorTest {
    final FakeClock clock = new FakeClock(Instant.parse("2026-03-19T10:00:00Z"));
    final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    final EmulatedRig rig = new EmulatedRig(new EmulatedRig.Spec("wm2", 3400, 40, 110, 1700, "s3cret"), clock);

    @Nullable
    LoopbackServer server;

    WhatsminerV2Driver driver(String password) throws Exception {
        LoopbackServer s = server;
        if (s == null) {
            s = new LoopbackServer("wm2", new WhatsminerV2Emulator(rig, 7), executor);
            server = s;
        }
        return new WhatsminerV2Driver(
                "wm2",
                new TcpRequest(s.address(), Duration.ofSeconds(2), Duration.ofMillis(1500)),
                password,
                3400,
                1700,
                clock);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        executor.shutdownNow();
    }

    @Test
    void sleepsAndWakesConfirmedByWhatTheMinerThenReports() throws Exception {
        var d = driver("s3cret");
        var t = d.readTelemetry();
        assertThat(t.mode()).isEqualTo(DeviceMode.RUNNING);
        assertThat(t.powerW()).isEqualTo(3400.0);
        assertThat(t.hashrateThPerS()).isEqualTo(110.0);
        assertThat(d.apply(DesiredState.SLEEP).status()).isEqualTo(AckStatus.CONFIRMED);
        assertThat(d.readTelemetry().powerW()).isEqualTo(40.0);
        assertThat(d.apply(DesiredState.RUN).status()).isEqualTo(AckStatus.CONFIRMED);
        assertThat(rig.truePowerW()).isEqualTo(3400.0);
    }

    @Test
    void wakingIsOnlyAcceptedWhileTheBoardsStart() throws Exception {
        rig.delays(new EmulatedRig.Delays(Duration.ofSeconds(90), Duration.ZERO, Duration.ZERO));
        var d = driver("s3cret");
        d.apply(DesiredState.SLEEP);
        var r = d.apply(DesiredState.RUN);
        assertThat(r.status()).isEqualTo(AckStatus.ACCEPTED);
        assertThat(r.detail()).contains("no hashrate yet");
        clock.advance(Duration.ofSeconds(91));
        assertThat(d.readTelemetry().hashrateThPerS()).isEqualTo(110.0);
    }

    @Test
    void aPowerTargetRebootsTheMinerAndShowsOnceItIsBack() throws Exception {
        rig.delays(new EmulatedRig.Delays(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(120)));
        var d = driver("s3cret");
        var r = d.apply(new DesiredState.PowerTarget(2500));
        assertThat(r.status()).isEqualTo(AckStatus.ACCEPTED);
        assertThat(r.detail()).contains("reboots");
        assertThatThrownBy(d::readTelemetry) // rebooting: no answer
                .isInstanceOf(DeviceException.class)
                .extracting(e -> ((DeviceException) e).status())
                .isEqualTo(AckStatus.UNREACHABLE);
        clock.advance(Duration.ofSeconds(121));
        var t = d.readTelemetry();
        assertThat(t.powerLimitW()).hasValue(2500.0);
        assertThat(t.powerW()).isEqualTo(2500.0);
        // the same target again sends nothing and is confirmed at once
        assertThat(d.apply(new DesiredState.PowerTarget(2500)).status()).isEqualTo(AckStatus.CONFIRMED);
        // run restores the stock limit (another reboot)
        assertThat(d.apply(DesiredState.RUN).status()).isEqualTo(AckStatus.ACCEPTED);
        clock.advance(Duration.ofSeconds(121));
        assertThat(d.readTelemetry().powerLimitW()).isEmpty();
    }

    @Test
    void aTargetBelowTheLowestLimitIsUnsupportedSoTheControllerSleepsInstead() throws Exception {
        var r = driver("s3cret").apply(new DesiredState.PowerTarget(900));
        assertThat(r.status()).isEqualTo(AckStatus.UNSUPPORTED);
        assertThat(rig.commandsApplied()).isZero();
    }

    @Test
    void aWrongPasswordIsDeniedWithItsReason() throws Exception {
        var d = driver("wrong");
        assertThatThrownBy(() -> d.apply(DesiredState.SLEEP))
                .hasMessageContaining("check token error")
                .extracting(e -> ((DeviceException) e).status())
                .isEqualTo(AckStatus.DENIED);
        assertThat(rig.asleep()).isFalse();
    }

    @Test
    void aLockedWriteApiIsDenied() throws Exception {
        rig.quirks().accessDenied(true);
        assertThatThrownBy(() -> driver("s3cret").apply(DesiredState.SLEEP))
                .hasMessageContaining("can't access write cmd");
    }

    @Test
    void theTokenIsReusedForItsLifeSoTheMinersTokenLimitIsNeverHit() throws Exception {
        var d = driver("s3cret");
        for (int i = 0; i < 40; i++) { // 40 writes > the 32 tokens one client may hold
            d.apply(i % 2 == 0 ? DesiredState.SLEEP : DesiredState.RUN);
            clock.advance(Duration.ofSeconds(30));
        }
        assertThat(rig.commandsApplied()).isEqualTo(40);
    }

    @Test
    void aFreshDriverPerCommandRunsIntoTheTokenLimit() throws Exception {
        for (int i = 0; i < 32; i++) {
            driver("s3cret").apply(DesiredState.SLEEP);
        }
        assertThatThrownBy(() -> driver("s3cret").apply(DesiredState.SLEEP))
                .hasMessageContaining("token over max times");
        clock.advance(Duration.ofMinutes(31)); // tokens expire
        assertThat(driver("s3cret").apply(DesiredState.SLEEP).status()).isEqualTo(AckStatus.CONFIRMED);
    }

    @Test
    void ignoredCommandsAreNotApplied() throws Exception {
        rig.quirks().ignoreCommands(true);
        assertThat(driver("s3cret").apply(DesiredState.SLEEP).status()).isEqualTo(AckStatus.NOT_APPLIED);
    }

    @Test
    void frozenTelemetryKeepsItsFirstObservedTime() throws Exception {
        var d = driver("s3cret");
        rig.quirks().staleTelemetry(true);
        Instant first = d.readTelemetry().observedAtUtc();
        clock.advance(Duration.ofMinutes(5));
        assertThat(d.readTelemetry().observedAtUtc()).isEqualTo(first);
    }
}
