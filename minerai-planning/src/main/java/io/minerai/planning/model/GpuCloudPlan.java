package io.minerai.planning.model;

import java.util.List;

/**
 * GPUs bought and rented out in a hall (own GPU cloud): by the hour on the spot market, or under contracts
 * ({@link GpuContract}) for part or all of them.
 *
 * @param name unique name
 * @param hall the hall hosting the GPUs; they are bought and go live when it is ready
 * @param gpuCount GPUs bought
 * @param usdPerGpu all-in cost per GPU (servers, network, racks, labour)
 * @param itKwPerGpu the GPU's share of its server's input power (critical IT)
 * @param lifeYears economic and depreciation life; the GPUs are sold (at their residual value) when it ends
 * @param priceUsdPerGpuHour spot rental price when the GPUs go live
 * @param priceDeclinePerYear expected yearly decline of that price as the GPUs age (0.2 = -20 %/yr)
 * @param utilizationFraction share of spot GPU-hours sold
 * @param opexUsdPerGpuMonth non-energy opex per GPU (support, network, software)
 * @param generation label of the GPU generation (e.g. GB300), for reports
 * @param residualValueByAgeYears resale value as a share of the all-in cost at age 0, 1, 2... years (linear in
 *     between, the last value held)
 * @param refreshWith name of a GPU cloud (a newer generation, in the same hall) bought when these GPUs retire; empty
 *     for none (the hall then stands empty)
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
        double opexUsdPerGpuMonth,
        String generation,
        List<Double> residualValueByAgeYears,
        String refreshWith) {

    public GpuCloudPlan {
        residualValueByAgeYears = List.copyOf(residualValueByAgeYears);
    }

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

    /** Resale value of one GPU at {@code ageMonths}: cost x the residual curve, linear between whole years. */
    public double residualUsdPerGpu(int ageMonths) {
        List<Double> c = residualValueByAgeYears;
        if (c.isEmpty()) {
            return 0;
        }
        double years = ageMonths / 12.0;
        int y = (int) Math.floor(years);
        if (y >= c.size() - 1) {
            return usdPerGpu * c.get(c.size() - 1);
        }
        double w = years - y;
        return usdPerGpu * (c.get(y) * (1 - w) + c.get(y + 1) * w);
    }

    /** The same cloud with another name, hall and count and no refresh (the search scales templates). */
    public GpuCloudPlan scaled(String newName, String newHall, int count) {
        return new GpuCloudPlan(
                newName,
                newHall,
                count,
                usdPerGpu,
                itKwPerGpu,
                lifeYears,
                priceUsdPerGpuHour,
                priceDeclinePerYear,
                utilizationFraction,
                opexUsdPerGpuMonth,
                generation,
                residualValueByAgeYears,
                "");
    }

    /** The same cloud with another spot price and cost per GPU (sensitivities). */
    public GpuCloudPlan withPrices(double spotUsdPerGpuHour, double costUsdPerGpu) {
        return new GpuCloudPlan(
                name,
                hall,
                gpuCount,
                costUsdPerGpu,
                itKwPerGpu,
                lifeYears,
                spotUsdPerGpuHour,
                priceDeclinePerYear,
                utilizationFraction,
                opexUsdPerGpuMonth,
                generation,
                residualValueByAgeYears,
                refreshWith);
    }
}
