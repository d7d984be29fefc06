package io.minerai.ops.device;

/**
 * What the controller knows about a device before reading it.
 *
 * @param id unique id
 * @param kind miner or GPU node
 * @param ratedPowerW wall power at full load, W: the figure counted when the device's state is unknown
 * @param curtailedPowerW wall power when asleep / capped to the minimum, W
 * @param hashrateThPerS nameplate hashrate, TH/s (0 for GPU nodes)
 * @param valueUsdPerMwh what running earns per MWh at the meter; the merit order sheds the lowest value first
 * @param capabilities what the device accepts
 */
public record DeviceSpec(
        String id,
        DeviceKind kind,
        double ratedPowerW,
        double curtailedPowerW,
        double hashrateThPerS,
        double valueUsdPerMwh,
        Capabilities capabilities) {
    public DeviceSpec {
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        if (!(ratedPowerW > 0)) {
            throw new IllegalArgumentException(id + ": ratedPowerW must be > 0, was " + ratedPowerW);
        }
        if (!(curtailedPowerW >= 0 && curtailedPowerW <= ratedPowerW)) {
            throw new IllegalArgumentException(
                    id + ": curtailedPowerW must be in 0.." + ratedPowerW + ", was " + curtailedPowerW);
        }
    }

    /** Lowest power target the controller may ask for, W (the rated power when targets are unsupported). */
    public double minTargetW() {
        return capabilities.canSetPowerTarget()
                ? Math.max(curtailedPowerW, capabilities.minPowerTargetW())
                : ratedPowerW;
    }
}
