package io.minerai.ops.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.ops.device.AckStatus;
import io.minerai.ops.device.DesiredState;
import io.minerai.ops.device.DeviceException;
import io.minerai.ops.device.DeviceMode;
import io.minerai.ops.device.DeviceTelemetry;
import io.minerai.ops.emulator.EmulatorFleet;
import io.minerai.ops.emulator.VirtualGpuNode;
import io.minerai.ops.sim.FakeClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GpuNodeProtocolTest {
    final FakeClock clock = new FakeClock(Instant.parse("2024-08-19T20:00:00Z"));
    final EmulatorFleet fleet = new EmulatorFleet();

    @AfterEach
    void stop() {
        fleet.close();
    }

    VirtualGpuNode node() {
        return new VirtualGpuNode("g1", "NVIDIA H100 80GB HBM3", 8, 200, 700, 70, 0.9);
    }

    @Test
    void telemetryCapsTargetsRestoresOnRunAndNeverRaisesOnClose() throws Exception {
        VirtualGpuNode n = node();
        GpuNodeDriver d = new GpuNodeDriver("g1", n, 1500, Duration.ofSeconds(2), clock);
        DeviceTelemetry t = d.readTelemetry();
        // 8 x (70 + (700 - 70) x 0.9) = 8 x 637 = 5096 W of GPUs + 1500 W overhead.
        assertThat(t.powerW()).isCloseTo(6596.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(t.powerLimitW().getAsDouble()).isEqualTo(8 * 700 + 1500.0);
        assertThat(t.mode()).isEqualTo(DeviceMode.RUNNING);
        assertThat(d.capabilities().minPowerTargetW()).isEqualTo(8 * 200 + 1500.0);

        assertThat(d.apply(DesiredState.SLEEP).status()).isEqualTo(AckStatus.CONFIRMED);
        assertThat(n.limitW(3)).isEqualTo(200.0);
        assertThat(d.readTelemetry().mode()).isEqualTo(DeviceMode.SLEEPING);

        // Node target 5500 W -> (5500 - 1500) / 8 = 500 W per GPU.
        assertThat(d.apply(new DesiredState.PowerTarget(5500)).status()).isEqualTo(AckStatus.CONFIRMED);
        assertThat(n.limitW(0)).isEqualTo(500.0);
        // Targets above the range are clamped to the max per GPU; below the lowest caps they are unsupported.
        d.apply(new DesiredState.PowerTarget(100_000));
        assertThat(n.limitW(0)).isEqualTo(700.0);
        assertThat(d.apply(new DesiredState.PowerTarget(3000)).status()).isEqualTo(AckStatus.UNSUPPORTED);
        assertThat(n.limitW(0)).isEqualTo(700.0);

        d.apply(new DesiredState.PowerTarget(3500));
        assertThat(n.limitW(7)).isEqualTo(250.0);
        d.close(); // never raises load: the caps stay where the controller put them
        assertThat(n.limitW(7)).isEqualTo(250.0);
        assertThat(d.apply(DesiredState.RUN).status()).isEqualTo(AckStatus.CONFIRMED); // run restores the originals
        assertThat(n.limitW(7)).isEqualTo(700.0);
        assertThat(d.originalLimitsW()).containsEntry(0, 700.0);
    }

    @Test
    void outOfRangeLimitIsRefusedWithNvidiaSmisMessage() throws Exception {
        VirtualGpuNode n = node();
        CommandRunner.Result r = n.run(NvidiaSmi.setPowerLimitCommand(0, 50), Duration.ofSeconds(1));
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stdout())
                .contains("Provided power limit 50.00 W is not a valid power limit which should be between 200.00 W and"
                        + " 700.00 W for GPU 00000000:06:00.0");
    }

    @Test
    void quirks() throws Exception {
        VirtualGpuNode n = node();
        GpuNodeDriver d = new GpuNodeDriver("g1", n, 0, Duration.ofSeconds(2), clock);
        n.quirks().accessDenied(true); // not root
        assertThat(d.apply(DesiredState.SLEEP).status()).isEqualTo(AckStatus.DENIED);
        n.quirks().clear().ignoreCommands(true);
        assertThat(d.apply(DesiredState.SLEEP).status()).isEqualTo(AckStatus.NOT_APPLIED);
        n.quirks().clear().dropConnections(true); // ssh: connection refused
        assertThatThrownBy(d::readTelemetry)
                .isInstanceOfSatisfying(
                        DeviceException.class, e -> assertThat(e.status()).isEqualTo(AckStatus.UNREACHABLE));
        n.quirks().clear().staleTelemetry(true);
        double before = d.readTelemetry().powerW();
        n.quirks().staleTelemetry(true);
        // While frozen, a changed cap does not show in readings.
        n.run(NvidiaSmi.setPowerLimitCommand(0, 300), Duration.ofSeconds(1));
        assertThat(d.readTelemetry().powerW()).isEqualTo(before);
    }

    @Test
    void dcgmExporterPageOverHttp() throws Exception {
        VirtualGpuNode n = node();
        var e = fleet.add(n);
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + e.dcgm().getPort() + "/metrics"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        List<PrometheusText.Sample> s = PrometheusText.parse(r.body());
        assertThat(PrometheusText.sum(s, "DCGM_FI_DEV_POWER_USAGE").getAsDouble())
                .isCloseTo(n.truePowerW(), org.assertj.core.data.Offset.offset(0.01));
        assertThat(PrometheusText.sum(s, "DCGM_FI_DEV_MEMORY_TEMP")).isEmpty(); // blank sentinels dropped
        assertThat(s).filteredOn(x -> x.name().equals("DCGM_FI_DEV_GPU_UTIL")).hasSize(8);
    }
}
