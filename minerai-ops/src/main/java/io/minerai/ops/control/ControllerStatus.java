package io.minerai.ops.control;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What the controller saw and decided in one step (for the status view, metrics and tests).
 *
 * @param nowUtc step time
 * @param safe whether the site is in its safe state
 * @param safeReasons why (stale or missing signals, lost devices); empty when not safe
 * @param safeReached whether every device that is not lost has reached its safe-state setting
 * @param priceUsdPerMwh latest fresh price, if any
 * @param targetMw the load the target source wanted
 * @param ceilingMw the load allowed after signals, cap and safe state
 * @param capMw the site cap
 * @param measuredPowerMw sum of fresh measured device power, MW (unknown devices not included)
 * @param worstCasePowerMw sum of worst-case device power (unknown devices at rated), MW; never above the cap after
 *     commands the controller itself sent
 * @param curtailedMw rated power of devices asleep or held under a target, MW (what curtailment took off)
 * @param hashrateThPerS fresh measured hashrate, TH/s
 * @param running devices known running
 * @param sleeping devices known asleep
 * @param unknown devices without a fresh reading
 * @param lost devices declared lost
 * @param commandsSent commands sent this step
 * @param commandsInFlight commands sent and not yet resolved
 * @param totalCommands commands sent since start
 * @param totalFailures commands that ended in anything but confirmation since start
 * @param warmingUp the controller is waiting for the first reading of every device (and of the meter) before it
 *     commands anything: a cold start never sheds load only because nothing has been read yet
 * @param issues devices that could not be read or whose state is unknown, each with its reason
 * @param meteredPowerMw the site meter's latest fresh reading, MW; NaN without a fresh meter reading
 * @param overheadMw what the meter sees beyond the devices' own figures (cooling, losses, silent loads), MW; 0 without
 *     a meter
 * @param powerSource where the site power figure comes from: {@code meter}, {@code devices} (every device reports its
 *     power) or {@code devices+nameplate} (devices that report nothing counted at rated power)
 */
public record ControllerStatus(
        Instant nowUtc,
        boolean safe,
        List<String> safeReasons,
        boolean safeReached,
        OptionalDouble priceUsdPerMwh,
        double targetMw,
        double ceilingMw,
        double capMw,
        double measuredPowerMw,
        double worstCasePowerMw,
        double curtailedMw,
        double hashrateThPerS,
        int running,
        int sleeping,
        int unknown,
        int lost,
        int commandsSent,
        int commandsInFlight,
        long totalCommands,
        long totalFailures,
        boolean warmingUp,
        List<DeviceIssue> issues,
        double meteredPowerMw,
        double overheadMw,
        String powerSource) {
    /** Site power by precedence: metered when fresh, else the devices' figures (worst case for silent ones), MW. */
    public double sitePowerMw() {
        return Double.isNaN(meteredPowerMw) ? worstCasePowerMw : meteredPowerMw;
    }
}
