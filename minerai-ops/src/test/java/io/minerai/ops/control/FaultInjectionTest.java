package io.minerai.ops.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.core.audit.AuditEntry;
import io.minerai.core.audit.AuditLog;
import io.minerai.ops.device.Capabilities;
import io.minerai.ops.device.DeviceKind;
import io.minerai.ops.device.DeviceMode;
import io.minerai.ops.device.DeviceSpec;
import io.minerai.ops.signal.SignalKind;
import io.minerai.ops.signal.SignalSource;
import io.minerai.ops.signal.SignalValue;
import io.minerai.ops.sim.FakeFleet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * One million controller steps on a fake clock against an in-memory fleet with random device faults, signal loss and
 * price spikes (all synthetic, seeded). Asserts the hard cap against the fleet's true power, every command's outcome
 * in the audit log, and the time to reach the safe state after a signal goes stale.
 */
class FaultInjectionTest {
    static final int STEPS = Integer.getInteger("faultSteps", 1_000_000);
    static final Duration STEP = Duration.ofSeconds(10);
    static final Duration SIGNAL_STALE_AFTER = Duration.ofSeconds(60);
    static final Duration SAFE_DEADLINE = Duration.ofMinutes(6);

    /** Checks the audit log as it is written; keeps only open commands, so a million steps fit in memory. */
    static final class CheckingAuditLog implements AuditLog {
        final Map<Long, String> open = new HashMap<>();
        long entries;
        long safeLate;
        long sent;
        long finished;
        final Map<String, Long> outcomes = new HashMap<>();
        final Map<String, Long> byAction = new java.util.TreeMap<>();
        final List<String> errors = new ArrayList<>();

        @Override
        public AuditEntry append(AuditEntry e) {
            entries++;
            if (e.action().equals("safe-state-late")) {
                safeLate++;
            }
            String id = e.details().get("command");
            if (id != null) {
                long c = Long.parseLong(id);
                if (e.outcome().equals("sent")) {
                    sent++;
                    if (open.put(c, e.action()) != null) {
                        errors.add("command " + c + " sent twice");
                    }
                } else {
                    String action = open.remove(c);
                    if (action == null) {
                        errors.add("outcome " + e.outcome() + " for command " + c + " that is not open");
                    } else if (!action.equals(e.action())) {
                        errors.add("command " + c + " action changed");
                    }
                    finished++;
                    outcomes.merge(e.outcome(), 1L, Long::sum);
                    byAction.merge(e.action().split(" ")[0] + "/" + e.outcome(), 1L, Long::sum);
                }
            }
            return e;
        }

        @Override
        public List<AuditEntry> read(Instant fromUtc, Instant toUtc) {
            return List.of();
        }

        @Override
        public long size() {
            return entries;
        }
    }

    /** A signal whose feed stops for random spells (labelled synthetic). */
    static final class FlakySignal implements SignalSource {
        final String name;
        final SignalKind kind;
        double value;
        Instant lastUpdate;
        boolean everUpdated;

        FlakySignal(String name, SignalKind kind, double value, Instant t) {
            this.name = name;
            this.kind = kind;
            this.value = value;
            this.lastUpdate = t;
            this.everUpdated = true;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public SignalKind kind() {
            return kind;
        }

        @Override
        public Duration staleAfter() {
            return SIGNAL_STALE_AFTER;
        }

        @Override
        public Optional<SignalValue> latest(Instant nowUtc) {
            return Optional.of(new SignalValue(value, lastUpdate));
        }
    }

    static List<DeviceSpec> fleet() {
        List<DeviceSpec> out = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 34; i++) {
            double rated = 3000 + r.nextInt(600);
            Capabilities caps = i % 3 == 0 ? Capabilities.sleepAndTarget(1800, rated) : Capabilities.SLEEP_ONLY;
            out.add(new DeviceSpec(
                    "m" + i, DeviceKind.MINER, rated, 120, 100 + r.nextInt(40), 30 + r.nextInt(90), caps));
        }
        for (int i = 0; i < 6; i++) {
            out.add(new DeviceSpec(
                    "g" + i,
                    DeviceKind.GPU_NODE,
                    10_000,
                    4_000,
                    0,
                    400 + i,
                    Capabilities.sleepAndTarget(4_000, 10_000)));
        }
        return out;
    }

    @Test
    void millionStepsWithFaultsNeverExceedTheCapAndAuditEveryCommand() {
        List<DeviceSpec> specs = fleet();
        double ratedW = specs.stream().mapToDouble(DeviceSpec::ratedPowerW).sum();
        double capMw = 0.85 * ratedW / 1e6; // the cap binds: the fleet cannot all run
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
                SAFE_DEADLINE);
        FakeFleet.Faults faults = new FakeFleet.Faults(0.05, 0.03, 0.02, 0.05, 10, 0.0005, 100, 0.0005, 50, 0.02, 5);
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        FakeFleet fleet = new FakeFleet(specs, DeviceMode.SLEEPING, faults, 42, STEP);
        FlakySignal price = new FlakySignal("price", SignalKind.PRICE_USD_PER_MWH, 30, t0);
        FlakySignal mqtt = new FlakySignal("mqtt", SignalKind.LOAD_PERCENT, 100, t0);
        CheckingAuditLog audit = new CheckingAuditLog();
        SiteController c = new SiteController(
                new SiteController.Wiring(
                        cfg, fleet, List.of(price, mqtt), new MeritOrderTarget(0), audit, ControllerObserver.NONE),
                t0);
        SplittableRandom r = new SplittableRandom(99);
        int priceOutageLeft = 0;
        int mqttOutageLeft = 0;
        long overCapSteps = 0;
        double maxOverW = 0;
        long beliefBelowTruth = 0;
        long staleEpisodes = 0;
        long safeReachedEpisodes = 0;
        long endedBeforeReached = 0;
        long maxStepsToSafe = 0;
        long deadlineMisses = 0;
        long staleSinceStep = -1;
        boolean reachedThisEpisode = false;
        long spikes = 0;
        long safeSteps = 0;
        double sumTruePowerW = 0;
        long deadlineSteps = SAFE_DEADLINE.toSeconds() / STEP.toSeconds();
        double basePrice = 30;
        int spikeLeft = 0;
        Instant now = t0;
        for (int s = 1; s <= STEPS; s++) {
            now = now.plus(STEP);
            // Synthetic price: mean-reverting walk, occasional spikes of 200..5000 $/MWh lasting 1..360 steps.
            if (spikeLeft > 0) {
                spikeLeft--;
            } else if (r.nextDouble() < 0.0005) {
                spikeLeft = 1 + r.nextInt(360);
                spikes++;
            }
            basePrice += 0.02 * (40 - basePrice) + r.nextGaussian() * 2;
            double p = spikeLeft > 0 ? 200 + r.nextDouble() * 4800 : basePrice;
            if (priceOutageLeft > 0) {
                priceOutageLeft--;
            } else {
                if (r.nextDouble() < 0.0003) {
                    priceOutageLeft = 1 + r.nextInt(120);
                }
                if (s % 6 == 0) { // a new price every minute
                    price.value = p;
                    price.lastUpdate = now;
                }
            }
            if (mqttOutageLeft > 0) {
                mqttOutageLeft--;
            } else {
                if (r.nextDouble() < 0.0003) {
                    mqttOutageLeft = 1 + r.nextInt(120);
                }
                if (s % 3 == 0) { // re-published every 30 s
                    if (r.nextDouble() < 0.002) {
                        mqtt.value = mqtt.value > 0 ? 0 : 100;
                    }
                    mqtt.lastUpdate = now;
                }
            }
            boolean anyStale = Duration.between(price.lastUpdate, now).compareTo(SIGNAL_STALE_AFTER) > 0
                    || Duration.between(mqtt.lastUpdate, now).compareTo(SIGNAL_STALE_AFTER) > 0;

            ControllerStatus st = c.step(now);

            double trueW = fleet.trueSitePowerW();
            sumTruePowerW += trueW;
            if (trueW > capMw * 1e6 + 1e-6) {
                overCapSteps++;
                maxOverW = Math.max(maxOverW, trueW - capMw * 1e6);
            }
            if (st.worstCasePowerMw() * 1e6 + 1e-6 < trueW) {
                beliefBelowTruth++;
            }
            if (st.safe()) {
                safeSteps++;
            }
            if (anyStale) {
                if (staleSinceStep < 0) {
                    staleSinceStep = s;
                    reachedThisEpisode = false;
                    staleEpisodes++;
                }
                assertThat(st.safe())
                        .as("safe state at step %d while a signal is stale", s)
                        .isTrue();
                if (st.safeReached() && !reachedThisEpisode) {
                    reachedThisEpisode = true;
                    safeReachedEpisodes++;
                    long took = s - staleSinceStep;
                    maxStepsToSafe = Math.max(maxStepsToSafe, took);
                    if (took > deadlineSteps) {
                        deadlineMisses++;
                    }
                    // Reality check: every device the controller does not consider lost really is asleep.
                    double awakeW = 0;
                    for (int i = 0; i < specs.size(); i++) {
                        if (fleet.trueMode(i) == DeviceMode.RUNNING && !c.deviceLost(i)) {
                            awakeW += fleet.truePowerW(i);
                        }
                    }
                    assertThat(awakeW)
                            .as("true running power of devices not lost at safe-reached, step %d", s)
                            .isZero();
                }
                if (!reachedThisEpisode && s - staleSinceStep > deadlineSteps) {
                    deadlineMisses++;
                    reachedThisEpisode = true; // count once
                }
            } else if (staleSinceStep >= 0) {
                if (!reachedThisEpisode) {
                    endedBeforeReached++;
                }
                staleSinceStep = -1;
            }
        }
        c.close(now);
        System.out.println("byAction " + audit.byAction);

        System.out.printf(
                "fault-injection: steps=%d simulatedDays=%.1f devices=%d capMw=%.4f commands=%d finished=%d outcomes=%s%n"
                        + "  overCapSteps=%d maxOverW=%.1f beliefBelowTruth=%d spikes=%d safeSteps=%d%n"
                        + "  staleEpisodes=%d safeReached=%d endedBeforeReached=%d maxStepsToSafe=%d (%ds, deadline %ds)"
                        + " deadlineMisses=%d meanTruePowerMw=%.4f auditEntries=%d%n",
                STEPS,
                STEPS * STEP.toSeconds() / 86400.0,
                specs.size(),
                capMw,
                audit.sent,
                audit.finished,
                audit.outcomes,
                overCapSteps,
                maxOverW,
                beliefBelowTruth,
                spikes,
                safeSteps,
                staleEpisodes,
                safeReachedEpisodes,
                endedBeforeReached,
                maxStepsToSafe,
                maxStepsToSafe * STEP.toSeconds(),
                SAFE_DEADLINE.toSeconds(),
                deadlineMisses,
                sumTruePowerW / STEPS / 1e6,
                audit.entries);

        assertThat(overCapSteps).as("intervals over the site cap").isZero();
        assertThat(beliefBelowTruth)
                .as("steps where the controller's worst case was below the true load")
                .isZero();
        assertThat(audit.errors).isEmpty();
        assertThat(audit.safeLate).as("safe-state-late alarms").isZero();
        assertThat(audit.open).as("commands without an outcome").isEmpty();
        assertThat(audit.sent).isEqualTo(audit.finished).isGreaterThan(10_000);
        assertThat(staleEpisodes).isGreaterThan(100);
        assertThat(safeReachedEpisodes).isGreaterThan(staleEpisodes / 2);
        assertThat(deadlineMisses)
                .as("safe state not reached within %s", SAFE_DEADLINE)
                .isZero();
        assertThat(spikes).isGreaterThan(100);
        assertThat(audit.outcomes).containsKeys("confirmed", "timeout", "denied", "not-confirmed", "unreachable");
    }
}
