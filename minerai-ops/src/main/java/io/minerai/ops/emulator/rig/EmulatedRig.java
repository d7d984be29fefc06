package io.minerai.ops.emulator.rig;

import io.minerai.ops.emulator.EmulatedDevice;
import io.minerai.ops.emulator.Quirks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One emulated miner's physics, synthetic: wall power and hashrate follow the nameplate scaled by the power target.
 * Unlike the instant {@code VirtualMiner}, commands take the time real firmware takes, on the injected clock: waking
 * goes through a start-up phase (hashboards initialising, power still near the sleep figure), a new power target
 * goes through a tuning phase (power still at the old figure), and a reboot makes the device unreachable for a while.
 * With the {@code claimsSleepButRuns} quirk on, a slept rig reports itself asleep (its firmware flag) while the boards
 * keep hashing until the quirk clears. Thread-safe.
 */
public final class EmulatedRig implements EmulatedDevice {
    /** What the firmware is doing. */
    public enum Phase {
        /** Hashing at the power target. */
        RUNNING,
        /** Hashboards off, control board and fans on. */
        SLEEPING,
        /** Woken, hashboards initialising; draws the sleep power until the start-up delay has passed. */
        STARTING,
        /** A new power target is being tuned; draws the previous power until the tuning delay has passed. */
        TUNING,
        /** Rebooting (after a setting that needs it); unreachable. */
        REBOOTING
    }

    /**
     * A reading as the device reports it.
     *
     * @param phase what it is doing
     * @param powerW wall power
     * @param hashrateThPerS hashrate
     * @param powerTargetW the power target in force (the rated power when none is set)
     * @param whenEpochSeconds the device clock at the reading (frozen when telemetry is stale)
     */
    public record Reading(
            Phase phase, double powerW, double hashrateThPerS, double powerTargetW, long whenEpochSeconds) {
        public boolean sleeping() {
            return phase == Phase.SLEEPING;
        }
    }

    /**
     * Nameplate and firmware figures.
     *
     * @param id device id
     * @param ratedW wall power at stock settings
     * @param sleepW wall power asleep
     * @param hashrateThPerS hashrate at stock settings
     * @param minTargetW lowest power target the firmware accepts
     * @param password the API / web password
     */
    public record Spec(
            String id, double ratedW, double sleepW, double hashrateThPerS, double minTargetW, String password) {
        public Spec {
            if (!(ratedW > 0) || sleepW < 0 || sleepW > ratedW || minTargetW > ratedW) {
                throw new IllegalArgumentException(id + ": inconsistent rig figures");
            }
        }
    }

    /**
     * How long the firmware takes.
     *
     * @param startUp from wake to hashing
     * @param tuning from a new power target to drawing it
     * @param reboot from a reboot to answering again
     */
    public record Delays(Duration startUp, Duration tuning, Duration reboot) {
        public static final Delays INSTANT = new Delays(Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    private final Spec spec;
    private final Clock clock;
    private final Quirks quirks = new Quirks();
    private volatile Delays delays = Delays.INSTANT;
    private boolean asleep;
    private double targetW;
    private double previousTargetW;
    private Instant startedUntil = Instant.MIN;
    private Instant tunedUntil = Instant.MIN;
    private Instant rebootUntil = Instant.MIN;
    private @Nullable Reading frozen;
    private long commandsApplied;

    public EmulatedRig(Spec spec, Clock clock) {
        this.spec = spec;
        this.clock = clock;
        this.targetW = spec.ratedW();
        this.previousTargetW = spec.ratedW();
    }

    public Spec spec() {
        return spec;
    }

    @Override
    public String id() {
        return spec.id();
    }

    @Override
    public Quirks quirks() {
        return quirks;
    }

    @Override
    public double ratedW() {
        return spec.ratedW();
    }

    @Override
    public synchronized boolean trulyWorking() {
        return live().hashrateThPerS() > 0;
    }

    public Clock clock() {
        return clock;
    }

    /** Sets how long the firmware takes (default: instant). */
    public EmulatedRig delays(Delays d) {
        this.delays = d;
        return this;
    }

    public Delays delays() {
        return delays;
    }

    /** Puts the rig to sleep without counting a command (a site brought up curtailed). */
    public synchronized EmulatedRig startAsleep() {
        asleep = true;
        return this;
    }

    /** Stops hashing at once (firmware cuts the hashboards' power). */
    public synchronized void sleep() {
        commandsApplied++;
        asleep = true;
    }

    /** Starts hashing after the start-up delay; a no-op when already awake. */
    public synchronized void wake() {
        commandsApplied++;
        if (asleep) {
            asleep = false;
            startedUntil = clock.instant().plus(delays.startUp());
        }
    }

    /** Applies a power target (clamped to the rated power) after the tuning delay. */
    public synchronized void setPowerTargetW(double w) {
        commandsApplied++;
        double next = Math.min(spec.ratedW(), w);
        if (next != targetW) {
            previousTargetW = currentTargetPowerW();
            targetW = next;
            tunedUntil = clock.instant().plus(delays.tuning());
        }
    }

    /** Reboots: unreachable for the reboot delay; hashing state and target survive (they are saved settings). */
    public synchronized void reboot() {
        rebootUntil = clock.instant().plus(delays.reboot());
        if (!asleep) {
            startedUntil = rebootUntil.plus(delays.startUp());
        }
    }

    /** Whether the API answers now (not rebooting). */
    public synchronized boolean reachable() {
        return !clock.instant().isBefore(rebootUntil);
    }

    /** The power target set (in force once tuned). */
    public synchronized double targetW() {
        return targetW;
    }

    public synchronized boolean asleep() {
        return asleep;
    }

    private double currentTargetPowerW() {
        return clock.instant().isBefore(tunedUntil) ? previousTargetW : targetW;
    }

    private Reading live() {
        Instant now = clock.instant();
        long when = now.getEpochSecond();
        if (now.isBefore(rebootUntil)) {
            return new Reading(Phase.REBOOTING, spec.sleepW(), 0, targetW, when);
        }
        if (asleep && !quirks.claimsSleepButRuns()) {
            return new Reading(Phase.SLEEPING, spec.sleepW(), 0, targetW, when);
        }
        if (!asleep && now.isBefore(startedUntil)) {
            return new Reading(Phase.STARTING, spec.sleepW(), 0, targetW, when);
        }
        double p = currentTargetPowerW();
        // asleep here only when the firmware claims sleep while the boards still hash
        Phase phase = asleep ? Phase.SLEEPING : now.isBefore(tunedUntil) ? Phase.TUNING : Phase.RUNNING;
        return new Reading(phase, p, spec.hashrateThPerS() * p / spec.ratedW(), targetW, when);
    }

    /** The reading the device reports: the live one, or the frozen one while telemetry is stale. */
    public synchronized Reading reading() {
        Reading live = live();
        if (quirks.staleTelemetry()) {
            if (frozen == null) {
                frozen = live;
            }
            return frozen;
        }
        frozen = null;
        return live;
    }

    /** True wall power, ignoring frozen telemetry (for tests and the virtual site meter). */
    @Override
    public synchronized double truePowerW() {
        return live().powerW();
    }

    /** How many state-changing commands took effect. */
    public synchronized long commandsApplied() {
        return commandsApplied;
    }

    /** Waits out the slow-reply quirk (the command has taken effect; the answer is late). */
    public void replyDelay() {
        Duration d = quirks.slowReply();
        if (!d.isZero()) {
            try {
                Thread.sleep(d);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
