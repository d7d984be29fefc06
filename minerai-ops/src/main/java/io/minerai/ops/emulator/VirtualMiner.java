package io.minerai.ops.emulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The state of one emulated miner, shared by the protocol handlers that serve it. Synthetic: power and hashrate follow
 * the nameplate figures given, scaled by the power limit, and change the moment a command is applied.
 */
public final class VirtualMiner {
    /**
     * A reading as the device would report it.
     *
     * @param sleeping asleep / curtailed / service stopped
     * @param powerW wall power
     * @param hashrateThPerS hashrate
     * @param whenEpochSeconds the device clock at the reading (frozen when telemetry is stale)
     * @param powerLimitW the power limit / profile watts in force (NaN for stock)
     */
    public record Reading(
            boolean sleeping, double powerW, double hashrateThPerS, long whenEpochSeconds, double powerLimitW) {}

    /**
     * A LuxOS-style power profile.
     *
     * @param name profile name
     * @param watts its wall power
     */
    public record Profile(String name, double watts) {}

    private final String id;
    private final Firmware firmware;
    private final double ratedW;
    private final double sleepW;
    private final double hashrateThPerS;
    private final Clock clock;
    private final Quirks quirks = new Quirks();
    private final long startedEpochSeconds;
    private final List<Profile> profiles;

    private int workMode; // Antminer: 0 normal, 1 sleep, 2 low power
    private int modeBeforeSleep;
    private boolean sleeping;
    private double powerLimitW = Double.NaN;
    private String profile = "default";
    private boolean atmEnabled = true;
    private @Nullable String sessionId;
    private boolean workModeKeyIgnored;
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
        List<Profile> ps = new ArrayList<>();
        for (int pct = 60; pct < 100; pct += 10) {
            ps.add(new Profile("p" + pct, Math.round(ratedW * pct / 100.0)));
        }
        ps.add(new Profile("default", ratedW));
        this.profiles = List.copyOf(ps);
    }

    public String id() {
        return id;
    }

    public Firmware firmware() {
        return firmware;
    }

    public Quirks quirks() {
        return quirks;
    }

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

    List<Profile> profiles() {
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
        long now = clock.instant().getEpochSecond();
        if (sleeping) {
            return new Reading(true, sleepW, 0, now, powerLimitW);
        }
        double p = ratedW;
        if (workMode == 2) {
            p = ratedW * 0.75;
        }
        if (!Double.isNaN(powerLimitW)) {
            p = Math.min(p, powerLimitW);
        }
        return new Reading(false, p, hashrateThPerS * p / ratedW, now, powerLimitW);
    }

    /** True power, ignoring frozen telemetry (for tests). */
    public synchronized double truePowerW() {
        return liveReading().powerW();
    }

    public synchronized boolean sleeping() {
        return sleeping;
    }

    public synchronized int workMode() {
        return workMode;
    }

    /** Puts the miner to sleep without counting a command (a site brought up curtailed, before control starts). */
    public synchronized VirtualMiner startAsleep() {
        if (firmware == Firmware.ANTMINER_STOCK) {
            workMode = 1;
        }
        sleeping = true;
        return this;
    }

    /** Antminer: sets the work mode (0 normal, 1 sleep, 2 low power); waking restores nothing by itself. */
    synchronized void setWorkMode(int mode) {
        commandsApplied++;
        if (mode == 1 && workMode != 1) {
            modeBeforeSleep = workMode;
        }
        workMode = mode;
        sleeping = mode == 1;
    }

    synchronized int modeBeforeSleep() {
        return modeBeforeSleep;
    }

    /** Puts the emulated firmware into the "bitmain-work-mode writes are ignored" bug (S19j Pro fw Dec-2022). */
    public synchronized VirtualMiner workModeKeyIgnored(boolean on) {
        this.workModeKeyIgnored = on;
        return this;
    }

    synchronized boolean workModeKeyIgnored() {
        return workModeKeyIgnored;
    }

    /** LuxOS curtail / Whatsminer service stop-start. */
    synchronized void setSleeping(boolean s) {
        commandsApplied++;
        sleeping = s;
    }

    synchronized void setPowerLimitW(double w) {
        commandsApplied++;
        powerLimitW = w;
    }

    synchronized double powerLimitW() {
        return powerLimitW;
    }

    synchronized String profile() {
        return profile;
    }

    synchronized void setProfile(Profile p) {
        commandsApplied++;
        profile = p.name();
        powerLimitW = p.name().equals("default") ? Double.NaN : p.watts();
    }

    synchronized boolean atmEnabled() {
        return atmEnabled;
    }

    synchronized void setAtmEnabled(boolean on) {
        atmEnabled = on;
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
