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
 * One million controller steps on a fake clock against an in-memory fleet with random device faults, signal loss,
 * price spikes and a site meter that adds cooling, transformer losses and auxiliaries and drops out (all synthetic,
 * seeded). Asserts the hard cap against the true metered site power, every command's outcome in the audit log, the
 * time to reach the safe state after a signal or the meter goes stale, and that every device that comes back from an
 * unreachable spell is woken when the plan wants it.
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

    /**
     * The site's meter (synthetic physics): auxiliaries plus the devices' true power, cooling proportional to it and
     * transformer copper losses growing with its square, sampled one step late (a meter polled before the step it
     * serves), with outages. Marginal cost of a device watt: 1 + 0.06 + 2 x 0.015 at full load = 1.09 W, under the
     * controller's assumed 1.1.
     */
    static final class FakeSiteMeter implements io.minerai.ops.meter.SiteMeter {
        static final double AUX_W = 2_000;
        static final double COOLING_SHARE = 0.06;
        final double lossPerW;
        final FakeFleet fleet;
        io.minerai.ops.meter.@org.jspecify.annotations.Nullable MeterReading latest;
        double pendingW = Double.NaN;
        Instant pendingAt = Instant.EPOCH;

        FakeSiteMeter(FakeFleet fleet, double ratedW) {
            this.fleet = fleet;
            this.lossPerW = 0.015 / ratedW; // 1.5 % of the load lost at full load
        }

        double siteW(double devicesW) {
            return AUX_W + devicesW * (1 + COOLING_SHARE) + lossPerW * devicesW * devicesW;
        }

        double trueSiteW() {
            return siteW(fleet.trueSitePowerW());
        }

        /** Called before each step: publishes the sample taken at the end of the last one (unless out). */
        void tick(Instant now, boolean out) {
            if (!out && !Double.isNaN(pendingW)) {
                latest = new io.minerai.ops.meter.MeterReading(pendingW, pendingAt);
            }
        }

        /** Called after each step: samples the site now (published at the next tick). */
        void sample(Instant now) {
            pendingW = trueSiteW();
            pendingAt = now;
        }

        @Override
        public String name() {
            return "meter";
        }

        @Override
        public Duration staleAfter() {
            return SIGNAL_STALE_AFTER;
        }

        @Override
        public boolean poll() {
            return true;
        }

        @Override
        public Optional<io.minerai.ops.meter.MeterReading> latest() {
            return Optional.ofNullable(latest);
        }

        @Override
        public @org.jspecify.annotations.Nullable String lastError() {
            return null;
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
        double capMw = 0.85 * ratedW / 1e6; // on metered site power: the cap binds, the fleet cannot all run
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
                SAFE_DEADLINE,
                Duration.ofSeconds(30)); // hold the safe state 30 s after its reasons are gone
        FakeFleet.Faults faults = new FakeFleet.Faults(0.05, 0.03, 0.02, 0.05, 10, 0.0005, 100, 0.0005, 50, 0.02, 5);
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        FakeFleet fleet = new FakeFleet(specs, DeviceMode.SLEEPING, faults, 42, STEP);
        FlakySignal price = new FlakySignal("price", SignalKind.PRICE_USD_PER_MWH, 30, t0);
        FlakySignal mqtt = new FlakySignal("mqtt", SignalKind.LOAD_PERCENT, 100, t0);
        CheckingAuditLog audit = new CheckingAuditLog();
        FakeSiteMeter meter = new FakeSiteMeter(fleet, ratedW);
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
        int meterOutageLeft = 0;
        Instant lastMeterSample = t0;
        int n = specs.size();
        boolean[] wasUnreachable = new boolean[n];
        int[] wantRunSince = new int[n]; // 0: not tracking; else the step since which the plan wants a returned device
        long comebacks = 0;
        long wokenAfterComeback = 0;
        long notWoken = 0;
        double maxSiteW = 0;
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
            boolean meterOut;
            if (meterOutageLeft > 0) {
                meterOutageLeft--;
                meterOut = true;
            } else {
                meterOut = r.nextDouble() < 0.0003;
                if (meterOut) {
                    meterOutageLeft = r.nextInt(120);
                }
            }
            meter.tick(now, meterOut);
            if (!meterOut && meter.latest != null) {
                lastMeterSample = meter.latest.observedAtUtc();
            }
            boolean anyStale = Duration.between(price.lastUpdate, now).compareTo(SIGNAL_STALE_AFTER) > 0
                    || Duration.between(mqtt.lastUpdate, now).compareTo(SIGNAL_STALE_AFTER) > 0
                    || Duration.between(lastMeterSample, now).compareTo(SIGNAL_STALE_AFTER) > 0;

            ControllerStatus st = c.step(now);
            meter.sample(now);

            // Devices back from an unreachable spell must be woken when the plan wants them.
            for (int i = 0; i < n; i++) {
                boolean un = fleet.unreachable(i);
                if (wasUnreachable[i] && !un) {
                    comebacks++;
                    wantRunSince[i] = -1; // armed
                }
                wasUnreachable[i] = un;
                if (wantRunSince[i] != 0) {
                    if (un || fleet.trueMode(i) == DeviceMode.RUNNING) {
                        if (!un) {
                            wokenAfterComeback++;
                        }
                        wantRunSince[i] = 0;
                    } else if (c.wantOf(i) == Want.RUN && !st.safe()) {
                        if (wantRunSince[i] < 0) {
                            wantRunSince[i] = s;
                        } else if (s - wantRunSince[i] > 60) {
                            notWoken++;
                            wantRunSince[i] = 0;
                        }
                    } else if (wantRunSince[i] > 0) {
                        wantRunSince[i] = -1; // the plan changed its mind: start again
                    }
                }
            }

            double trueW = meter.trueSiteW();
            maxSiteW = Math.max(maxSiteW, trueW);
            sumTruePowerW += trueW;
            if (trueW > capMw * 1e6 + 1e-6) {
                overCapSteps++;
                maxOverW = Math.max(maxOverW, trueW - capMw * 1e6);
            }
            if (st.worstCasePowerMw() * 1e6 + 1e-6 < fleet.trueSitePowerW()) {
                beliefBelowTruth++;
                if (beliefBelowTruth <= 5) {
                    System.out.printf(
                            "belief below truth at step %d: worst case %.0f W, true devices %.0f W%n",
                            s, st.worstCasePowerMw() * 1e6, fleet.trueSitePowerW());
                }
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
                "meter: maxSiteW=%.0f capW=%.0f comebacks=%d wokenAfterComeback=%d notWoken=%d%n",
                maxSiteW, capMw * 1e6, comebacks, wokenAfterComeback, notWoken);

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

        assertThat(overCapSteps)
                .as("intervals over the site cap (metered power)")
                .isZero();
        assertThat(notWoken)
                .as("devices back from an outage not woken within 60 steps of the plan wanting them")
                .isZero();
        assertThat(wokenAfterComeback).isGreaterThan(100);
        assertThat(beliefBelowTruth)
                .as("steps where the controller's worst case was below the devices' true load")
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
