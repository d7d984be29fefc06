package io.minerai.ops.emulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The state of one emulated miner, shared by the protocol handlers that serve it. Synthetic physics: power and
 * hashrate follow the nameplate figures given, scaled by the power limit, and change the moment a command is applied.
 * The firmware's own state flag (Antminer work mode, LuxOS curtail mode, Whatsminer {@code working}) is kept apart from
 * whether the boards hash, so the {@link Quirks#claimsSleepButRuns} fault can make them disagree.
 */
public final class VirtualMiner implements EmulatedDevice {
    /**
     * A reading as the device would report it.
     *
     * @param sleeping the boards do not hash (physical)
     * @param powerW wall power
     * @param hashrateThPerS hashrate
     * @param whenEpochSeconds the device clock at the reading (frozen when telemetry is stale)
     * @param powerLimitW the power limit / profile watts in force (NaN for stock)
     * @param flagAsleep what the firmware's state flag says (work mode 1, curtail mode sleep, {@code working=false})
     */
    public record Reading(
            boolean sleeping,
            double powerW,
            double hashrateThPerS,
            long whenEpochSeconds,
            double powerLimitW,
            boolean flagAsleep) {}

    /**
     * A LuxOS power profile ({@code profiles} reply: {@code Profile Name}, {@code Watts}, {@code Step}, {@code
     * Frequency}).
     *
     * @param name profile name, e.g. {@code 290MHz} or {@code default}
     * @param watts its wall power
     * @param step steps from the default profile (negative below)
     * @param frequencyMhz chip frequency
     */
    public record Profile(String name, double watts, int step, int frequencyMhz) {}

    /**
     * Watts of the LuxOS profiles of an S19k Pro (LUXminer 2025.4.8) by step -16..+8, from the recorded {@code
     * profiles} reply in 256foundation/asic-rs asic-rs-firmwares/luxminer/src/test/json/v1/profiles.json; step 0 is
     * {@code default} (2794 W). Emulated miners scale this ladder to their own rated power.
     */
    static final int[] LUXOS_LADDER_W = {
        784, 879, 978, 1080, 1188, 1299, 1414, 1533, 1657, 1785, 1916, 2052, 2192, 2336, 2485, 2637, 2794, 2954, 3119,
        3288, 3461, 3638, 3820, 4005, 4195
    };

    static final int LUXOS_DEFAULT_INDEX = 16;

    private final String id;
    private final Firmware firmware;
    private final double ratedW;
    private final double sleepW;
    private final double hashrateThPerS;
    private final Clock clock;
    private final Quirks quirks = new Quirks();
    private final long startedEpochSeconds;
    private List<Profile> profiles;

    private AntminerVariant variant = AntminerVariant.LEGACY;
    private int workMode; // Antminer: 0 normal, 1 sleep, 2 high, 3 low (asic-rs MinerMode)
    private boolean flagAsleep;
    private boolean hashing = true;
    private double powerLimitW = Double.NaN;
    private String profile = "default";
    private boolean atmEnabled = true;
    private @Nullable String sessionId;
    private final String password;
    private final String salt = UUID.randomUUID().toString().substring(0, 8);
    private @Nullable Reading frozen;
    private long commandsApplied;

    /**
     * @param id device id
     * @param firmware which protocols it serves
     * @param ratedW wall power at stock settings
     * @param sleepW wall power asleep
     * @param hashrateThPerS hashrate at stock settings
     * @param password web / API password
     * @param clock the device clock
     */
    public VirtualMiner(
            String id,
            Firmware firmware,
            double ratedW,
            double sleepW,
            double hashrateThPerS,
            String password,
            Clock clock) {
        this.id = id;
        this.firmware = firmware;
        this.ratedW = ratedW;
        this.sleepW = sleepW;
        this.hashrateThPerS = hashrateThPerS;
        this.password = password;
        this.clock = clock;
        this.startedEpochSeconds = clock.instant().getEpochSecond();
        this.profiles = ladder(0);
    }

    private List<Profile> ladder(double minShareOfRated) {
        List<Profile> ps = new ArrayList<>();
        double def = LUXOS_LADDER_W[LUXOS_DEFAULT_INDEX];
        for (int i = 0; i < LUXOS_LADDER_W.length; i++) {
            int step = i - LUXOS_DEFAULT_INDEX;
            double w = Math.round(ratedW * LUXOS_LADDER_W[i] / def);
            if (step < 0 && w < minShareOfRated * ratedW) {
                continue;
            }
            int mhz = 590 + 25 * step;
            ps.add(new Profile(step == 0 ? "default" : mhz + "MHz", step == 0 ? ratedW : w, step, mhz));
        }
        return List.copyOf(ps);
    }

    /** LuxOS: keeps only the profiles at or above this share of rated power (a board whose ladder stops higher). */
    public synchronized VirtualMiner profilesDownTo(double shareOfRated) {
        this.profiles = ladder(shareOfRated);
        return this;
    }

    /** Stock Antminer: which firmware generation it runs. */
    public synchronized VirtualMiner variant(AntminerVariant v) {
        this.variant = v;
        return this;
    }

    public synchronized AntminerVariant variant() {
        return variant;
    }

    @Override
    public String id() {
        return id;
    }

    public Firmware firmware() {
        return firmware;
    }

    @Override
    public Quirks quirks() {
        return quirks;
    }

    @Override
    public double ratedW() {
        return ratedW;
    }

    public double sleepW() {
        return sleepW;
    }

    public double nameplateHashrateThPerS() {
        return hashrateThPerS;
    }

    String password() {
        return password;
    }

    String salt() {
        return salt;
    }

    Clock clock() {
        return clock;
    }

    long elapsedSeconds() {
        return clock.instant().getEpochSecond() - startedEpochSeconds;
    }

    public synchronized List<Profile> profiles() {
        return profiles;
    }

    /** The current reading, or the frozen one while telemetry is stale. */
    public synchronized Reading reading() {
        Reading live = liveReading();
        if (quirks.staleTelemetry()) {
            if (frozen == null) {
                frozen = live;
            }
            return frozen;
        }
        frozen = null;
        return live;
    }

    private Reading liveReading() {
        settle();
        long now = clock.instant().getEpochSecond();
        if (!hashing) {
            return new Reading(true, sleepW, 0, now, powerLimitW, flagAsleep);
        }
        double p = ratedW;
        if (firmware == Firmware.ANTMINER_STOCK && workMode == 3) {
            p = ratedW * 0.75; // low-power mode (synthetic share)
        }
        if (!Double.isNaN(powerLimitW)) {
            p = Math.min(p, powerLimitW);
        }
        return new Reading(false, p, hashrateThPerS * p / ratedW, now, powerLimitW, flagAsleep);
    }

    /** The boards follow the flag once no fault holds them. */
    private void settle() {
        if (flagAsleep && hashing && !quirks.claimsSleepButRuns()) {
            hashing = false;
        }
    }

    @Override
    public synchronized double truePowerW() {
        return liveReading().powerW();
    }

    @Override
    public synchronized boolean trulyWorking() {
        settle();
        return hashing;
    }

    /** Whether the boards do not hash (physical truth). */
    public synchronized boolean sleeping() {
        settle();
        return !hashing;
    }

    public synchronized int workMode() {
        return workMode;
    }

    /** Puts the miner to sleep without counting a command (a site brought up curtailed, before control starts). */
    public synchronized VirtualMiner startAsleep() {
        if (firmware == Firmware.ANTMINER_STOCK) {
            workMode = 1;
        }
        flagAsleep = true;
        hashing = false;
        return this;
    }

    private void setAsleep(boolean asleep) {
        flagAsleep = asleep;
        if (!asleep) {
            hashing = true;
        } else if (!quirks.claimsSleepButRuns()) {
            hashing = false;
        }
    }

    /** Antminer: sets the work mode (0 normal, 1 sleep, 2 high, 3 low); waking restores nothing by itself. */
    synchronized void setWorkMode(int mode) {
        commandsApplied++;
        workMode = mode;
        setAsleep(mode == 1);
    }

    /** LuxOS curtail / Whatsminer service stop-start. */
    synchronized void setSleeping(boolean s) {
        commandsApplied++;
        setAsleep(s);
    }

    /** The firmware's own flag (what a driver that trusts it would believe). */
    public synchronized boolean flagAsleep() {
        return flagAsleep;
    }

    synchronized void setPowerLimitW(double w) {
        commandsApplied++;
        powerLimitW = w;
    }

    public synchronized double powerLimitW() {
        return powerLimitW;
    }

    public synchronized String profile() {
        return profile;
    }

    synchronized void setProfile(Profile p) {
        commandsApplied++;
        profile = p.name();
        powerLimitW = p.step() == 0 ? Double.NaN : p.watts();
    }

    public synchronized boolean atmEnabled() {
        return atmEnabled;
    }

    /** LuxOS: the operator's ATM setting (also what {@code atmset} changes). */
    public synchronized VirtualMiner atmEnabled(boolean on) {
        atmEnabled = on;
        return this;
    }

    /** LuxOS: the active session id, if any. */
    public synchronized @Nullable String sessionId() {
        return sessionId;
    }

    synchronized void setSessionId(@Nullable String s) {
        sessionId = s;
    }

    /** How many state-changing commands took effect (for tests of "silently ignored"). */
    public synchronized long commandsApplied() {
        return commandsApplied;
    }
}
