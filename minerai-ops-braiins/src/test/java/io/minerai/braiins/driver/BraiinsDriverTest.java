package io.minerai.braiins.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import braiins.bos.v1.Common.SaveAction;
import braiins.bos.v1.Performance.SetPowerTargetRequest;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.minerai.braiins.emulator.BraiinsEmulator;
import io.minerai.ops.device.AckStatus;
import io.minerai.ops.device.DesiredState;
import io.minerai.ops.device.DeviceException;
import io.minerai.ops.device.DeviceMode;
import io.minerai.ops.emulator.rig.EmulatedRig;
import io.minerai.ops.sim.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Braiins OS driver over real gRPC (generated stubs, in-process transport): against fixtures of recorded replies
 * and against the emulator.
 */
class BraiinsDriverTest {
    final FakeClock clock = new FakeClock(Instant.parse("2026-04-17T12:00:00Z"));
    final List<AutoCloseable> open = new ArrayList<>();
    final EmulatedRig rig = new EmulatedRig(new EmulatedRig.Spec("bos1", 3250, 30, 140, 1600, "pa55"), clock);

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    ManagedChannel channel(String name) {
        ManagedChannel ch =
                InProcessChannelBuilder.forName(name).directExecutor().build();
        open.add(ch::shutdownNow);
        return ch;
    }

    BraiinsDriver driver(String name, String password, double ratedW) {
        return new BraiinsDriver("bos1", channel(name), "root", password, ratedW, Duration.ofSeconds(5), clock);
    }

    BraiinsFixtureServer fixtures() throws Exception {
        String name = "bos-fx-" + UUID.randomUUID();
        BraiinsFixtureServer s = new BraiinsFixtureServer(name);
        open.add(s);
        lastName = name;
        return s;
    }

    String lastName = "";

    BraiinsEmulator emulator() throws Exception {
        String name = "bos-emu-" + UUID.randomUUID();
        BraiinsEmulator e = BraiinsEmulator.inProcess(rig, name, 5);
        open.add(e);
        lastName = name;
        return e;
    }

    // ---- fixtures (recorded replies of Braiins OS 25.07 and 26.04) ----

    @Test
    void readsTheRecordedReplies() throws Exception {
        var fx = fixtures();
        var d = driver(lastName, "pw", 3250);
        var t = d.readTelemetry();
        assertThat(t.mode()).isEqualTo(DeviceMode.RUNNING); // status 2 NORMAL
        assertThat(t.powerW()).isEqualTo(3137.0); // power_stats.approximated_consumption.watt
        assertThat(t.hashrateThPerS()).isCloseTo(141.46356540072063, within(1e-9)); // last_5s GH/s
        assertThat(t.powerLimitW()).hasValue(3031.0); // tuner current_target
        // every call carried the token Login answered
        assertThat(fx.calls).first().isEqualTo("Login -");
        assertThat(fx.calls.subList(1, fx.calls.size())).allMatch(c -> c.endsWith(" eUInGZBQ4yGyKiDe"));
        fx.details.set("miner-details-v26_04.json");
        fx.stats.set("miner-stats-v26_04.json");
        fx.tuner.set("tuner-state-v26_04.json");
        var t26 = driver(lastName, "pw", 3600).readTelemetry();
        assertThat(t26.powerW()).isEqualTo(3480.0);
        assertThat(t26.hashrateThPerS()).isCloseTo(248186.67720002498 / 1000, within(1e-9));
        assertThat(t26.powerLimitW()).hasValue(3500.0);
        fx.details.set("miner-details-paused.json");
        fx.stats.set("miner-stats-paused.json");
        assertThat(driver(lastName, "pw", 3600).readTelemetry().mode()).isEqualTo(DeviceMode.SLEEPING);
    }

    @Test
    void aPowerTargetIsSavedAndAppliedWithinTheReportedRange() throws Exception {
        var fx = fixtures();
        var d = driver(lastName, "pw", 3250);
        d.apply(new DesiredState.PowerTarget(2500));
        var set = fx.requests.stream()
                .filter(m -> m instanceof SetPowerTargetRequest)
                .map(m -> (SetPowerTargetRequest) m)
                .findFirst()
                .orElseThrow();
        assertThat(set.getSaveAction()).isEqualTo(SaveAction.SAVE_ACTION_SAVE_AND_APPLY);
        assertThat(set.getPowerTarget().getWatt()).isEqualTo(2500);
        // constraints.json: min 1500 W
        assertThat(d.apply(new DesiredState.PowerTarget(1200)).status()).isEqualTo(AckStatus.UNSUPPORTED);
        assertThat(d.capabilities().minPowerTargetW()).isEqualTo(1500.0);
    }

    // ---- emulator ----

    @Test
    void sleepsWakesAndTargetsOnTheEmulator() throws Exception {
        rig.delays(new EmulatedRig.Delays(Duration.ofSeconds(30), Duration.ofSeconds(300), Duration.ZERO));
        emulator();
        var d = driver(lastName, "pa55", 3250);
        assertThat(d.apply(DesiredState.SLEEP).status()).isEqualTo(AckStatus.CONFIRMED);
        assertThat(d.readTelemetry().powerW()).isEqualTo(30.0);
        assertThat(d.apply(DesiredState.RUN).status()).isEqualTo(AckStatus.ACCEPTED);
        clock.advance(Duration.ofSeconds(31));
        assertThat(d.readTelemetry().hashrateThPerS()).isCloseTo(140.0, within(1e-9));
        var r = d.apply(new DesiredState.PowerTarget(2600));
        assertThat(r.status()).isEqualTo(AckStatus.ACCEPTED); // the tuner takes 5 minutes here
        clock.advance(Duration.ofSeconds(301));
        assertThat(d.apply(new DesiredState.PowerTarget(2600)).status()).isEqualTo(AckStatus.CONFIRMED);
        assertThat(rig.truePowerW()).isEqualTo(2600.0);
        d.apply(DesiredState.RUN); // back to the operator's target
        assertThat(rig.targetW()).isEqualTo(3250.0);
    }

    @Test
    void anExpiredSessionLogsInAgainOnceAndTheLegacyHeaderTokenWorks() throws Exception {
        var e = emulator().tokenInHeaderOnly(true);
        var d = driver(lastName, "pa55", 3250);
        assertThat(d.readTelemetry().mode()).isEqualTo(DeviceMode.RUNNING);
        clock.advance(Duration.ofSeconds(3601)); // idle past timeout_s
        assertThat(d.readTelemetry().mode()).isEqualTo(DeviceMode.RUNNING);
        e.endSessions();
        assertThat(d.apply(DesiredState.SLEEP).status()).isEqualTo(AckStatus.CONFIRMED);
    }

    @Test
    void aWrongPasswordALockedApiAndAnUnreachableMinerSayWhy() throws Exception {
        emulator();
        assertThatThrownBy(() -> driver(lastName, "nope", 3250).readTelemetry())
                .hasMessageContaining("wrong username or password")
                .extracting(x -> ((DeviceException) x).status())
                .isEqualTo(AckStatus.DENIED);
        var d = driver(lastName, "pa55", 3250);
        rig.quirks().accessDenied(true);
        assertThatThrownBy(() -> d.apply(DesiredState.SLEEP))
                .hasMessageContaining("PERMISSION_DENIED")
                .extracting(x -> ((DeviceException) x).status())
                .isEqualTo(AckStatus.DENIED);
        rig.quirks().clear().dropConnections(true);
        assertThatThrownBy(d::readTelemetry)
                .extracting(x -> ((DeviceException) x).status())
                .isEqualTo(AckStatus.UNREACHABLE);
        rig.quirks().clear().ignoreCommands(true);
        assertThat(d.apply(DesiredState.SLEEP).status()).isEqualTo(AckStatus.NOT_APPLIED);
    }

    @Test
    void aTargetOutsideTheRangeIsRefusedByTheFirmwareAsUnsupported() throws Exception {
        emulator();
        var d = driver(lastName, "pa55", 4000); // inventory rating above the device's max: the driver clamps
        assertThat(d.apply(new DesiredState.PowerTarget(3900)).status()).isIn(AckStatus.CONFIRMED, AckStatus.ACCEPTED);
        assertThat(rig.targetW()).isEqualTo(3250.0);
    }

    @Test
    void overLoopbackNettyToo() throws Exception {
        try (BraiinsEmulator e = BraiinsEmulator.loopback(rig, 9)) {
            ManagedChannel ch = io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder.forAddress("127.0.0.1", e.port())
                    .usePlaintext()
                    .build();
            try {
                var d = new BraiinsDriver("bos1", ch, "root", "pa55", 3250, Duration.ofSeconds(5), clock);
                assertThat(d.apply(DesiredState.SLEEP).status()).isEqualTo(AckStatus.CONFIRMED);
            } finally {
                ch.shutdownNow();
            }
        }
    }
}
