package io.minerai.ops.gpu;

/**
 * One GPU as nvidia-smi reports it. Values the driver does not support are NaN.
 *
 * @param index GPU index
 * @param uuid GPU UUID
 * @param name model name
 * @param powerDrawW power draw, W
 * @param powerLimitW power limit set, W
 * @param enforcedPowerLimitW power limit enforced, W
 * @param minPowerLimitW lowest settable limit, W
 * @param maxPowerLimitW highest settable limit, W
 * @param defaultPowerLimitW factory default limit, W
 * @param utilizationGpuPct GPU utilisation, %
 * @param temperatureC GPU temperature, degrees C
 */
public record GpuReading(
        int index,
        String uuid,
        String name,
        double powerDrawW,
        double powerLimitW,
        double enforcedPowerLimitW,
        double minPowerLimitW,
        double maxPowerLimitW,
        double defaultPowerLimitW,
        double utilizationGpuPct,
        double temperatureC) {
    /** The limit in force: enforced if reported, else the set one. */
    public double limitInForceW() {
        return Double.isNaN(enforcedPowerLimitW) ? powerLimitW : enforcedPowerLimitW;
    }
}
