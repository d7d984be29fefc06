package io.minerai.braiins;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.braiins.driver.BraiinsDriver;
import io.minerai.ops.device.AckStatus;
import io.minerai.ops.device.DesiredState;
import io.minerai.ops.device.DeviceDriver;
import io.minerai.ops.device.DeviceMode;
import io.minerai.ops.emulator.rig.EmulatedRig;
import io.minerai.ops.firmware.FirmwarePlugin;
import io.minerai.ops.firmware.FirmwarePlugins;
import io.minerai.ops.inventory.InventoryReader;
import io.minerai.ops.inventory.InventoryWiring;
import io.minerai.ops.inventory.SiteInventory;
import io.minerai.ops.sim.FakeClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With this module on the class path, minerai-ops finds the Braiins OS driver by its inventory name (ServiceLoader):
 * an inventory naming {@code braiins} passes its checks and is wired to the real driver, which reads and sleeps an
 * emulated miner served over loopback gRPC by the plugin's own emulator. (minerai-ops' own test,
 * {@code InventoryReaderTest.braiinsWithoutItsModuleIsReportedAtItsPath}, covers the module being absent.)
 */
class BraiinsFirmwarePluginTest {
    final FakeClock clock = new FakeClock(Instant.parse("2024-08-19T20:00:00Z"));

    @Test
    void theInventoryFindsTheDriverThroughTheServiceLoader() throws Exception {
        FirmwarePlugin plugin = FirmwarePlugins.find("braiins").orElseThrow();
        assertThat(plugin).isInstanceOf(BraiinsFirmwarePlugin.class);
        assertThat(plugin.description()).contains("GPL-3.0");

        EmulatedRig rig = new EmulatedRig(new EmulatedRig.Spec("bos1", 3250, 30, 140, 1600, "pa55"), clock);
        try (FirmwarePlugin.Emulation emu = plugin.emulate(rig, 7)) {
            String yaml = "site: {name: s, capMw: 1}\n"
                    + "devices:\n"
                    + "  - {id: bos1, driver: braiins, host: 127.0.0.1, port: " + emu.port()
                    + ", passwordEnv: BOS_PW, ratedPowerW: 3250, valueUsdPerMwh: 50}\n";
            SiteInventory inv = InventoryReader.parse(yaml, "inventory t.yaml", Path.of("."));
            InventoryWiring w =
                    new InventoryWiring(inv, k -> Map.of("BOS_PW", "pa55").getOrDefault(k, ""), clock);
            w.checkSecrets(); // the module is here: no "needs the minerai-ops-braiins module"
            List<DeviceDriver> drivers = w.drivers();
            try (DeviceDriver d = drivers.get(0)) {
                assertThat(d).isInstanceOf(BraiinsDriver.class);
                var t = d.readTelemetry();
                assertThat(t.mode()).isEqualTo(DeviceMode.RUNNING);
                assertThat(t.powerW()).isEqualTo(rig.truePowerW(), org.assertj.core.data.Offset.offset(0.02 * 3250));
                assertThat(d.apply(DesiredState.SLEEP).status()).isIn(AckStatus.CONFIRMED, AckStatus.ACCEPTED);
                assertThat(rig.asleep()).isTrue();
            }
        }
    }
}
