package io.minerai.ops.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.core.audit.AuditEntry;
import io.minerai.ops.audit.InMemoryAuditLog;
import io.minerai.ops.device.Capabilities;
import io.minerai.ops.device.DeviceDriver;
import io.minerai.ops.device.DeviceKind;
import io.minerai.ops.device.DeviceSpec;
import io.minerai.ops.emulator.EmulatorFleet;
import io.minerai.ops.emulator.Firmware;
import io.minerai.ops.emulator.VirtualMiner;
import io.minerai.ops.signal.SignalKind;
import io.minerai.ops.signal.SignalSource;
import io.minerai.ops.signal.SignalValue;
import io.minerai.ops.sim.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The controller over real drivers and sockets: a price spike curtails the fleet; a lost signal puts it to sleep. */
class DriverFleetControllerTest {
    @Test
    void curtailsOnASpikeAndSleepsWhenTheSignalGoesStale() throws Exception {
        FakeClock clock = new FakeClock(Instant.parse("2024-08-19T20:00:00Z"));
        List<DeviceSpec> specs = new ArrayList<>();
        List<DeviceDriver> drivers = new ArrayList<>();
        try (EmulatorFleet emu = new EmulatorFleet()) {
            Firmware[] fws = Firmware.values();
            for (int i = 0; i < 6; i++) {
                Firmware fw = fws[i % fws.length];
                VirtualMiner m = new VirtualMiner("m" + i, fw, 3250, 60, 104, "pw", clock);
                var e = emu.add(m);
                drivers.add(EmulatorFleet.driver(e, EmulatorFleet.Timeouts.TESTS, clock));
                specs.add(
                        new DeviceSpec("m" + i, DeviceKind.MINER, 3250, 60, 104, 40 + 10 * i, Capabilities.SLEEP_ONLY));
            }
            double[] price = {30};
            Instant[] priceAt = {clock.instant()};
            SignalSource priceSignal = new SignalSource() {
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
                    return Duration.ofMinutes(2);
                }

                @Override
                public Optional<SignalValue> latest(Instant nowUtc) {
                    return Optional.of(new SignalValue(price[0], priceAt[0]));
                }
            };
            InMemoryAuditLog audit = new InMemoryAuditLog();
            ControllerConfig cfg = new ControllerConfig(
                    1.0,
                    Duration.ofSeconds(90),
                    Duration.ofMinutes(3),
                    Duration.ofSeconds(90),
                    Duration.ofSeconds(10),
                    1.0,
                    0,
                    0.5,
                    50,
                    Duration.ofMinutes(10));
            try (DriverFleet fleet = new DriverFleet(specs, drivers, clock)) {
                SiteController c = new SiteController(
                        new SiteController.Wiring(
                                cfg,
                                fleet,
                                List.of(priceSignal),
                                new MeritOrderTarget(0),
                                audit,
                                ControllerObserver.NONE),
                        clock.instant());
                // Price 65: devices worth 40, 50, 60 are curtailed, 70, 80, 90 keep running.
                price[0] = 65;
                ControllerStatus st;
                try {
                    st = runUntil(
                            c,
                            clock,
                            priceAt,
                            s -> s.commandsInFlight() == 0
                                    && emuSleeping(emu).equals(List.of(true, true, true, false, false, false)));
                } catch (AssertionError ae) {
                    audit.all().forEach(System.out::println);
                    throw ae;
                }
                if (!emuSleeping(emu).equals(List.of(true, true, true, false, false, false))) {
                    audit.all().forEach(System.out::println);
                }
                assertThat(st.running()).isEqualTo(3);
                assertThat(emuSleeping(emu)).containsExactly(true, true, true, false, false, false);
                // The price feed stops: after 2 minutes the site goes to its safe state and sleeps everything.
                st = runUntilStale(c, clock, s -> s.safeReached());
                assertThat(st.safe()).isTrue();
                assertThat(emuSleeping(emu)).containsOnly(true);
                c.close(clock.instant());
            }
            List<AuditEntry> all = audit.all();
            assertThat(all).anyMatch(e -> e.action().equals("enter-safe-state"));
            long sent = all.stream().filter(e -> e.outcome().equals("sent")).count();
            long done = all.stream()
                    .filter(e ->
                            e.details().containsKey("command") && !e.outcome().equals("sent"))
                    .count();
            assertThat(sent).isEqualTo(done).isGreaterThanOrEqualTo(6);
        }
    }

    private static List<Boolean> emuSleeping(EmulatorFleet emu) {
        return emu.miners().stream().map(m -> m.miner().sleeping()).toList();
    }

    private static ControllerStatus runUntil(
            SiteController c, FakeClock clock, Instant[] priceAt, java.util.function.Predicate<ControllerStatus> done)
            throws InterruptedException {
        ControllerStatus st = null;
        for (int i = 0; i < 200; i++) {
            Instant now = clock.advance(Duration.ofSeconds(10));
            priceAt[0] = now;
            st = c.step(now);
            if (done.test(st)) {
                return st;
            }
            Thread.sleep(50); // let the device threads answer (real sockets); bounded by the loop
        }
        throw new AssertionError("not reached: " + st);
    }

    private static ControllerStatus runUntilStale(
            SiteController c, FakeClock clock, java.util.function.Predicate<ControllerStatus> done)
            throws InterruptedException {
        ControllerStatus st = null;
        for (int i = 0; i < 200; i++) {
            st = c.step(clock.advance(Duration.ofSeconds(10)));
            if (done.test(st)) {
                return st;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not reached: " + st);
    }
}
