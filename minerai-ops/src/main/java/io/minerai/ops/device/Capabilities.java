package io.minerai.ops.device;

/**
 * What a driver can do with its device (as proto-fleet and asic-rs model it).
 *
 * @param canSleep sleep and wake
 * @param canSetPowerTarget accepts a power target (possibly quantised to presets)
 * @param minPowerTargetW lowest accepted power target, W (0 when power targets are unsupported)
 * @param maxPowerTargetW highest accepted power target, W (0 when power targets are unsupported)
 */
public record Capabilities(
        boolean canSleep, boolean canSetPowerTarget, double minPowerTargetW, double maxPowerTargetW) {
    public static final Capabilities SLEEP_ONLY = new Capabilities(true, false, 0, 0);
    public static final Capabilities READ_ONLY = new Capabilities(false, false, 0, 0);

    public static Capabilities sleepAndTarget(double minW, double maxW) {
        return new Capabilities(true, true, minW, maxW);
    }
}
