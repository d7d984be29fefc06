package io.minerai.core.site;

import io.minerai.core.ai.AiEconomics;

/**
 * Own GPU cloud: GPUs rented out by the hour.
 *
 * @param name unique name
 * @param gpuModel e.g. "H100 SXM"
 * @param gpuCount number of GPUs
 * @param itKwPerGpu the GPU's share of its server's input power (IT load, before PUE), kW
 * @param pue facility power / IT power
 * @param priceUsdPerGpuHour rental price
 * @param utilizationFraction share of GPU-hours sold, 0..1
 * @param firm true when contracts oblige the capacity to run in every interval; false when it may be interrupted
 */
public record GpuCloud(
        String name,
        String gpuModel,
        int gpuCount,
        double itKwPerGpu,
        double pue,
        double priceUsdPerGpuHour,
        double utilizationFraction,
        boolean firm)
        implements Load {

    @Override
    public double facilityPowerMw() {
        return AiEconomics.gpuFacilityPowerMw(gpuCount, itKwPerGpu, pue);
    }

    /** Revenue per hour when running. */
    public double revenueUsdPerHour() {
        return AiEconomics.gpuCloudRevenueUsd(gpuCount, priceUsdPerGpuHour, utilizationFraction, 1.0);
    }

    /** Revenue per MWh at the meter. */
    public double valueUsdPerMwh() {
        return AiEconomics.gpuCloudValueUsdPerMwh(priceUsdPerGpuHour, utilizationFraction, itKwPerGpu, pue);
    }
}
