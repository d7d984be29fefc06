package io.minerai.ops.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.ops.sim.FakeClock;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Inventory entries of the issue-14 firmware families: defaults and every problem at its path. */
class NewFirmwareInventoryTest {
    @Test
    void whatsminerV2TakesItsLowestLimitAndDefaultsToHalfTheRating() {
        String yaml = """
                site: {name: s, capMw: 1}
                devices:
                  - {id: w1, driver: whatsminer-v2, host: 10.0.0.21, passwordEnv: PW, ratedPowerW: 3400,
                     valueUsdPerMwh: 50}
                  - {id: w2, driver: whatsminer-v2, host: 10.0.0.22, port: 4029, passwordEnv: PW, minPowerW: 2500,
                     ratedPowerW: 3400, valueUsdPerMwh: 50}
                """;
        SiteInventory inv = InventoryReader.parse(yaml, "inventory t.yaml", Path.of("."));
        var specs = new InventoryWiring(inv, k -> "pw", new FakeClock(Instant.EPOCH)).specs();
        assertThat(specs.get(0).capabilities().minPowerTargetW()).isEqualTo(1700.0);
        assertThat(specs.get(1).capabilities().minPowerTargetW()).isEqualTo(2500.0);
        assertThat(inv.devices().get(1).port()).isEqualTo(4029);
    }

    @Test
    void aMissingPasswordAndAFieldOfAnotherDriverAreReportedAtTheirPaths() {
        String bad = """
                site: {name: s, capMw: 1}
                devices:
                  - {id: b1, driver: braiins, host: 10.0.0.23, ratedPowerW: 3250, valueUsdPerMwh: 65}
                  - {id: v1, driver: vnish, host: 10.0.0.22, passwordEnv: VN_PW, rpcPort: 80, ratedPowerW: 3250,
                     valueUsdPerMwh: 60}
                  - {id: e1, driver: epic, passwordEnv: E_PW, ratedPowerW: 3350, valueUsdPerMwh: 60}
                """;
        assertThatThrownBy(() -> InventoryReader.parse(bad, "inventory t.yaml", Path.of(".")))
                .hasMessageContaining("devices[0].passwordEnv")
                .hasMessageContaining("devices[1].rpcPort")
                .hasMessageContaining("devices[2].host");
    }
}
