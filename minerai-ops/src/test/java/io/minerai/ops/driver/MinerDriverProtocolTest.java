package io.minerai.ops.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.ops.device.AckStatus;
import io.minerai.ops.device.CommandResult;
import io.minerai.ops.device.DesiredState;
import io.minerai.ops.device.DeviceDriver;
import io.minerai.ops.device.DeviceException;
import io.minerai.ops.device.DeviceMode;
import io.minerai.ops.device.DeviceTelemetry;
import io.minerai.ops.emulator.EmulatorFleet;
import io.minerai.ops.emulator.Firmware;
import io.minerai.ops.emulator.VirtualMiner;
import io.minerai.ops.proto.CgminerReply;
import io.minerai.ops.proto.TcpRequest;
import io.minerai.ops.sim.FakeClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every command and quirk of the miner drivers, against the loopback emulators. */
class MinerDriverProtocolTest {
    final FakeClock clock = new FakeClock(Instant.parse("2024-08-19T20:00:00Z"));
    final EmulatorFleet fleet = new EmulatorFleet();
    static final EmulatorFleet.Timeouts FAST =
            new EmulatorFleet.Timeouts(Duration.ofSeconds(2), Duration.ofMillis(1500));

    @AfterEach
    void stop() {
        fleet.close();
    }

    VirtualMiner miner(Firmware fw) {
        return new VirtualMiner("m-" + fw, fw, 3250, 60, 104, "secret", clock);
    }

    CgminerRpc rpc(EmulatorFleet.MinerEndpoints e, boolean text) {
        return new CgminerRpc(new TcpRequest(nn(e.rpc()), Duration.ofSeconds(2), Duration.ofMillis(1500)), text);
    }

    // ---- cgminer RPC (stock firmware) ----

    @Test
    void stockRpcReadsInJsonAndTextAndDeniesEverythingElse() throws Exception {
        var e = fleet.add(miner(Firmware.ANTMINER_STOCK));
        for (boolean text : new boolean[] {false, true}) {
            CgminerRpc r = rpc(e, text);
            CgminerReply sum = r.checked("summary", "");
            assertThat(MinerReadings.hashrateThPerS(sum.first("SUMMARY"))).isCloseTo(104.0, within(0.01));
            CgminerReply stats = r.checked("stats", "");
            assertThat(stats.section("STATS")).hasSize(2);
            assertThat(stats.section("STATS").get(0).has("Type")).isTrue();
            assertThat(MinerReadings.statsPowerW(stats)).isEqualTo(3250.0);
            assertThat(r.checked("pools", "").section("POOLS")).hasSize(2);
            assertThat(r.checked("devs", "").first("DEVS").has("Tenperature")).isTrue();
            assertThat(r.checked("version", "").first("VERSION").get("BMMiner").asText())
                    .isEqualTo("1.0.0");
            for (String privileged : new String[] {"restart", "config", "switchpool", "privileged"}) {
                CgminerReply d = r.command(privileged, privileged.equals("switchpool") ? "1" : "");
                assertThat(d.accessDenied()).as(privileged).isTrue();
                assertThat(d.status().code()).isEqualTo(45);
            }
            assertThatThrownBy(() -> r.checked("restart", ""))
                    .isInstanceOfSatisfying(
                            DeviceException.class, x -> assertThat(x.status()).isEqualTo(AckStatus.DENIED));
        }
    }

    @Test
    void genericCgminerDriverIsReadOnly() throws Exception {
        var e = fleet.add(miner(Firmware.ANTMINER_STOCK));
        CgminerDriver d = new CgminerDriver("x", rpc(e, false), clock);
        DeviceTelemetry t = d.readTelemetry();
        assertThat(t.mode()).isEqualTo(DeviceMode.RUNNING);
        assertThat(t.powerW()).isEqualTo(3250.0);
        assertThat(d.apply(DesiredState.SLEEP).status()).isEqualTo(AckStatus.UNSUPPORTED);
    }

    // ---- stock Antminer web CGI ----

    @Test
    void antminerSleepsAndWakesThroughTheCgiAndConfirmsByRereading() throws Exception {
        var e = fleet.add(miner(Firmware.ANTMINER_STOCK));
        DeviceDriver d = EmulatorFleet.driver(e, FAST, clock);
        assertThat(d.readTelemetry().mode()).isEqualTo(DeviceMode.RUNNING);
        CommandResult sleep = d.apply(DesiredState.SLEEP);
        assertThat(sleep.status()).isEqualTo(AckStatus.CONFIRMED);
        assertThat(sleep.detail()).contains("miner-mode and bitmain-work-mode");
        clock.advance(Duration.ofSeconds(5));
        DeviceTelemetry t = d.readTelemetry();
        assertThat(t.mode()).isEqualTo(DeviceMode.SLEEPING);
        assertThat(t.hashrateThPerS()).isZero();
        assertThat(t.powerW()).isEqualTo(60.0);
        assertThat(d.apply(DesiredState.SLEEP).status()).isEqualTo(AckStatus.CONFIRMED); // already asleep: no write
        assertThat(d.apply(DesiredState.RUN).status()).isEqualTo(AckStatus.CONFIRMED);
        assertThat(e.miner().workMode()).isZero();
        assertThat(d.apply(new DesiredState.PowerTarget(2000)).status()).isEqualTo(AckStatus.UNSUPPORTED);
    }

    @Test
    void antminerFirmwareThatIgnoresBitmainWorkModeStillSleepsViaMinerMode() throws Exception {
        var e = fleet.add(
                miner(Firmware.ANTMINER_STOCK).variant(io.minerai.ops.emulator.AntminerVariant.S19J_PRO_DEC_2022));
        DigestHttpClient web = new DigestHttpClient(
                URI.create("http://127.0.0.1:" + nn(e.web()).getPort()),
                "root",
                "secret",
                Duration.ofSeconds(2),
                Duration.ofSeconds(2));
        // Writing the key the config reports is answered OK and does nothing (256foundation/asic-rs#249).
        String reply = web.send("POST", "/cgi-bin/set_miner_conf.cgi", "{\"bitmain-work-mode\":\"1\"}");
        assertThat(reply).contains("M000");
        assertThat(e.miner().sleeping()).isFalse();
        DeviceDriver d = EmulatorFleet.driver(e, FAST, clock);
        assertThat(d.apply(DesiredState.SLEEP).status()).isEqualTo(AckStatus.CONFIRMED);
        assertThat(e.miner().sleeping()).isTrue();
    }

    @Test
    void antminerWakeRestoresThePreviousWorkMode() throws Exception {
        var e = fleet.add(miner(Firmware.ANTMINER_STOCK));
        DigestHttpClient web = new DigestHttpClient(
                URI.create("http://127.0.0.1:" + nn(e.web()).getPort()),
                "root",
                "secret",
                Duration.ofSeconds(2),
                Duration.ofSeconds(2));
        web.send("POST", "/cgi-bin/set_miner_conf.cgi", "{\"miner-mode\":3}"); // low-power mode (asic-rs: 3 = Low)
        DeviceDriver d = EmulatorFleet.driver(e, FAST, clock);
        d.apply(DesiredState.SLEEP);
        d.apply(DesiredState.RUN);
        assertThat(e.miner().workMode()).isEqualTo(3); // resume is not "normal"
    }

    @Test
    void antminerQuirks() throws Exception {
        var e = fleet.add(miner(Firmware.ANTMINER_STOCK));
        DeviceDriver d = EmulatorFleet.driver(e, FAST, clock);
        e.miner().quirks().ignoreCommands(true);
        assertThat(d.apply(DesiredState.SLEEP).status()).isEqualTo(AckStatus.NOT_APPLIED);
        e.miner().quirks().clear().accessDenied(true);
        assertThat(statusOf(d, DesiredState.SLEEP)).isEqualTo(AckStatus.DENIED);
        e.miner().quirks().clear().slowReply(Duration.ofSeconds(2));
        assertThat(statusOf(d, DesiredState.SLEEP)).isEqualTo(AckStatus.TIMEOUT);
        e.miner().quirks().clear().dropConnections(true);
        assertThat(statusOf(d, DesiredState.SLEEP)).isEqualTo(AckStatus.UNREACHABLE);
        assertThatThrownBy(d::readTelemetry)
                .isInstanceOfSatisfying(
                        DeviceException.class, x -> assertThat(x.status()).isEqualTo(AckStatus.UNREACHABLE));
        e.miner().quirks().clear();
        DeviceDriver wrong = new AntminerStockDriver(
                "x",
                rpc(e, false),
                new DigestHttpClient(
                        URI.create("http://127.0.0.1:" + nn(e.web()).getPort()),
                        "root",
                        "nope",
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(2)),
                clock);
        assertThat(statusOf(wrong, DesiredState.SLEEP)).isEqualTo(AckStatus.DENIED);
    }

    @Test
    void staleTelemetryKeepsItsOldObservationTime() throws Exception {
        var e = fleet.add(miner(Firmware.ANTMINER_STOCK));
        DeviceDriver d = EmulatorFleet.driver(e, FAST, clock);
        e.miner().quirks().staleTelemetry(true); // the device's "When" stops advancing
        Instant frozenAt = d.readTelemetry().observedAtUtc();
        clock.advance(Duration.ofMinutes(5));
        assertThat(d.readTelemetry().observedAtUtc()).isEqualTo(frozenAt);
        e.miner().quirks().clear();
        clock.advance(Duration.ofSeconds(1));
        assertThat(d.readTelemetry().observedAtUtc()).isEqualTo(clock.instant());
    }

    // ---- LuxOS ----

    @Test
    void luxosCurtailWakeAndProfilesWithAtmOffAroundProfileset() throws Exception {
        var e = fleet.add(miner(Firmware.LUXOS));
        LuxosDriver d = (LuxosDriver) EmulatorFleet.driver(e, FAST, clock);
        assertThat(d.profiles()).extracting(LuxosDriver.Profile::name).contains("190MHz", "490MHz", "default");
        assertThat(d.apply(DesiredState.SLEEP).status()).isEqualTo(AckStatus.CONFIRMED);
        assertThat(d.readTelemetry().mode()).isEqualTo(DeviceMode.SLEEPING);
        assertThat(e.miner().sessionId()).isNull(); // logged off in finally
        // the S19k Pro ladder scaled to 3250 W: 490MHz (step -4) = 3250 * 2192 / 2794 = 2550 W, the highest <= 2700
        CommandResult t = d.apply(new DesiredState.PowerTarget(2700));
        assertThat(t.status()).isEqualTo(AckStatus.CONFIRMED);
        assertThat(t.detail()).contains("490MHz");
        DeviceTelemetry tel = d.readTelemetry();
        assertThat(tel.mode()).isEqualTo(DeviceMode.RUNNING);
        assertThat(tel.powerLimitW().getAsDouble()).isEqualTo(2550.0);
        assertThat(tel.powerW()).isEqualTo(2550.0);
        assertThat(d.apply(DesiredState.RUN).status()).isEqualTo(AckStatus.CONFIRMED);
        assertThat(d.readTelemetry().powerW()).isEqualTo(3250.0);
        assertThat(d.apply(new DesiredState.PowerTarget(100)).status()).isEqualTo(AckStatus.UNSUPPORTED);
    }

    @Test
    void luxosProfilesetWithAtmOnIsAnsweredButIgnored() throws Exception {
        var e = fleet.add(miner(Firmware.LUXOS));
        CgminerRpc r = rpc(e, false);
        String sid = r.checked("logon", "").first("SESSION").get("SessionID").asText();
        CgminerReply set = r.checked("profileset", sid + ",190MHz");
        assertThat(set.first("PROFILE").get("Profile").asText()).isEqualTo("190MHz");
        assertThat(r.checked("config", "").first("CONFIG").get("Profile").asText())
                .isEqualTo("default");
        r.checked("logoff", sid);
    }

    @Test
    void luxosSingleSession402AndReuse() throws Exception {
        var e = fleet.add(miner(Firmware.LUXOS));
        CgminerRpc r = rpc(e, false);
        String sid = r.checked("logon", "").first("SESSION").get("SessionID").asText();
        CgminerReply second = r.command("logon", "");
        assertThat(second.status().code()).isEqualTo(402);
        assertThat(second.status().msg()).isEqualTo("Another session is active");
        DeviceDriver d = EmulatorFleet.driver(e, FAST, clock);
        assertThat(d.apply(DesiredState.SLEEP).status()).isEqualTo(AckStatus.CONFIRMED); // reuses the open session
        assertThat(e.miner().sessionId()).isEqualTo(sid); // and leaves it open: it is not ours
        assertThat(r.command("curtail", "wrong,wakeup").status().code()).isEqualTo(401);
    }

    @Test
    void luxosQuirks() throws Exception {
        var e = fleet.add(miner(Firmware.LUXOS));
        DeviceDriver d = EmulatorFleet.driver(e, FAST, clock);
        e.miner().quirks().ignoreCommands(true);
        assertThat(d.apply(DesiredState.SLEEP).status()).isEqualTo(AckStatus.NOT_APPLIED);
        e.miner().quirks().clear().accessDenied(true);
        assertThat(statusOf(d, DesiredState.SLEEP)).isEqualTo(AckStatus.DENIED);
        e.miner().quirks().clear().slowReply(Duration.ofSeconds(2));
        assertThat(statusOf(d, DesiredState.SLEEP)).isEqualTo(AckStatus.TIMEOUT);
        e.miner().quirks().clear().dropConnections(true);
        assertThat(statusOf(d, DesiredState.SLEEP)).isEqualTo(AckStatus.UNREACHABLE);
    }

    // ---- Whatsminer API v3 ----

    @Test
    void whatsminerServiceStopStartAndPowerLimit() throws Exception {
        var e = fleet.add(miner(Firmware.WHATSMINER_V3));
        DeviceDriver d = EmulatorFleet.driver(e, FAST, clock);
        assertThat(d.readTelemetry().mode()).isEqualTo(DeviceMode.RUNNING);
        assertThat(d.apply(DesiredState.SLEEP).status()).isEqualTo(AckStatus.CONFIRMED);
        assertThat(e.miner().sleeping()).isTrue();
        assertThat(d.apply(new DesiredState.PowerTarget(2500)).status()).isEqualTo(AckStatus.CONFIRMED);
        DeviceTelemetry t = d.readTelemetry();
        assertThat(t.powerW()).isEqualTo(2500.0);
        assertThat(t.powerLimitW().getAsDouble()).isEqualTo(2500.0);
        assertThat(d.apply(DesiredState.RUN).status()).isEqualTo(AckStatus.CONFIRMED);
        assertThat(d.readTelemetry().powerW()).isEqualTo(3250.0);
    }

    @Test
    void whatsminerQuirksAndBadToken() throws Exception {
        var e = fleet.add(miner(Firmware.WHATSMINER_V3));
        DeviceDriver d = EmulatorFleet.driver(e, FAST, clock);
        e.miner().quirks().accessDenied(true); // write API not enabled
        assertThat(statusOf(d, DesiredState.SLEEP)).isEqualTo(AckStatus.DENIED);
        e.miner().quirks().clear().ignoreCommands(true);
        assertThat(d.apply(DesiredState.SLEEP).status()).isEqualTo(AckStatus.NOT_APPLIED);
        e.miner().quirks().clear().slowReply(Duration.ofSeconds(2));
        assertThat(statusOf(d, DesiredState.SLEEP)).isEqualTo(AckStatus.TIMEOUT);
        e.miner().quirks().clear().dropConnections(true);
        assertThat(statusOf(d, DesiredState.SLEEP)).isEqualTo(AckStatus.UNREACHABLE);
        e.miner().quirks().clear();
        DeviceDriver wrong = new WhatsminerV3Driver(
                "x",
                new TcpRequest(nn(e.v3()), Duration.ofSeconds(2), Duration.ofSeconds(2)),
                "super",
                "nope",
                3250,
                1600,
                clock);
        assertThat(statusOf(wrong, DesiredState.SLEEP)).isEqualTo(AckStatus.DENIED);
    }

    static java.net.InetSocketAddress nn(java.net.@org.jspecify.annotations.Nullable InetSocketAddress a) {
        return java.util.Objects.requireNonNull(a);
    }

    static AckStatus statusOf(DeviceDriver d, DesiredState s) {
        try {
            return d.apply(s).status();
        } catch (DeviceException e) {
            return e.status();
        }
    }

    static org.assertj.core.data.Offset<Double> within(double d) {
        return org.assertj.core.data.Offset.offset(d);
    }
}
