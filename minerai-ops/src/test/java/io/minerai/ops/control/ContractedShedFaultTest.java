package io.minerai.ops.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.core.audit.AuditEntry;
import io.minerai.core.audit.AuditLog;
import io.minerai.ops.device.DeviceMode;
import io.minerai.ops.device.DeviceSpec;
import io.minerai.ops.signal.MqttCurtailmentSignal;
import io.minerai.ops.signal.SignalKind;
import io.minerai.ops.sim.FakeClock;
import io.minerai.ops.sim.FakeFleet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Contracted sheds over MQTT in the fault-injection setting (synthetic, seeded, bounded: 100,000 steps of 10 s):
 * the fleet of {@link FaultInjectionTest} with its command faults, unreachable spells and frozen telemetry, its meter
 * with auxiliaries, cooling and transformer losses sampled one step late, and a publisher that dispatches sheds (the
 * contract's 30 kW, or an amount of its own), lifts them, repeats itself every 30 s, goes silent for spells and has
 * its older messages redelivered. Asserts that every shed is met on true metered power within the deadline and held,
 * that the rest of the site keeps running (the shed is not the whole site), that no shed ends before the program's
 * minimum time, that every redelivered or stale message is rejected, the cap on metered power, and one outcome per
 * command.
 */
class ContractedShedFaultTest {
    static final int STEPS = Integer.getInteger("shedFaultSteps", 100_000);
    static final Duration STEP = Duration.ofSeconds(10);
    static final Duration MIN_CURTAILED = Duration.ofMinutes(5);
    static final int DEADLINE_STEPS = 36; // 6 minutes, as for the safe state

    /** Passes command entries to the checking log and keeps the site's shed entries. */
    static final class ShedLog implements AuditLog {
        final FaultInjectionTest.CheckingAuditLog commands = new FaultInjectionTest.CheckingAuditLog();
        final List<AuditEntry> sheds = new ArrayList<>();

        @Override
        public AuditEntry append(AuditEntry e) {
            if (e.action().startsWith("shed-")) {
                sheds.add(e);
            }
            return commands.append(e);
        }

        @Override
        public List<AuditEntry> read(Instant fromUtc, Instant toUtc) {
            return List.of();
        }

        @Override
        public long size() {
            return commands.size();
        }
    }

    static void publish(MqttCurtailmentSignal s, String body, Instant at) {
        s.onMessage(("{" + body + ",\"timestamp\":" + at.getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shedsAreMetOnMeteredPowerAndHeldWhileTheRestRuns() {
        List<DeviceSpec> specs = FaultInjectionTest.fleet();
        double ratedW = specs.stream().mapToDouble(DeviceSpec::ratedPowerW).sum();
        double maxDeviceW =
                specs.stream().mapToDouble(DeviceSpec::ratedPowerW).max().orElseThrow();
        double floorDevicesW =
                specs.stream().mapToDouble(DeviceSpec::curtailedPowerW).sum();
        double capMw = 0.85 * ratedW / 1e6;
        ControllerConfig cfg = new ControllerConfig(
                capMw,
                Duration.ofSeconds(25),
                Duration.ofSeconds(60),
                Duration.ofSeconds(30),
                Duration.ofSeconds(10),
                0.02,
                0,
                0.5,
                50,
                Duration.ofMinutes(6),
                Duration.ofSeconds(30));
        FakeFleet.Faults faults = new FakeFleet.Faults(0.05, 0.03, 0.02, 0.05, 10, 0.0005, 100, 0.0005, 50, 0.02, 5);
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        FakeClock clock = new FakeClock(t0);
        FakeFleet fleet = new FakeFleet(specs, DeviceMode.SLEEPING, faults, 4242, STEP);
        // every miner earns more than 20 USD/MWh: only the cap and the sheds curtail
        FaultInjectionTest.FlakySignal price =
                new FaultInjectionTest.FlakySignal("price", SignalKind.PRICE_USD_PER_MWH, 20, t0);
        MqttCurtailmentSignal mqtt = new MqttCurtailmentSignal(
                new MqttCurtailmentSignal.Settings(
                        "tcp://127.0.0.1:1", // never connected: payloads are handed in as the broker delivers them
                        "dr/curtail",
                        "site",
                        "",
                        "",
                        FaultInjectionTest.SIGNAL_STALE_AFTER,
                        Duration.ofSeconds(10),
                        MIN_CURTAILED,
                        30),
                clock);
        ShedLog audit = new ShedLog();
        FaultInjectionTest.FakeSiteMeter meter = new FaultInjectionTest.FakeSiteMeter(fleet, ratedW);
        SiteController c = new SiteController(
                new SiteController.Wiring(
                        cfg,
                        fleet,
                        List.of(price, mqtt),
                        new MeritOrderTarget(0),
                        audit,
                        ControllerObserver.NONE,
                        Optional.of(new MeterLoop(meter, 0.1, Duration.ofMinutes(5)))),
                t0);
        SplittableRandom r = new SplittableRandom(7);
        String instruction = "\"target\":100";
        int eventLeft = 0;
        int silentLeft = 0;
        long redelivered = 0;
        long events = 0;
        long overCap = 0;
        long staleNotSafe = 0;
        // the controller's shed as audited: ceiling (W, NaN when none), since which step, reached
        double ceilingW = Double.NaN;
        double lastShedKw = 0;
        Instant lastDeeperAt = t0;
        int ceilingSinceStep = 0;
        boolean reached = false;
        boolean feasible = false;
        long infeasible = 0;
        long sheds = 0;
        long reachedCount = 0;
        long missed = 0;
        int maxStepsToReach = 0;
        long aboveAfterReached = 0;
        long endedEarly = 0;
        long heldSteps = 0;
        double overShedSumW = 0;
        long cleanSteps = 0;
        double cleanOverShedSumW = 0;
        double maxCleanOverShedW = 0;
        int lastSafeStep = -1000;
        long wholeSiteAsleepSteps = 0;
        int seen = 0;
        Instant lastPublished = t0;
        Instant now = t0;
        for (int s = 1; s <= STEPS; s++) {
            now = clock.advance(STEP);
            if (s % 6 == 0) {
                price.lastUpdate = now;
            }
            // The publisher: every 30 s, unless silent.
            if (s % 3 == 0) {
                if (silentLeft > 0) {
                    silentLeft--;
                } else {
                    if (r.nextDouble() < 0.002) {
                        silentLeft = 1 + r.nextInt(20); // up to 10 minutes of silence: stale, safe state
                    }
                    if (eventLeft > 0) {
                        eventLeft--;
                        if (eventLeft == 0) {
                            instruction = "\"target\":100";
                        } else if (r.nextDouble() < 0.01) {
                            instruction = "\"shedKw\":" + (10 + r.nextInt(30)); // the dispatch changes its amount
                        }
                    } else if (r.nextDouble() < 0.01) {
                        events++;
                        eventLeft = 10 + r.nextInt(60); // 5 to 35 minutes
                        instruction = r.nextBoolean() ? "\"target\":0" : "\"shedKw\":" + (10 + r.nextInt(30));
                    }
                    publish(mqtt, instruction, now);
                    lastPublished = now;
                    if (r.nextDouble() < 0.02) { // QoS 1 redelivers an older message after a reconnect
                        redelivered++;
                        publish(
                                mqtt,
                                r.nextBoolean() ? "\"target\":100" : "\"shedKw\":0",
                                now.minusSeconds(30 + r.nextInt(600)));
                    }
                }
            }
            boolean meterOut = r.nextDouble() < 0.0002;
            meter.tick(now, meterOut);
            ControllerStatus st = c.step(now);
            meter.sample(now);
            boolean mqttStale =
                    Duration.between(lastPublished, now).compareTo(FaultInjectionTest.SIGNAL_STALE_AFTER) > 0;
            if (mqttStale && !st.safe()) {
                staleNotSafe++;
            }
            if (st.safe()) {
                lastSafeStep = s;
            }

            // What the controller audited this step.
            for (; seen < audit.sheds.size(); seen++) {
                AuditEntry e = audit.sheds.get(seen);
                switch (e.action()) {
                    case "shed-start", "shed-change" -> {
                        double kw = Double.parseDouble(e.details().get("shedKw"));
                        double newCeiling = Double.parseDouble(e.details().get("ceilingKw")) * 1e3;
                        if (e.action().equals("shed-change") && kw < lastShedKw) {
                            if (Duration.between(lastDeeperAt, e.timeUtc()).compareTo(MIN_CURTAILED) < 0) {
                                endedEarly++;
                            }
                        } else {
                            lastDeeperAt = e.timeUtc();
                        }
                        sheds++;
                        lastShedKw = kw;
                        ceilingW = newCeiling;
                        ceilingSinceStep = s;
                        reached = false;
                        // Judged only when the devices the controller cannot command (unreachable, counted at
                        // rated power) and every floor leave room for at least one running device.
                        double uncommandableW = floorDevicesW;
                        for (int i = 0; i < specs.size(); i++) {
                            if (fleet.unreachable(i) || c.deviceLost(i)) {
                                uncommandableW += specs.get(i).ratedPowerW();
                            }
                        }
                        feasible = newCeiling >= meter.siteW(uncommandableW + 1.1 * maxDeviceW);
                        if (!feasible) {
                            infeasible++;
                        }
                    }
                    case "shed-end" -> {
                        if (Duration.between(lastDeeperAt, e.timeUtc()).compareTo(MIN_CURTAILED) < 0) {
                            endedEarly++;
                        }
                        ceilingW = Double.NaN;
                        lastShedKw = 0;
                    }
                    default -> {}
                }
            }

            double trueW = meter.trueSiteW();
            if (trueW > capMw * 1e6 + 1e-6) {
                overCap++;
            }
            if (!Double.isNaN(ceilingW) && feasible) {
                if (!reached) {
                    if (trueW <= ceilingW + 1e-6) {
                        reached = true;
                        reachedCount++;
                        maxStepsToReach = Math.max(maxStepsToReach, s - ceilingSinceStep);
                    } else if (s - ceilingSinceStep == DEADLINE_STEPS + 1) {
                        missed++;
                        System.out.printf(
                                "shed not met at step %d: true %.0f W, ceiling %.0f W, safe %s%n",
                                s, trueW, ceilingW, st.safe());
                    }
                } else {
                    if (trueW > ceilingW + 1e-6) {
                        aboveAfterReached++;
                    }
                    double over = ceilingW - trueW;
                    if (!st.safe()) {
                        heldSteps++;
                        overShedSumW += over;
                    }
                    // "Clean" steps: every device read, no safe state for 3 minutes (restores after one go in
                    // batches). Elsewhere a device counted at rated power while the meter sees its real draw makes
                    // the controller shed more than asked, on purpose (it cannot tell what an unread device draws).
                    if (st.unknown() == 0 && st.lost() == 0 && s - lastSafeStep > 18) {
                        cleanSteps++;
                        cleanOverShedSumW += over;
                        maxCleanOverShedW = Math.max(maxCleanOverShedW, over);
                        if (trueW <= meter.siteW(floorDevicesW) + 1) {
                            wholeSiteAsleepSteps++;
                        }
                    }
                }
            }
        }
        c.close(now);
        double meanOverShedW = heldSteps == 0 ? 0 : overShedSumW / heldSteps;
        double meanCleanOverShedW = cleanSteps == 0 ? 0 : cleanOverShedSumW / cleanSteps;
        System.out.printf(
                "contracted shed: steps=%d events=%d sheds(start+change)=%d reached=%d missed=%d maxStepsToReach=%d"
                        + " aboveAfterReached=%d heldSteps=%d meanOverShedW=%.0f cleanSteps=%d meanCleanOverShedW=%.0f"
                        + " maxCleanOverShedW=%.0f"
                        + " wholeSiteAsleep=%d infeasible=%d endedEarly=%d redelivered=%d rejected=%d overCap=%d commands=%d%n",
                STEPS,
                events,
                sheds,
                reachedCount,
                missed,
                maxStepsToReach,
                aboveAfterReached,
                heldSteps,
                meanOverShedW,
                cleanSteps,
                meanCleanOverShedW,
                maxCleanOverShedW,
                wholeSiteAsleepSteps,
                infeasible,
                endedEarly,
                redelivered,
                mqtt.rejectedCount(),
                overCap,
                audit.commands.sent);

        assertThat(events).as("shed events dispatched").isGreaterThan(50);
        assertThat(reachedCount).as("sheds met").isGreaterThan(50);
        assertThat(missed).as("sheds not met on metered power within 6 minutes").isZero();
        assertThat(aboveAfterReached)
                .as("steps above a met shed's ceiling while it held")
                .isZero();
        assertThat(endedEarly).as("sheds lightened before the minimum time").isZero();
        assertThat(mqtt.rejectedCount())
                .as("redelivered older messages rejected")
                .isEqualTo(redelivered);
        assertThat(redelivered).isGreaterThan(100);
        assertThat(staleNotSafe)
                .as("steps with a stale publisher outside the safe state")
                .isZero();
        assertThat(overCap).as("steps over the cap on metered power").isZero();
        // The rest keeps running: the site is never put wholly to sleep for a shed, and on average it stays within
        // one device (with its cooling and losses) of the ceiling: merit order with power targets fills the room.
        assertThat(wholeSiteAsleepSteps).isZero();
        assertThat(cleanSteps).isGreaterThan(heldSteps / 5);
        assertThat(meanCleanOverShedW).isLessThan(1.1 * maxDeviceW);
        assertThat(audit.commands.errors).isEmpty();
        assertThat(audit.commands.open).as("commands without an outcome").isEmpty();
        assertThat(audit.commands.sent).isEqualTo(audit.commands.finished);
    }
}
