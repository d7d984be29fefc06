package io.minerai.ops.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.ops.device.DeviceDriver;
import io.minerai.ops.driver.braiins.BraiinsDriver;
import io.minerai.ops.driver.epic.EpicDriver;
import io.minerai.ops.driver.vnish.VnishDriver;
import io.minerai.ops.driver.whatsminerv2.WhatsminerV2Driver;
import io.minerai.ops.sim.FakeClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The four firmware families of issue 14 in the site inventory: fields, defaults, drivers, errors with paths. */
class FirmwareFamiliesTest {
    static final String NEW = """
            site: {name: west-2, capMw: 1}
            devices:
              - {id: w2, driver: whatsminer-v2, host: 10.0.0.21, passwordEnv: WM_PW, ratedPowerW: 3400,
                 valueUsdPerMwh: 50}
              - {id: v1, driver: vnish, host: 10.0.0.22, passwordEnv: VN_PW, ratedPowerW: 3250, minPowerW: 2200,
                 valueUsdPerMwh: 60}
              - {id: b1, driver: braiins-os, host: 10.0.0.23, passwordEnv: BOS_PW, ratedPowerW: 3250,
                 valueUsdPerMwh: 65}
              - {id: e1, driver: epic, host: 10.0.0.24, port: 4029, passwordEnv: EPIC_PW, ratedPowerW: 3350,
                 valueUsdPerMwh: 70}
            """;

    @Test
    void readsDefaultsAndWiresTheProductionDrivers() {
        SiteInventory inv = InventoryReader.parse(NEW, "inventory t.yaml", Path.of("."));
        assertThat(inv.devices()).extracting(SiteInventory.Device::port).containsExactly(4028, 80, 50051, 4029);
        assertThat(inv.devices().get(2).username()).isEqualTo("root");
        var secrets = Map.of("WM_PW", "a", "VN_PW", "b", "BOS_PW", "c", "EPIC_PW", "d");
        var w = new InventoryWiring(inv, k -> secrets.getOrDefault(k, ""), new FakeClock(Instant.EPOCH));
        w.checkSecrets();
        assertThat(w.specs().get(0).capabilities().minPowerTargetW()).isEqualTo(1700.0); // half the rating
        assertThat(w.specs().get(1).capabilities().minPowerTargetW()).isEqualTo(2200.0); // minPowerW
        List<DeviceDriver> drivers = w.drivers();
        try {
            assertThat(drivers)
                    .extracting(d -> d.getClass().getSimpleName())
                    .containsExactly(
                            WhatsminerV2Driver.class.getSimpleName(),
                            VnishDriver.class.getSimpleName(),
                            BraiinsDriver.class.getSimpleName(),
                            EpicDriver.class.getSimpleName());
        } finally {
            drivers.forEach(DeviceDriver::close);
        }
    }

    @Test
    void aMissingPasswordAndAWrongFieldAreReportedAtTheirPaths() {
        String bad = """
                site: {name: west-2, capMw: 1}
                devices:
                  - {id: b1, driver: braiins-os, host: 10.0.0.23, ratedPowerW: 3250, valueUsdPerMwh: 65}
                  - {id: v1, driver: vnish, host: 10.0.0.22, passwordEnv: VN_PW, rpcPort: 80, ratedPowerW: 3250,
                     valueUsdPerMwh: 60}
                """;
        assertThatThrownBy(() -> InventoryReader.parse(bad, "inventory t.yaml", Path.of(".")))
                .hasMessageContaining("devices[0].passwordEnv")
                .hasMessageContaining("devices[1].rpcPort");
    }
}
