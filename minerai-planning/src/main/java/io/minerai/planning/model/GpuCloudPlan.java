package io.minerai.planning.model;

/**
 * GPUs bought and rented out by the hour in a hall (own GPU cloud).
 *
 * @param name unique name
 * @param hall the hall hosting the GPUs; they are bought and go live when it is ready
 * @param gpuCount GPUs bought
 * @param usdPerGpu all-in cost per GPU (servers, network, racks, labour)
 * @param itKwPerGpu the GPU's share of its server's input power (critical IT)
 * @param lifeYears economic and depreciation life; the GPUs retire after it
 * @param priceUsdPerGpuHour rental price when the GPUs go live
 * @param priceDeclinePerYear expected yearly decline of that price as the GPUs age (0.2 = -20 %/yr)
 * @param utilizationFraction share of GPU-hours sold
 * @param opexUsdPerGpuMonth non-energy opex per GPU (support, network, software)
 */
public record GpuCloudPlan(
        String name,
        String hall,
        int gpuCount,
        double usdPerGpu,
        double itKwPerGpu,
        double lifeYears,
        double priceUsdPerGpuHour,
        double priceDeclinePerYear,
        double utilizationFraction,
        double opexUsdPerGpuMonth) {

    /** Critical IT load, MW. */
    public double criticalItMw() {
        return gpuCount * itKwPerGpu / 1000.0;
    }

    public double capexUsd() {
        return gpuCount * usdPerGpu;
    }

    public int lifeMonths() {
        return (int) Math.round(lifeYears * 12);
    }
}
