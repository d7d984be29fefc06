package io.minerai.ops.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.core.validation.ValidationException;
import io.minerai.ops.signal.MqttCurtailmentSignal;
import io.minerai.ops.signal.SignalKind;
import io.minerai.ops.sim.FakeClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryReaderTest {
    static final String GOOD = """
            site: {name: west-1, capMw: 4.5}
            controller: {intervalSeconds: 15, maxRestoreMwPerStep: 0.3}
            signals:
              price: {source: ercot-bundled, settlementPoint: LZ_WEST, market: RTM}
              mqtt: {brokerUri: "tcp://127.0.0.1:1883", topic: maestro/target}
            devices:
              - {id: a1, driver: antminer-stock, host: 10.0.0.11, passwordEnv: MINER_PW, ratedPowerW: 3250,
                 hashrateThPerS: 110, valueUsdPerMwh: 70}
              - {id: l1, driver: luxos, host: 10.0.0.12, ratedPowerW: 3250, valueUsdPerMwh: 65}
              - {id: w1, driver: whatsminer-v3, host: 10.0.0.13, passwordEnv: MINER_PW, ratedPowerW: 3344,
                 valueUsdPerMwh: 55}
              - {id: g1, driver: nvidia-smi, command: "ssh root@gpu1 nvidia-smi", overheadW: 1500,
                 ratedPowerW: 7100, curtailedPowerW: 3100, valueUsdPerMwh: 1900}
            """;

    @Test
    void readsAValidInventory() {
        SiteInventory inv = InventoryReader.parse(GOOD, "inventory t.yaml", Path.of("."));
        assertThat(inv.siteName()).isEqualTo("west-1");
        assertThat(inv.config().siteCapMw()).isEqualTo(4.5);
        assertThat(inv.config().maxRestoreMwPerStep()).isEqualTo(0.3);
        assertThat(inv.interval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(inv.devices())
                .extracting(SiteInventory.Device::driver)
                .containsExactly("antminer-stock", "luxos", "whatsminer-v3", "nvidia-smi");
        assertThat(inv.devices().get(0).port()).isEqualTo(4028);
        assertThat(inv.devices().get(0).webPort()).isEqualTo(80);
        assertThat(inv.devices().get(2).port()).isEqualTo(4433);
        assertThat(inv.mqtt().orElseThrow().staleAfter()).isEqualTo(Duration.ofSeconds(90));
        var w = new InventoryWiring(
                inv, k -> Map.of("MINER_PW", "x").getOrDefault(k, ""), new FakeClock(Instant.EPOCH));
        w.checkSecrets();
        assertThat(w.specs()).hasSize(4);
        assertThat(w.drivers()).hasSize(4);
        var missing = new InventoryWiring(inv, k -> "", new FakeClock(Instant.EPOCH));
        assertThatThrownBy(missing::checkSecrets)
                .hasMessageContaining("devices[0].passwordEnv: environment variable MINER_PW is not set")
                .hasMessageContaining("devices[2].passwordEnv");
    }

    @Test
    void reportsEveryProblemWithItsPath() {
        String bad = """
                site: {name: west-1, capMw: -1}
                controller: {telemetryStaleAfterSeconds: 200, lostAfterSeconds: 100}
                devices:
                  - {id: a1, driver: antminer-stok, host: h, ratedPowerW: 3250, valueUsdPerMwh: 70}
                  - {id: a1, driver: luxos, host: h, ratedPowerW: 0, valueUsdPerMwh: 70, colour: red}
                  - {id: a1, driver: luxos, ratedPowerW: 100, curtailedPowerW: 200, valueUsdPerMwh: 70}
                """;
        assertThatThrownBy(() -> InventoryReader.parse(bad, "inventory bad.yaml", Path.of(".")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("inventory bad.yaml has")
                .hasMessageContaining("site.capMw")
                .hasMessageContaining("controller.lostAfterSeconds: must be >= telemetryStaleAfterSeconds")
                .hasMessageContaining("devices[0].driver: must be one of")
                .hasMessageContaining("devices[1].ratedPowerW")
                .hasMessageContaining("devices[1].colour: unknown field")
                .hasMessageContaining("devices[2].host: is required")
                .hasMessageContaining("devices[2].id: duplicate id 'a1'")
                .hasMessageContaining("devices[2].curtailedPowerW: must be <= ratedPowerW");
    }

    @Test
    void aContractedShedMakesTheMqttSignalShedKilowatts() throws Exception {
        String inv = GOOD.replace(
                        "topic: maestro/target}",
                        "topic: maestro/target, contractedShedKw: 500, minCurtailedSeconds: 600}")
                .replace("  price: {source: ercot-bundled, settlementPoint: LZ_WEST, market: RTM}\n", "");
        SiteInventory parsed = InventoryReader.parse(inv, "inventory t.yaml", Path.of("."));
        assertThat(parsed.mqtt().orElseThrow().contractedShedKw()).isEqualTo(500);
        assertThat(InventoryReader.parse(GOOD, "inventory t.yaml", Path.of("."))
                        .mqtt()
                        .orElseThrow()
                        .contractedShedKw())
                .as("default: the target is a share of the cap")
                .isZero();
        var signals = new InventoryWiring(parsed, k -> "x", new FakeClock(Instant.EPOCH)).signals(Instant.EPOCH);
        var mqtt = (MqttCurtailmentSignal) signals.stream()
                .filter(s -> s.name().equals("mqtt:maestro/target"))
                .findFirst()
                .orElseThrow();
        try (mqtt) { // never started: no connection
            assertThat(mqtt.kind()).isEqualTo(SignalKind.SHED_KW);
        }
        assertThatThrownBy(() -> InventoryReader.parse(
                        GOOD.replace("topic: maestro/target}", "topic: maestro/target, contractedShedKw: -5}"),
                        "inventory bad.yaml",
                        Path.of(".")))
                .hasMessageContaining("signals.mqtt.contractedShedKw");
    }

    @Test
    void theDocumentedExampleIsValid() {
        SiteInventory inv = InventoryReader.read(Path.of("../docs/site-inventory.example.yaml"));
        assertThat(inv.meter()).hasValueSatisfying(m -> {
            assertThat(m.type()).isEqualTo("modbus-tcp");
            assertThat(m.scaleToW()).isEqualTo(1000);
            assertThat(m.marginalLossShare()).isEqualTo(0.1);
        });
        assertThat(inv.config().safeStateMinHold()).isEqualTo(java.time.Duration.ofMinutes(5));
        assertThat(inv.devices()).hasSize(9);
        assertThat(inv.price().orElseThrow().settlementPoint()).isEqualTo("LZ_WEST");
    }

    @Test
    void syntaxErrorsNameLineAndColumn() {
        assertThatThrownBy(() -> InventoryReader.parse("site: {name: [", "inventory x.yaml", Path.of(".")))
                .hasMessageContaining("line 1");
    }

    @Test
    void theParallelIssue14DriversAreWiredFromTheInventory() {
        String yaml = """
                site: {name: s, capMw: 1}
                devices:
                  - {id: w2, driver: whatsminer-v2, host: 10.0.0.21, passwordEnv: PW, ratedPowerW: 3400,
                     valueUsdPerMwh: 50}
                  - {id: v1, driver: vnish, host: 10.0.0.22, passwordEnv: PW, ratedPowerW: 3500, valueUsdPerMwh: 50}
                  - {id: e1, driver: epic, host: 10.0.0.24, passwordEnv: PW, ratedPowerW: 3600, valueUsdPerMwh: 50}
                """;
        SiteInventory inv = InventoryReader.parse(yaml, "inventory d.yaml", Path.of("."));
        assertThat(inv.devices()).extracting(SiteInventory.Device::port).containsExactly(4028, 80, 4028);
        InventoryWiring w = new InventoryWiring(inv, k -> "pw", java.time.Clock.systemUTC());
        w.checkSecrets();
        var drivers = w.drivers();
        assertThat(drivers)
                .extracting(d -> d.getClass().getSimpleName())
                .containsExactly("WhatsminerV2Driver", "VnishDriver", "EpicDriver");
        assertThat(w.specs())
                .allMatch(
                        sp -> sp.capabilities().canSleep() && sp.capabilities().canSetPowerTarget());
        drivers.forEach(io.minerai.ops.device.DeviceDriver::close);
    }

    /**
     * The Braiins OS driver is GPL code in a module of its own (minerai-ops-braiins), which this module's tests do not
     * see: an inventory naming it parses, and the wiring says which module is missing, at the device's path.
     */
    @Test
    void braiinsWithoutItsModuleIsReportedAtItsPath() {
        String yaml = """
                site: {name: s, capMw: 1}
                devices:
                  - {id: v1, driver: vnish, host: 10.0.0.22, passwordEnv: PW, ratedPowerW: 3500, valueUsdPerMwh: 50}
                  - {id: b1, driver: braiins, host: 10.0.0.23, passwordEnv: PW, ratedPowerW: 3300, valueUsdPerMwh: 50}
                """;
        SiteInventory inv = InventoryReader.parse(yaml, "inventory d.yaml", Path.of("."));
        assertThat(inv.devices().get(1).port()).isEqualTo(50051);
        assertThat(io.minerai.ops.firmware.FirmwarePlugins.find("braiins")).isEmpty();
        InventoryWiring w = new InventoryWiring(inv, k -> "pw", java.time.Clock.systemUTC());
        assertThatThrownBy(w::checkSecrets)
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("devices[1].driver: driver 'braiins' needs the minerai-ops-braiins module")
                .hasMessageContaining("GPL-3.0");
        assertThatThrownBy(w::drivers).hasMessageContaining("minerai-ops-braiins");
    }
}
