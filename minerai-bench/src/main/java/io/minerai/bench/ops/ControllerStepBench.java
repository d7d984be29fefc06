package io.minerai.bench.ops;

import io.minerai.core.audit.AuditEntry;
import io.minerai.core.audit.AuditLog;
import io.minerai.ops.control.ControllerConfig;
import io.minerai.ops.control.ControllerObserver;
import io.minerai.ops.control.MeritOrderTarget;
import io.minerai.ops.control.MeterLoop;
import io.minerai.ops.control.SiteController;
import io.minerai.ops.device.Capabilities;
import io.minerai.ops.device.DeviceKind;
import io.minerai.ops.device.DeviceMode;
import io.minerai.ops.device.DeviceSpec;
import io.minerai.ops.meter.MeterReading;
import io.minerai.ops.meter.SiteMeter;
import io.minerai.ops.signal.SignalKind;
import io.minerai.ops.signal.SignalSource;
import io.minerai.ops.signal.SignalValue;
import io.minerai.ops.sim.FakeFleet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One controller step (signals, meter, telemetry, reconcile, plan, send, audit) against the in-memory fleet with the
 * fault-injection test's random faults (synthetic, seeded), with a site meter when {@code meter} is true. The target
 * of issue 14: within 2x of the 4.2 us per step measured for 40 devices before it (docs/PERFORMANCE.md). Average time
 * per step on one thread; {@code ControllerStepCpuBench} gives the thread-CPU figure on a shared machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx256m"})
public class ControllerStepBench {
    @Param({"40", "400"})
    int devices = 40;

    @Param({"true"})
    boolean meter = true;

    private SiteController controller;
    private FakeFleet fleet;
    private Instant now = Instant.parse("2024-01-01T00:00:00Z");
    private final double[] price = {30};
    private final Instant[] priceAt = {now};
    private final SplittableRandom rnd = new SplittableRandom(7);
    private @Nullable MeterReading reading;
    private long step;

    /** Counts entries only (the store's cost is not the controller's). */
    static final class CountingAudit implements AuditLog {
        long n;

        @Override
        public AuditEntry append(AuditEntry e) {
            n++;
            return e;
        }

        @Override
        public List<AuditEntry> read(Instant fromUtc, Instant toUtc) {
            return List.of();
        }

        @Override
        public long size() {
            return n;
        }
    }

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(7);
        List<DeviceSpec> specs = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            double rated = 3000 + r.nextInt(600);
            specs.add(new DeviceSpec(
                    "m" + i,
                    DeviceKind.MINER,
                    rated,
                    120,
                    100,
                    30 + r.nextInt(90),
                    i % 3 == 0 ? Capabilities.sleepAndTarget(1800, rated) : Capabilities.SLEEP_ONLY));
        }
        double ratedW = specs.stream().mapToDouble(DeviceSpec::ratedPowerW).sum();
        double capMw = 0.85 * ratedW / 1e6;
        fleet = new FakeFleet(
                specs,
                DeviceMode.SLEEPING,
                new FakeFleet.Faults(0.05, 0.03, 0.02, 0.05, 10, 0.0005, 100, 0.0005, 50, 0.02, 5),
                42,
                Duration.ofSeconds(10));
        SignalSource p = new SignalSource() {
            @Override
            public String name() {
                return "price";
            }

            @Override
            public SignalKind kind() {
                return SignalKind.PRICE_USD_PER_MWH;
            }

            @Override
            public Duration staleAfter() {
                return Duration.ofMinutes(5);
            }

            @Override
            public Optional<SignalValue> latest(Instant nowUtc) {
                return Optional.of(new SignalValue(price[0], priceAt[0]));
            }
        };
        SiteMeter m = new SiteMeter() {
            @Override
            public String name() {
                return "meter";
            }

            @Override
            public Duration staleAfter() {
                return Duration.ofMinutes(1);
            }

            @Override
            public boolean poll() {
                return true;
            }

            @Override
            public Optional<MeterReading> latest() {
                return Optional.ofNullable(reading);
            }

            @Override
            public @Nullable String lastError() {
                return null;
            }
        };
        ControllerConfig cfg = new ControllerConfig(
                capMw,
                Duration.ofSeconds(25),
                Duration.ofSeconds(60),
                Duration.ofSeconds(30),
                Duration.ofSeconds(10),
                capMw / 10,
                0,
                0.5,
                50,
                Duration.ofMinutes(6),
                Duration.ofSeconds(30));
        controller = new SiteController(
                new SiteController.Wiring(
                        cfg,
                        fleet,
                        List.of(p),
                        new MeritOrderTarget(0),
                        new CountingAudit(),
                        ControllerObserver.NONE,
                        meter ? Optional.of(new MeterLoop(m, 0.1, Duration.ofMinutes(5))) : Optional.empty()),
                now);
    }

    @Benchmark
    public Object step() {
        now = now.plusSeconds(10);
        if (step++ % 6 == 0) {
            price[0] = rnd.nextDouble() < 0.01 ? 2000 : 20 + rnd.nextDouble() * 80;
            priceAt[0] = now;
        }
        reading = new MeterReading(2_000 + 1.08 * fleet.trueSitePowerW(), now);
        return controller.step(now);
    }
}
