package io.minerai.bench.ops;

import io.minerai.core.audit.AuditEntry;
import io.minerai.core.audit.AuditLog;
import io.minerai.ops.control.ControllerConfig;
import io.minerai.ops.control.ControllerObserver;
import io.minerai.ops.control.MeritOrderTarget;
import io.minerai.ops.control.SiteController;
import io.minerai.ops.device.Capabilities;
import io.minerai.ops.device.DeviceKind;
import io.minerai.ops.device.DeviceMode;
import io.minerai.ops.device.DeviceSpec;
import io.minerai.ops.signal.SignalKind;
import io.minerai.ops.signal.SignalSource;
import io.minerai.ops.signal.SignalValue;
import io.minerai.ops.sim.FakeFleet;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Cost of one controller step (signals, telemetry, reconcile, plan, send, audit) against an in-memory fleet with
 * random faults (synthetic, seeded; the fault-injection test's rates), reporting thread CPU time so figures stay
 * meaningful on a shared machine. Usage: {@code java -cp ... io.minerai.bench.ops.ControllerStepCpuBench [devices]
 * [steps]}.
 */
public final class ControllerStepCpuBench {
    private ControllerStepCpuBench() {}

    /** Counts entries only (the audit store's own cost is not the controller's). */
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

    public static void main(String[] args) {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
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
        double capMw =
                0.85 * specs.stream().mapToDouble(DeviceSpec::ratedPowerW).sum() / 1e6;
        Duration step = Duration.ofSeconds(10);
        FakeFleet fleet = new FakeFleet(
                specs,
                DeviceMode.SLEEPING,
                new FakeFleet.Faults(0.05, 0.03, 0.02, 0.05, 10, 0.0005, 100, 0.0005, 50, 0.02, 5),
                42,
                step);
        double[] price = {30};
        Instant[] at = {Instant.parse("2024-01-01T00:00:00Z")};
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
                return Optional.of(new SignalValue(price[0], at[0]));
            }
        };
        CountingAudit audit = new CountingAudit();
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
                Duration.ofMinutes(6));
        SiteController c = new SiteController(
                new SiteController.Wiring(
                        cfg, fleet, List.of(p), new MeritOrderTarget(0), audit, ControllerObserver.NONE),
                at[0]);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Instant now = at[0];
        long cpu0 = 0;
        long wall0 = 0;
        int warm = Math.min(steps / 5, 20_000);
        for (int s = 0; s < warm + steps; s++) {
            if (s == warm) {
                cpu0 = mx.getCurrentThreadCpuTime();
                wall0 = System.nanoTime();
            }
            now = now.plus(step);
            if (s % 6 == 0) {
                price[0] = r.nextDouble() < 0.01 ? 2000 : 20 + r.nextDouble() * 80;
                at[0] = now;
            }
            c.step(now);
        }
        long cpu = mx.getCurrentThreadCpuTime() - cpu0;
        long wall = System.nanoTime() - wall0;
        System.out.printf(
                Locale.ROOT,
                "controller step, %d devices, %d steps: %.1f us thread CPU per step (%.0f ns per device-step), %.1f us"
                        + " wall; %d audit entries%n",
                devices,
                steps,
                cpu / 1e3 / steps,
                (double) cpu / steps / devices,
                wall / 1e3 / steps,
                audit.n);
    }
}
