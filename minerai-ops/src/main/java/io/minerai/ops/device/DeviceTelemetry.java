package io.minerai.ops.device;

import java.time.Instant;
import java.util.OptionalDouble;

/**
 * One reading of a device.
 *
 * @param observedAtUtc when the device sampled these values (its own timestamp where the protocol carries one, e.g.
 *     cgminer {@code STATUS.When}; otherwise the time of the read). Frozen values from a hung firmware keep an old
 *     timestamp, which is how the controller notices stale telemetry.
 * @param mode what the device says it is doing
 * @param powerW measured (or firmware-estimated) wall power, W; NaN when the device does not report it
 * @param hashrateThPerS hashrate, TH/s (0 for GPU nodes)
 * @param powerLimitW the power target / cap in force, when the device has one
 */
public record DeviceTelemetry(
        Instant observedAtUtc, DeviceMode mode, double powerW, double hashrateThPerS, OptionalDouble powerLimitW) {

    public static DeviceTelemetry of(Instant observedAtUtc, DeviceMode mode, double powerW, double hashrateThPerS) {
        return new DeviceTelemetry(observedAtUtc, mode, powerW, hashrateThPerS, OptionalDouble.empty());
    }

    /** The same values observed at another time. */
    public DeviceTelemetry at(Instant t) {
        return new DeviceTelemetry(t, mode, powerW, hashrateThPerS, powerLimitW);
    }
}
