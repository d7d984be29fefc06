package io.minerai.ops.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.ops.device.AckStatus;
import io.minerai.ops.device.CommandResult;
import io.minerai.ops.device.DesiredState;
import io.minerai.ops.device.DeviceDriver;
import io.minerai.ops.device.DeviceMode;
import io.minerai.ops.device.DeviceTelemetry;
import io.minerai.ops.emulator.AntminerVariant;
import io.minerai.ops.emulator.EmulatorFleet;
import io.minerai.ops.emulator.Firmware;
import io.minerai.ops.emulator.VirtualMiner;
import io.minerai.ops.sim.FakeClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The firmware behaviours issue 14 found the drivers got wrong, each against an emulator written from the public
 * references (every case fails on the drivers before the fix: see the commit message).
 */
class FirmwareFixesTest {
    final FakeClock clock = new FakeClock(Instant.parse("2024-08-19T20:00:00Z"));
    final EmulatorFleet fleet = new EmulatorFleet();
    static final EmulatorFleet.Timeouts T = new EmulatorFleet.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));

    @AfterEach
    void stop() {
        fleet.close();
    }

    DeviceDriver driver(VirtualMiner m) {
        return EmulatorFleet.driver(fleet.add(m), T, clock);
    }

    @Test
    void whatsminerV3StateComesFromDeviceInfoWorking() throws Exception {
        VirtualMiner m = new VirtualMiner("wm", Firmware.WHATSMINER_V3, 3600, 180, 180, "pw", clock);
        DeviceDriver d = driver(m);
        assertThat(d.apply(DesiredState.SLEEP).status()).isEqualTo(AckStatus.CONFIRMED);
        DeviceTelemetry t = d.readTelemetry();
        assertThat(t.mode()).isEqualTo(DeviceMode.SLEEPING); // not UNKNOWN: get.device.info msg.miner.working=false
        assertThat(t.powerW()).isEqualTo(180.0);
        assertThat(d.apply(DesiredState.RUN).status()).isEqualTo(AckStatus.CONFIRMED);
        assertThat(d.readTelemetry().mode()).isEqualTo(DeviceMode.RUNNING);
    }

    @Test
    void antminerS21NeedsBothWorkModeKeysInOneWrite() throws Exception {
        VirtualMiner m = new VirtualMiner("s21", Firmware.ANTMINER_STOCK, 3500, 90, 200, "pw", clock)
                .variant(AntminerVariant.S21);
        DeviceDriver d = driver(m);
        CommandResult r = d.apply(DesiredState.SLEEP);
        assertThat(r.status()).isEqualTo(AckStatus.CONFIRMED);
        assertThat(m.sleeping()).isTrue();
        assertThat(d.apply(DesiredState.RUN).status()).isEqualTo(AckStatus.CONFIRMED);
        assertThat(m.sleeping()).isFalse();
    }

    @Test
    void antminerWithoutChainPowerReportsWhatASleepingMinerDraws() throws Exception {
        VirtualMiner m = new VirtualMiner("s21", Firmware.ANTMINER_STOCK, 3500, 140, 200, "pw", clock)
                .variant(AntminerVariant.S21);
        DeviceDriver d = driver(m);
        assertThat(d.readTelemetry().powerW()).isEqualTo(3500.0); // new_api STATS[0].power
        d.apply(DesiredState.SLEEP);
        DeviceTelemetry t = d.readTelemetry();
        assertThat(t.mode()).isEqualTo(DeviceMode.SLEEPING);
        assertThat(t.powerW()).isEqualTo(140.0); // what it draws, not an assumed 60 W
    }

    @Test
    void antminerConfigSayingSleepIsNotBelievedUntilTheHashrateDrops() throws Exception {
        VirtualMiner m = new VirtualMiner("s19", Firmware.ANTMINER_STOCK, 3250, 60, 104, "pw", clock);
        DeviceDriver d = driver(m);
        m.quirks().claimsSleepButRuns(true);
        CommandResult r = d.apply(DesiredState.SLEEP);
        assertThat(r.status()).isEqualTo(AckStatus.ACCEPTED);
        assertThat(r.detail()).contains("hashrate still");
        assertThat(m.workMode()).isEqualTo(1);
        assertThat(d.readTelemetry().mode()).isEqualTo(DeviceMode.RUNNING);
        m.quirks().clear();
        assertThat(d.readTelemetry().mode()).isEqualTo(DeviceMode.SLEEPING);
    }

    @Test
    void luxosRestoresTheOperatorsAtmSettingAfterAProfileChange() throws Exception {
        for (boolean operatorAtm : new boolean[] {false, true}) {
            VirtualMiner m = new VirtualMiner("lux-" + operatorAtm, Firmware.LUXOS, 3250, 60, 95, "pw", clock)
                    .atmEnabled(operatorAtm);
            DeviceDriver d = driver(m);
            d.readTelemetry();
            assertThat(d.apply(new DesiredState.PowerTarget(2700)).status()).isEqualTo(AckStatus.CONFIRMED);
            assertThat(m.atmEnabled())
                    .as("ATM after profileset, operator had %s", operatorAtm)
                    .isEqualTo(operatorAtm);
            assertThat(d.apply(DesiredState.RUN).status()).isEqualTo(AckStatus.CONFIRMED);
            assertThat(m.atmEnabled()).isEqualTo(operatorAtm);
            assertThat(m.profile()).isEqualTo("default");
        }
    }

    @Test
    void luxosPowerRangeComesFromTheDevicesProfiles() throws Exception {
        // a board whose ladder stops at 85 % of rated: a 70 % target cannot be met by any profile
        VirtualMiner m = new VirtualMiner("lux85", Firmware.LUXOS, 3250, 60, 95, "pw", clock).profilesDownTo(0.85);
        DeviceDriver d = driver(m);
        d.readTelemetry();
        double lowest = m.profiles().stream()
                .mapToDouble(VirtualMiner.Profile::watts)
                .min()
                .orElseThrow();
        assertThat(lowest).isGreaterThanOrEqualTo(0.85 * 3250);
        assertThat(d.capabilities().minPowerTargetW()).isEqualTo(lowest);
        CommandResult r = d.apply(new DesiredState.PowerTarget(0.7 * 3250));
        assertThat(r.status()).isEqualTo(AckStatus.UNSUPPORTED);
        assertThat(r.detail()).contains("lowest is").contains(Long.toString(Math.round(lowest)));
        assertThat(m.truePowerW()).isEqualTo(3250.0); // nothing rounded up or down
    }
}
