package io.minerai.ops.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.ops.audit.InMemoryAuditLog;
import io.minerai.ops.device.AckStatus;
import io.minerai.ops.device.Capabilities;
import io.minerai.ops.device.DeviceDriver;
import io.minerai.ops.device.DeviceKind;
import io.minerai.ops.device.DeviceMode;
import io.minerai.ops.device.DeviceSpec;
import io.minerai.ops.device.DeviceTelemetry;
import io.minerai.ops.driver.AntminerStockDriver;
import io.minerai.ops.driver.CgminerRpc;
import io.minerai.ops.driver.DigestHttpClient;
import io.minerai.ops.emulator.EmulatorFleet;
import io.minerai.ops.emulator.Firmware;
import io.minerai.ops.emulator.VirtualGpuNode;
import io.minerai.ops.emulator.VirtualMiner;
import io.minerai.ops.proto.TcpRequest;
import io.minerai.ops.signal.SignalKind;
import io.minerai.ops.signal.SignalSource;
import io.minerai.ops.signal.SignalValue;
import io.minerai.ops.sim.FakeClock;
import io.minerai.ops.sim.FakeFleet;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * What issue 14 found a site operator could not trust: a cold start that put the whole site to sleep, a stop that
 * raised GPU caps at $5,000/MWh, an unsupported power target retried for ever, device problems shown only as a count,
 * unknown devices never woken, and a safe state left the moment a signal flickered back. Real drivers against the
 * loopback emulators where the protocol matters, the in-memory fleet where only the controller does.
 */
class ControllerTrustTest {
    final FakeClock clock = new FakeClock(Instant.parse("2024-08-19T20:00:00Z"));
    static final Duration STEP = Duration.ofSeconds(30);

    /** A signal whose value the test sets; refreshed at every read. */
    static final class Live implements SignalSource {
        final SignalKind kind;
        double value;

        @Nullable
        Instant at;

        Live(SignalKind kind, double value) {
            this.kind = kind;
            this.value = value;
        }

        @Override
        public String name() {
            return kind.name().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public SignalKind kind() {
            return kind;
        }

        @Override
        public Duration staleAfter() {
            return Duration.ofMinutes(2);
        }

        @Override
        public Optional<SignalValue> latest(Instant nowUtc) {
            return at == null ? Optional.empty() : Optional.of(new SignalValue(value, at));
        }
    }

    static ControllerConfig config(double capMw) {
        return ControllerConfig.defaults(capMw).withSafeStateMinHold(Duration.ZERO);
    }

    /** Steps the controller over real sockets, letting the device threads finish between steps. */
    static List<ControllerStatus> run(
            SiteController c, DriverFleet fleet, FakeClock clock, int steps, List<Live> live, Consumer<Integer> each)
            throws InterruptedException {
        List<ControllerStatus> out = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            each.accept(s);
            Instant now = clock.advance(STEP);
            for (Live l : live) {
                l.at = now;
            }
            out.add(c.step(now));
            assertThat(fleet.awaitQuiet(Duration.ofSeconds(20))).isTrue();
        }
        return out;
    }

    static DeviceSpec spec(String id, double ratedW, double valueUsdPerMwh, Capabilities caps) {
        return new DeviceSpec(id, DeviceKind.MINER, ratedW, 60, 100, valueUsdPerMwh, caps);
    }

    @Test
    void aColdStartReadsBeforeActingAndKeepsARunningSiteRunning() throws Exception {
        List<DeviceSpec> specs = new ArrayList<>();
        List<DeviceDriver> drivers = new ArrayList<>();
        List<VirtualMiner> miners = new ArrayList<>();
        try (EmulatorFleet emu = new EmulatorFleet()) {
            for (int i = 0; i < 10; i++) {
                Firmware fw = Firmware.values()[i % 3];
                VirtualMiner m = new VirtualMiner("m" + i, fw, 3250, 60, 104, "pw", clock);
                if (i >= 8) {
                    m.startAsleep(); // 8 running, 2 asleep: 26 kW under a 29.25 kW cap
                }
                miners.add(m);
                drivers.add(EmulatorFleet.driver(emu.add(m), EmulatorFleet.Timeouts.TESTS, clock));
                specs.add(spec("m" + i, 3250, 90, Capabilities.SLEEP_ONLY));
            }
            InMemoryAuditLog audit = new InMemoryAuditLog();
            Live price = new Live(SignalKind.PRICE_USD_PER_MWH, 20); // mining earns 90 $/MWh: run everything
            try (DriverFleet fleet = new DriverFleet(specs, drivers, clock)) {
                SiteController c = new SiteController(
                        new SiteController.Wiring(
                                config(0.02925),
                                fleet,
                                List.of(price),
                                new MeritOrderTarget(0),
                                audit,
                                ControllerObserver.NONE),
                        clock.instant());
                List<ControllerStatus> st = run(c, fleet, clock, 6, List.of(price), s -> {});
                assertThat(st.get(0).warmingUp())
                        .as("nothing read yet at the first step")
                        .isTrue();
                assertThat(st.get(0).commandsSent()).isZero();
                assertThat(st.get(1).warmingUp())
                        .as("acts on the first readings within one cycle")
                        .isFalse();
                c.close(clock.instant());
            }
            for (int i = 0; i < 8; i++) {
                assertThat(miners.get(i).sleeping())
                        .as("m%d was running and must still be", i)
                        .isFalse();
            }
            assertThat(audit.all())
                    .noneMatch(e -> e.action().equals("sleep") && e.outcome().equals("sent"));
            assertThat(audit.all()).anyMatch(e -> e.action().equals("first-readings"));
        }
    }

    @Test
    void stoppingAtAHighPriceNeverRaisesLoad() throws Exception {
        VirtualGpuNode gpu = new VirtualGpuNode("gpu-1", "NVIDIA H100 80GB HBM3", 8, 200, 700, 70, 0.85);
        VirtualMiner miner = new VirtualMiner("m0", Firmware.LUXOS, 3250, 60, 104, "pw", clock);
        try (EmulatorFleet emu = new EmulatorFleet()) {
            List<DeviceDriver> drivers = List.of(
                    EmulatorFleet.driver(emu.add(miner), EmulatorFleet.Timeouts.TESTS, clock),
                    new io.minerai.ops.gpu.GpuNodeDriver("gpu-1", gpu, 0, Duration.ofSeconds(2), clock));
            List<DeviceSpec> specs = List.of(
                    spec("m0", 3250, 60, Capabilities.sleepAndTarget(1000, 3250)),
                    new DeviceSpec(
                            "gpu-1",
                            DeviceKind.GPU_NODE,
                            gpu.ratedW(),
                            8 * 180.5,
                            0,
                            2000,
                            Capabilities.sleepAndTarget(8 * 180.5, gpu.ratedW())));
            InMemoryAuditLog audit = new InMemoryAuditLog();
            Live price = new Live(SignalKind.PRICE_USD_PER_MWH, 5000);
            double before;
            try (DriverFleet fleet = new DriverFleet(specs, drivers, clock)) {
                SiteController c = new SiteController(
                        new SiteController.Wiring(
                                config(0.1),
                                fleet,
                                List.of(price),
                                new MeritOrderTarget(0),
                                audit,
                                ControllerObserver.NONE),
                        clock.instant());
                run(c, fleet, clock, 8, List.of(price), s -> {});
                assertThat(gpu.limitW(0)).as("GPUs capped at $5,000/MWh").isEqualTo(200.0);
                before = gpu.truePowerW() + miner.truePowerW();
                c.close(clock.instant());
            } // closes the drivers
            assertThat(gpu.truePowerW() + miner.truePowerW()).isLessThanOrEqualTo(before);
            assertThat(gpu.limitW(0)).isEqualTo(200.0);
            assertThat(audit.all())
                    .anyMatch(e ->
                            e.action().equals("left-curtailed") && e.target().equals("device:gpu-1"));
        }
    }

    @Test
    void anUnsupportedPowerTargetFallsBackToSleepInsteadOfRetryingForEver() throws Exception {
        // The inventory promises targets down to 60 % of rated; the device's profiles stop at 85 %.
        VirtualMiner lux = new VirtualMiner("lux", Firmware.LUXOS, 3250, 60, 104, "pw", clock).profilesDownTo(0.85);
        try (EmulatorFleet emu = new EmulatorFleet()) {
            List<DeviceDriver> drivers =
                    List.of(EmulatorFleet.driver(emu.add(lux), EmulatorFleet.Timeouts.TESTS, clock));
            List<DeviceSpec> specs = List.of(spec("lux", 3250, 90, Capabilities.sleepAndTarget(0.6 * 3250, 3250)));
            InMemoryAuditLog audit = new InMemoryAuditLog();
            Live ceiling = new Live(SignalKind.LOAD_PERCENT, 70); // 70 % of a 3.25 kW cap: a 2275 W target
            try (DriverFleet fleet = new DriverFleet(specs, drivers, clock)) {
                SiteController c = new SiteController(
                        new SiteController.Wiring(
                                config(0.00325),
                                fleet,
                                List.of(ceiling),
                                new MeritOrderTarget(0),
                                audit,
                                ControllerObserver.NONE),
                        clock.instant());
                run(c, fleet, clock, 12, List.of(ceiling), s -> {});
                c.close(clock.instant());
            }
            assertThat(lux.sleeping())
                    .as("asleep: no profile fits under the ceiling")
                    .isTrue();
            long targets = audit.all().stream()
                    .filter(e ->
                            e.action().startsWith("power-target") && e.outcome().equals("sent"))
                    .count();
            assertThat(targets).as("power targets sent").isLessThanOrEqualTo(1);
            assertThat(audit.all()).anyMatch(e -> e.action().equals("target-range"));
        }
    }

    @Test
    void aDryRunSaysWhichDeviceCouldNotBeReadAndWhy() throws Exception {
        VirtualMiner m = new VirtualMiner("am", Firmware.ANTMINER_STOCK, 3250, 60, 104, "right", clock);
        try (EmulatorFleet emu = new EmulatorFleet()) {
            var e = emu.add(m);
            DeviceDriver wrongPassword = new AntminerStockDriver(
                    "am",
                    new CgminerRpc(
                            new TcpRequest(
                                    Objects.requireNonNull(e.rpc()), Duration.ofSeconds(2), Duration.ofSeconds(2)),
                            false),
                    new DigestHttpClient(
                            URI.create("http://127.0.0.1:"
                                    + Objects.requireNonNull(e.web()).getPort()),
                            "root",
                            "wrong",
                            Duration.ofSeconds(2),
                            Duration.ofSeconds(2)),
                    clock);
            InMemoryAuditLog audit = new InMemoryAuditLog();
            List<String> printed = new ArrayList<>();
            Live price = new Live(SignalKind.PRICE_USD_PER_MWH, 20);
            try (DriverFleet real = new DriverFleet(
                    List.of(spec("am", 3250, 90, Capabilities.SLEEP_ONLY)), List.of(wrongPassword), clock)) {
                DryRunFleet dry =
                        new DryRunFleet(real, cmd -> printed.add(cmd.desired().label()));
                SiteController c = new SiteController(
                        new SiteController.Wiring(
                                config(0.01),
                                dry,
                                List.of(price),
                                new MeritOrderTarget(0),
                                audit,
                                ControllerObserver.NONE),
                        clock.instant());
                List<ControllerStatus> st = run(c, real, clock, 3, List.of(price), s -> {});
                ControllerStatus last = st.get(st.size() - 1);
                assertThat(last.running()).as("not shown running").isZero();
                assertThat(last.issues()).singleElement().satisfies(i -> {
                    assertThat(i.deviceId()).isEqualTo("am");
                    assertThat(i.reason()).contains("refused");
                    assertThat(i.detail()).contains("login");
                });
            }
            assertThat(audit.all())
                    .anyMatch(x -> x.action().equals("device-problem")
                            && x.outcome().equals(AckStatus.DENIED.label())
                            && x.details().getOrDefault("detail", "").contains("login"));
        }
    }

    /** A fleet of one device that answers but whose replies never say whether it works. */
    static final class UnknownStateFleet implements FleetPort {
        final List<DeviceSpec> specs = List.of(spec("x", 3000, 90, Capabilities.SLEEP_ONLY));
        final List<DeviceCommand> sent = new ArrayList<>();
        Instant now = Instant.EPOCH;

        @Override
        public List<DeviceSpec> specs() {
            return specs;
        }

        @Override
        public void beginStep(Instant nowUtc) {
            now = nowUtc;
        }

        @Override
        public DeviceTelemetry telemetry(int i) {
            return DeviceTelemetry.of(now, DeviceMode.UNKNOWN, Double.NaN, 0);
        }

        @Override
        public void send(DeviceCommand command) {
            sent.add(command);
        }

        @Override
        public void drainAcks(Consumer<CommandAck> sink) {}
    }

    @Test
    void aDeviceThatAnswersInAnUnknownStateIsWokenWhenThePriceAllows() {
        UnknownStateFleet fleet = new UnknownStateFleet();
        Live price = new Live(SignalKind.PRICE_USD_PER_MWH, 20);
        InMemoryAuditLog audit = new InMemoryAuditLog();
        SiteController c = new SiteController(
                new SiteController.Wiring(
                        config(0.01), fleet, List.of(price), new MeritOrderTarget(0), audit, ControllerObserver.NONE),
                clock.instant());
        for (int s = 0; s < 3; s++) {
            price.at = clock.advance(STEP);
            c.step(price.at);
        }
        assertThat(fleet.sent).extracting(x -> x.desired().label()).contains("run");
        assertThat(audit.all()).anyMatch(e -> e.action().equals("device-state-unknown"));
    }

    @Test
    void theSafeStateIsLeftOnlyAfterItsReasonsHaveBeenGoneForTheHold() {
        List<DeviceSpec> specs = List.of(spec("a", 3000, 90, Capabilities.SLEEP_ONLY));
        FakeFleet fleet = new FakeFleet(specs, DeviceMode.RUNNING, FakeFleet.Faults.NONE, 1, STEP);
        Live price = new Live(SignalKind.PRICE_USD_PER_MWH, 20);
        ControllerConfig cfg = ControllerConfig.defaults(0.01).withSafeStateMinHold(Duration.ofMinutes(5));
        SiteController c = new SiteController(
                new SiteController.Wiring(
                        cfg,
                        fleet,
                        List.of(price),
                        new MeritOrderTarget(0),
                        new InMemoryAuditLog(),
                        ControllerObserver.NONE),
                clock.instant());
        price.at = clock.instant();
        for (int s = 0; s < 10; s++) { // the price stops for 5 minutes: stale after 2
            c.step(clock.advance(STEP));
        }
        assertThat(c.safe()).isTrue();
        int stepsSafeAfterBack = 0;
        for (int s = 0; s < 30 && c.safe(); s++) {
            price.at = clock.advance(STEP);
            c.step(price.at);
            if (c.safe()) {
                stepsSafeAfterBack++;
            }
        }
        assertThat(c.safe()).isFalse();
        // 5 minutes at 30 s steps: the first step back starts the hold, the 11th ends it
        assertThat(stepsSafeAfterBack).isEqualTo(10);
    }
}
