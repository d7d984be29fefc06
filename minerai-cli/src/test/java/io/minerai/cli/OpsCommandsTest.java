package io.minerai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minerai.ops.emulator.EmulatorFleet;
import io.minerai.ops.emulator.Firmware;
import io.minerai.ops.emulator.VirtualMiner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `control` against loopback emulators (dry run and live) and `simulate` end to end. */
class OpsCommandsTest {
    @TempDir
    Path dir;

    private Path inventory(EmulatorFleet emu, double capMw) throws Exception {
        StringBuilder y = new StringBuilder();
        y.append("site: {name: test-site, capMw: ").append(capMw).append("}\n");
        y.append("controller: {intervalSeconds: 1, telemetryStaleAfterSeconds: 30, lostAfterSeconds: 60}\n");
        y.append("devices:\n");
        for (var e : emu.miners()) {
            y.append("  - {id: ")
                    .append(e.miner().id())
                    .append(", driver: luxos, host: 127.0.0.1, rpcPort: ")
                    .append(Objects.requireNonNull(e.rpc()).getPort())
                    .append(", ratedPowerW: 3250, hashrateThPerS: 104, valueUsdPerMwh: ")
                    .append(e.miner().id().endsWith("1") ? 60 : 70)
                    .append("}\n");
        }
        Path p = dir.resolve("site.yaml");
        Files.writeString(p, y.toString());
        return p;
    }

    @Test
    void controlDryRunPrintsPlannedCommandsAndChangesNothing() throws Exception {
        try (EmulatorFleet emu = new EmulatorFleet()) {
            emu.add(new VirtualMiner("lux1", Firmware.LUXOS, 3250, 60, 104, "pw", Clock.systemUTC()));
            emu.add(new VirtualMiner("lux2", Firmware.LUXOS, 3250, 60, 104, "pw", Clock.systemUTC()));
            Path inv = inventory(emu, 0.004); // room for one miner only
            var r = CliRunner.run(
                    "control",
                    "--inventory",
                    inv.toString(),
                    "--steps",
                    "3",
                    "--quiet",
                    "--data-dir",
                    dir.resolve("audit").toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).contains("DRY RUN").contains("DRY-RUN would send: lux1 sleep");
            assertThat(emu.miners()).allMatch(m -> !m.miner().sleeping());
            assertThat(r.out()).contains("audit log:");
        }
    }

    @Test
    void controlLiveSleepsTheLeastValuableMinerToMeetTheCap() throws Exception {
        try (EmulatorFleet emu = new EmulatorFleet()) {
            emu.add(new VirtualMiner("lux1", Firmware.LUXOS, 3250, 60, 104, "pw", Clock.systemUTC()));
            emu.add(new VirtualMiner("lux2", Firmware.LUXOS, 3250, 60, 104, "pw", Clock.systemUTC()));
            Path inv = inventory(emu, 0.004);
            var r = CliRunner.run(
                    "control",
                    "--inventory",
                    inv.toString(),
                    "--no-dry-run",
                    "--steps",
                    "4",
                    "--quiet",
                    "--data-dir",
                    dir.resolve("audit2").toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).contains("LIVE");
            assertThat(emu.miners().get(0).miner().sleeping()).isTrue(); // value 60: curtailed first
            // the audit log is in the store (the one `serve` shows at /api/audit), hash chain intact
            try (var store = io.minerai.store.Store.open(
                    io.minerai.store.StoreConfig.embedded(dir.resolve("audit2")), Clock.systemUTC())) {
                var entries =
                        store.auditLog().read(java.time.Instant.EPOCH, java.time.Instant.parse("2100-01-01T00:00:00Z"));
                assertThat(entries)
                        .extracting(io.minerai.core.audit.AuditEntry::outcome)
                        .contains("sent", "confirmed");
                assertThat(store.auditLog().verifyChain()).isEqualTo(-1);
            }
        }
    }

    @Test
    void controlRejectsABadInventoryWithPaths() throws Exception {
        Path p = dir.resolve("bad.yaml");
        Files.writeString(p, "site: {name: x, capMw: 0}\ndevices: [{id: a, driver: luxos, ratedPowerW: 1}]\n");
        var r = CliRunner.run("control", "--inventory", p.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("site.capMw").contains("devices[0].host: is required");
    }

    @Test
    void simulateRunsAVirtualDayUnderTheCap() throws Exception {
        var r = CliRunner.run(
                "simulate", "--miners", "10", "--gpu-nodes", "1", "--step", "30m", "--quiet", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("steps").asInt()).isEqualTo(48);
        assertThat(j.get("overCapSteps").asInt()).isZero();
        assertThat(j.get("commands").asInt()).isPositive();
        var bad = CliRunner.run("simulate", "--step", "90s", "--days", "0");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(bad.err()).contains("--days").contains("--step");
    }
}
