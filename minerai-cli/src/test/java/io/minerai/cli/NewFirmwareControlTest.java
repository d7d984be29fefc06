package io.minerai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.ops.emulator.LoopbackServer;
import io.minerai.ops.emulator.epic.EpicEmulator;
import io.minerai.ops.emulator.rig.EmulatedRig;
import io.minerai.ops.emulator.vnish.VnishEmulator;
import io.minerai.ops.emulator.whatsminerv2.WhatsminerV2Emulator;
import io.minerai.ops.firmware.FirmwarePlugin;
import io.minerai.ops.firmware.FirmwarePlugins;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `control --inventory` driving the four firmware families of issue 14 (Whatsminer API v2, VNish, Braiins OS gRPC,
 * ePIC) on loopback emulators: the cap fits three of the four miners, so the least valuable one is put to sleep. The
 * Braiins OS emulator comes from the minerai-ops-braiins module (on the CLI's run-time class path), found as the CLI
 * finds the driver.
 */
class NewFirmwareControlTest {
    /** The inventory names an environment variable for each password; HOME is set wherever the tests run. */
    static final String PASSWORD = Objects.requireNonNullElse(System.getenv("HOME"), "");

    @TempDir
    Path dir;

    final Clock clock = Clock.systemUTC();
    final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    EmulatedRig wm;
    EmulatedRig vn;
    EmulatedRig bos;
    EmulatedRig ep;
    LoopbackServer wmServer;
    VnishEmulator vnEmu;
    FirmwarePlugin.Emulation bosEmu;
    EpicEmulator epEmu;

    @BeforeEach
    void start() throws Exception {
        wm = new EmulatedRig(new EmulatedRig.Spec("wm2", 3400, 40, 110, 1700, PASSWORD), clock);
        vn = new EmulatedRig(new EmulatedRig.Spec("vn1", 3250, 45, 104, 2000, PASSWORD), clock);
        bos = new EmulatedRig(new EmulatedRig.Spec("bos1", 3250, 30, 140, 1600, PASSWORD), clock);
        ep = new EmulatedRig(new EmulatedRig.Spec("epic1", 3350, 60, 142, 1700, PASSWORD), clock);
        wmServer = new LoopbackServer("wm2", new WhatsminerV2Emulator(wm, 1), executor);
        vnEmu = new VnishEmulator(vn, 2);
        bosEmu = FirmwarePlugins.find("braiins").orElseThrow().emulate(bos, 3);
        epEmu = new EpicEmulator(ep, true);
    }

    @AfterEach
    void stop() throws Exception {
        wmServer.close();
        vnEmu.close();
        bosEmu.close();
        epEmu.close();
        executor.shutdownNow();
    }

    Path inventory() throws Exception {
        String y = "site: {name: new-firmware, capMw: 0.011}\n"
                + "controller: {intervalSeconds: 1, telemetryStaleAfterSeconds: 30, lostAfterSeconds: 60}\n"
                + "devices:\n"
                + "  - {id: wm2, driver: whatsminer-v2, host: 127.0.0.1, port: " + wmServer.port()
                + ", passwordEnv: HOME, ratedPowerW: 3400, valueUsdPerMwh: 50}\n"
                + "  - {id: vn1, driver: vnish, host: 127.0.0.1, port: "
                + URI.create(vnEmu.baseUrl()).getPort()
                + ", passwordEnv: HOME, ratedPowerW: 3250, valueUsdPerMwh: 60}\n"
                + "  - {id: bos1, driver: braiins, host: 127.0.0.1, port: " + bosEmu.port()
                + ", username: root, passwordEnv: HOME, ratedPowerW: 3250, valueUsdPerMwh: 65}\n"
                + "  - {id: epic1, driver: epic, host: 127.0.0.1, port: "
                + URI.create(epEmu.baseUrl()).getPort()
                + ", passwordEnv: HOME, ratedPowerW: 3350, valueUsdPerMwh: 70}\n";
        Path p = dir.resolve("site.yaml");
        Files.writeString(p, y);
        return p;
    }

    @Test
    void dryRunReadsAllFourAndPlansToSleepTheLeastValuable() throws Exception {
        var r = CliRunner.run(
                "control",
                "--inventory",
                inventory().toString(),
                "--steps",
                "6", // the first gRPC call of a JVM (Netty start-up) can take seconds on a loaded machine
                "--quiet",
                "--data-dir",
                dir.resolve("audit").toString());
        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("DRY-RUN would send: wm2 sleep");
        assertThat(wm.asleep()).isFalse();
    }

    @Test
    void liveControlSleepsTheLeastValuableMiner() throws Exception {
        var r = CliRunner.run(
                "control",
                "--inventory",
                inventory().toString(),
                "--no-dry-run",
                "--steps",
                "8",
                "--quiet",
                "--data-dir",
                dir.resolve("audit2").toString());
        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
        assertThat(wm.asleep()).isTrue(); // value 50: curtailed first
        assertThat(vn.asleep()).isFalse();
        assertThat(bos.asleep()).isFalse();
        assertThat(ep.asleep()).isFalse();
    }
}
