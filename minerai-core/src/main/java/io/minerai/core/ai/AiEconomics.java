package io.minerai.core.ai;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Formulas of AI hosting: GPU cloud rental and colocation leases.
 *
 * <ul>
 *   <li>GPU cloud revenue = GPUs x $/GPU-hour x hours x utilisation (DOMAIN.md formula 9).
 *   <li>GPU facility power = GPUs x IT kW per GPU x PUE / 1000 MW; IT kW per GPU is the GPU's share of its server's
 *       input power (e.g. a DGX H100 at 10.2 kW max for 8 GPUs is 1.275 kW per GPU).
 *   <li>Colocation revenue = contracted critical-IT kW x $/kW-month x months (formula 8); within a month it accrues in
 *       proportion to the hours elapsed, so a whole calendar month earns exactly one month's rent.
 * </ul>
 */
public final class AiEconomics {
    private AiEconomics() {}

    /** GPU rental revenue over {@code hours}. */
    public static double gpuCloudRevenueUsd(
            int gpuCount, double priceUsdPerGpuHour, double utilizationFraction, double hours) {
        return gpuCount * priceUsdPerGpuHour * utilizationFraction * hours;
    }

    /** Facility power of a GPU cloud in MW. */
    public static double gpuFacilityPowerMw(int gpuCount, double itKwPerGpu, double pue) {
        return gpuCount * itKwPerGpu * pue / 1000.0;
    }

    /** Revenue per MWh at the meter of a GPU cloud: price x utilisation x 1000 / (IT kW per GPU x PUE). */
    public static double gpuCloudValueUsdPerMwh(
            double priceUsdPerGpuHour, double utilizationFraction, double itKwPerGpu, double pue) {
        return priceUsdPerGpuHour * utilizationFraction * 1000.0 / (itKwPerGpu * pue);
    }

    /** Annual GPU cloud revenue per MW of critical IT: price x utilisation x 8,760 x 1000 / IT kW per GPU. */
    public static double gpuCloudRevenueUsdPerItMwYear(
            double priceUsdPerGpuHour, double utilizationFraction, double itKwPerGpu) {
        return priceUsdPerGpuHour * utilizationFraction * 8_760.0 * 1000.0 / itKwPerGpu;
    }

    /** Lease rent for whole months: kW x $/kW-month x months. */
    public static double colocationRentUsd(double criticalItMw, double priceUsdPerKwMonth, double months) {
        return criticalItMw * 1000.0 * priceUsdPerKwMonth * months;
    }

    /**
     * Rent accrued over an interval starting at {@code startUtc} of {@code hours}, prorated by the hours of the UTC
     * month in which the interval starts.
     */
    public static double colocationRentAccruedUsd(
            double criticalItMw, double priceUsdPerKwMonth, Instant startUtc, double hours) {
        return colocationRentUsd(criticalItMw, priceUsdPerKwMonth, hours / hoursInUtcMonth(startUtc));
    }

    /** Hours in the UTC calendar month containing {@code t}. */
    public static double hoursInUtcMonth(Instant t) {
        return YearMonth.from(t.atOffset(ZoneOffset.UTC)).lengthOfMonth() * 24.0;
    }

    /** Rent with an annual escalator: rent in contract year {@code year} (0-based) = base x (1 + esc)^year. */
    public static double escalatedPriceUsdPerKwMonth(
            double basePriceUsdPerKwMonth, double escalatorFraction, int year) {
        return basePriceUsdPerKwMonth * Math.pow(1 + escalatorFraction, year);
    }
}
