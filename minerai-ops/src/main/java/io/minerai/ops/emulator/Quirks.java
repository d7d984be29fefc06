package io.minerai.ops.emulator;

import java.time.Duration;

/**
 * Faults an emulated device can be switched into, each one a behaviour users of real firmware report: slow replies
 * (the Antminer CGI can take ~21 s), access denied (stock cgminer API groups, a locked Whatsminer write API),
 * commands answered OK but silently ignored, connections dropped without a reply, telemetry frozen at an old
 * reading, a state flag that says asleep while the boards still hash. Thread-safe; switch them at any time.
 */
public final class Quirks {
    private volatile Duration slowReply = Duration.ZERO;
    private volatile boolean accessDenied;
    private volatile boolean ignoreCommands;
    private volatile boolean dropConnections;
    private volatile boolean staleTelemetry;
    private volatile boolean claimsSleepButRuns;

    public Duration slowReply() {
        return slowReply;
    }

    public Quirks slowReply(Duration d) {
        this.slowReply = d;
        return this;
    }

    public boolean accessDenied() {
        return accessDenied;
    }

    public Quirks accessDenied(boolean on) {
        this.accessDenied = on;
        return this;
    }

    public boolean ignoreCommands() {
        return ignoreCommands;
    }

    public Quirks ignoreCommands(boolean on) {
        this.ignoreCommands = on;
        return this;
    }

    public boolean dropConnections() {
        return dropConnections;
    }

    public Quirks dropConnections(boolean on) {
        this.dropConnections = on;
        return this;
    }

    public boolean staleTelemetry() {
        return staleTelemetry;
    }

    public Quirks staleTelemetry(boolean on) {
        this.staleTelemetry = on;
        return this;
    }

    public boolean claimsSleepButRuns() {
        return claimsSleepButRuns;
    }

    /**
     * A sleep command is acknowledged and the firmware's own state flag (work mode, curtail mode, {@code working}) says
     * asleep, while the hash boards keep hashing until the quirk clears: reported for stock Antminers whose config read
     * "sleep" while hashrate had not dropped after 60 s (issue 14). Drivers must confirm by hashrate/power.
     */
    public Quirks claimsSleepButRuns(boolean on) {
        this.claimsSleepButRuns = on;
        return this;
    }

    /** Clears every quirk. */
    public Quirks clear() {
        slowReply = Duration.ZERO;
        accessDenied = false;
        ignoreCommands = false;
        dropConnections = false;
        staleTelemetry = false;
        claimsSleepButRuns = false;
        return this;
    }

    /** Waits out the slow-reply delay (emulator side only; clients see it as a slow device). */
    void delay() {
        Duration d = slowReply;
        if (!d.isZero()) {
            try {
                Thread.sleep(d);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
