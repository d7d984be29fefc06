package io.minerai.ops.control;

import java.time.Duration;

/**
 * How the controller behaves.
 *
 * @param siteCapMw hard cap on site load at the devices, MW: never commanded above it, counting devices whose state
 *     is unknown at their rated power
 * @param telemetryStaleAfter a reading older than this no longer tells the device's state
 * @param lostAfter a device without a fresh reading for this long is declared lost (audited; counted at rated power)
 * @param confirmTimeout a command not confirmed by telemetry within this time has failed and is retried
 * @param retryDelay first wait before retrying a failed command; doubles per failure up to 8 times this
 * @param maxRestoreMwPerStep at most this much load is woken per step (inrush, pool reconnect storms)
 * @param safeMaxLoadMw the site load allowed in the safe state (0 sleeps everything that can sleep)
 * @param lostFractionForSafeState the site enters the safe state when more than this share of devices is lost
 * @param powerToleranceW a power target within this of the wanted one counts as in force
 * @param safeStateDeadline the safe state must be reached this long after it is entered; if not, the controller
 *     audits {@code safe-state-late} (an alarm for the operator)
 * @param safeStateMinHold the site leaves the safe state only after every reason for it has been gone this long (and
 *     lost devices are back below half the share that entered it): no flapping on a signal that comes and goes
 */
public record ControllerConfig(
        double siteCapMw,
        Duration telemetryStaleAfter,
        Duration lostAfter,
        Duration confirmTimeout,
        Duration retryDelay,
        double maxRestoreMwPerStep,
        double safeMaxLoadMw,
        double lostFractionForSafeState,
        double powerToleranceW,
        Duration safeStateDeadline,
        Duration safeStateMinHold) {
    public ControllerConfig {
        if (safeStateMinHold.isNegative()) {
            throw new IllegalArgumentException("safeStateMinHold must be >= 0, was " + safeStateMinHold);
        }
        if (!(siteCapMw > 0)) {
            throw new IllegalArgumentException("siteCapMw must be > 0, was " + siteCapMw);
        }
        if (!(maxRestoreMwPerStep > 0)) {
            throw new IllegalArgumentException("maxRestoreMwPerStep must be > 0, was " + maxRestoreMwPerStep);
        }
        if (!(safeMaxLoadMw >= 0 && safeMaxLoadMw <= siteCapMw)) {
            throw new IllegalArgumentException("safeMaxLoadMw must be in 0..siteCapMw, was " + safeMaxLoadMw);
        }
        if (lostAfter.compareTo(telemetryStaleAfter) < 0) {
            throw new IllegalArgumentException("lostAfter must be >= telemetryStaleAfter");
        }
    }

    /** As the canonical constructor, leaving the safe state as soon as its reasons are gone (no hold). */
    public ControllerConfig(
            double siteCapMw,
            Duration telemetryStaleAfter,
            Duration lostAfter,
            Duration confirmTimeout,
            Duration retryDelay,
            double maxRestoreMwPerStep,
            double safeMaxLoadMw,
            double lostFractionForSafeState,
            double powerToleranceW,
            Duration safeStateDeadline) {
        this(
                siteCapMw,
                telemetryStaleAfter,
                lostAfter,
                confirmTimeout,
                retryDelay,
                maxRestoreMwPerStep,
                safeMaxLoadMw,
                lostFractionForSafeState,
                powerToleranceW,
                safeStateDeadline,
                Duration.ZERO);
    }

    /** The same with another hold before leaving the safe state. */
    public ControllerConfig withSafeStateMinHold(Duration hold) {
        return new ControllerConfig(
                siteCapMw,
                telemetryStaleAfter,
                lostAfter,
                confirmTimeout,
                retryDelay,
                maxRestoreMwPerStep,
                safeMaxLoadMw,
                lostFractionForSafeState,
                powerToleranceW,
                safeStateDeadline,
                hold);
    }

    /** Defaults for a site polled every 30 s. */
    public static ControllerConfig defaults(double siteCapMw) {
        return new ControllerConfig(
                siteCapMw,
                Duration.ofSeconds(90),
                Duration.ofMinutes(3),
                Duration.ofSeconds(90),
                Duration.ofSeconds(30),
                Math.max(0.1, siteCapMw / 10),
                0,
                0.5,
                50,
                Duration.ofMinutes(10),
                Duration.ofMinutes(5));
    }
}
