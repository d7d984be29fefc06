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

    /** The inventory's unusual values are printed as warnings on stderr; the controller still runs. */
    @Test
    void controlPrintsTheInventorysWarnings() throws Exception {
        try (EmulatorFleet emu = new EmulatorFleet()) {
            emu.add(new VirtualMiner("lux1", Firmware.LUXOS, 3250, 60, 104, "pw", Clock.systemUTC()));
            emu.add(new VirtualMiner("lux2", Firmware.LUXOS, 3250, 60, 104, "pw", Clock.systemUTC()));
            Path inv = inventory(emu, 0.01);
            String text = Files.readString(inv);
            assertThat(text).contains("valueUsdPerMwh: 70}");
            Files.writeString(inv, text.replace("valueUsdPerMwh: 70}", "valueUsdPerMwh: 70000}"));
            var r = CliRunner.run(
                    "control",
                    "--inventory",
                    inv.toString(),
                    "--steps",
                    "1",
                    "--quiet",
                    "--data-dir",
                    dir.resolve("audit-w").toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.err())
                    .contains("minerai: warning: devices[1].valueUsdPerMwh: is 70000 USD/MWh, unusually high");
            assertThat(r.out()).contains("DRY RUN");
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

    /** `control --plan` follows a plan's share of controllable load: half of it here, so one of two miners sleeps. */
    @Test
    void controlFollowsAPlanFile() throws Exception {
        java.time.Instant hour = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        StringBuilder plan =
                new StringBuilder("interval_start_utc,dispatched,load_class_mining_mw,load_class_ai_cloud_mw\n");
        plan.append(hour.minusSeconds(3600)).append(",true,100,0\n");
        for (int h = 0; h < 3; h++) {
            plan.append(hour.plusSeconds(3600L * h)).append(",true,50,0\n");
        }
        Path planFile = dir.resolve("intervals.csv");
        Files.writeString(planFile, plan.toString());
        try (EmulatorFleet emu = new EmulatorFleet()) {
            emu.add(new VirtualMiner("lux1", Firmware.LUXOS, 3250, 60, 104, "pw", Clock.systemUTC()));
            emu.add(new VirtualMiner("lux2", Firmware.LUXOS, 3250, 60, 104, "pw", Clock.systemUTC()));
            Path inv = inventory(emu, 0.1); // the cap does not bind: the plan does
            var r = CliRunner.run(
                    "control",
                    "--inventory",
                    inv.toString(),
                    "--plan",
                    planFile.toString(),
                    "--no-dry-run",
                    "--steps",
                    "4",
                    "--quiet",
                    "--data-dir",
                    dir.resolve("audit3").toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).contains("target: plan " + hour.minusSeconds(3600));
            assertThat(emu.miners().get(0).miner().sleeping()).isTrue(); // value 60: curtailed first
            assertThat(emu.miners().get(1).miner().sleeping()).isFalse();
        }
        Files.writeString(planFile, "interval_start_utc,dispatched\n");
        var bad = CliRunner.run(
                "control", "--inventory", dir.resolve("site.yaml").toString(), "--plan", planFile.toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(bad.err()).contains("intervals.csv:1:load_class_mining_mw: missing column");
    }

    /** The plan format is the intervals.csv that `backtest` and `optimize` write. */
    @Test
    void aBacktestsIntervalsCsvIsAPlan() throws Exception {
        Path out = dir.resolve("out");
        var r = CliRunner.run(
                "optimize",
                "--from",
                "2024-08-19",
                "--to",
                "2024-08-21",
                "-o",
                out.toString(),
                "--no-report",
                "--no-marginal",
                "--quiet",
                "--format",
                "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        var plan = io.minerai.ops.control.PlanFileTarget.read(out.resolve("intervals.csv"), (now, price, devices) -> 0);
        assertThat(plan.describe()).contains("48 intervals of 60 min");
        int full = 0;
        for (int h = 0; h < 48; h++) {
            var share =
                    plan.shareAt(java.time.Instant.parse("2024-08-19T06:00:00Z").plusSeconds(3600L * h));
            assertThat(share).isPresent();
            assertThat(share.getAsDouble()).isBetween(0.0, 1.0);
            if (share.getAsDouble() == 1.0) {
                full++;
            }
        }
        assertThat(full).isPositive();
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
        // the meter sees cooling, losses and auxiliaries the devices' own figures miss
        assertThat(j.get("meteredMwh").asDouble())
                .isGreaterThan(j.get("deviceSumMwh").asDouble());
        // the same seed prints the same summary, byte for byte
        var again = CliRunner.run(
                "simulate", "--miners", "10", "--gpu-nodes", "1", "--step", "30m", "--quiet", "--format", "json");
        assertThat(again.out()).isEqualTo(r.out());
        // the same day following a plan that runs none of its controllable load: more is curtailed, less is drawn
        java.time.Instant start = java.time.Instant.parse("2024-08-19T05:00:00Z");
        StringBuilder plan =
                new StringBuilder("interval_start_utc,dispatched,load_class_mining_mw,load_class_ai_cloud_mw\n");
        plan.append(start.minusSeconds(3600)).append(",true,100,0\n");
        for (int h = 0; h < 24; h++) {
            plan.append(start.plusSeconds(3600L * h)).append(",true,0,0\n");
        }
        Path planFile = dir.resolve("plan.csv");
        Files.writeString(planFile, plan.toString());
        var p = CliRunner.run(
                "simulate",
                "--miners",
                "10",
                "--gpu-nodes",
                "1",
                "--step",
                "30m",
                "--quiet",
                "--format",
                "json",
                "--plan",
                planFile.toString());
        assertThat(p.exitCode()).as(p.err()).isZero();
        JsonNode jp = new ObjectMapper().readTree(p.out());
        assertThat(jp.get("overCapSteps").asInt()).isZero();
        assertThat(jp.get("curtailedMwh").asDouble())
                .isGreaterThan(j.get("curtailedMwh").asDouble());
        assertThat(jp.get("meteredMwh").asDouble())
                .isLessThan(j.get("meteredMwh").asDouble());
        Files.writeString(planFile, "interval_start_utc,dispatched,load_class_mining_mw,load_class_ai_cloud_mw\n");
        var badPlan = CliRunner.run("simulate", "--plan", planFile.toString());
        assertThat(badPlan.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(badPlan.err()).contains("at least two intervals");
        var bad = CliRunner.run("simulate", "--step", "90s", "--days", "0");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(bad.err()).contains("--days").contains("--step");
    }
}
