package io.minerai.core.site;

import io.minerai.core.ai.AiEconomics;
import io.minerai.core.ai.Cooling;
import io.minerai.core.ai.GpuContract;
import io.minerai.core.ai.GpuWorkload;
import io.minerai.core.ai.PowerCapping;
import io.minerai.core.ai.PueCurve;
import java.util.Optional;

/**
 * Own GPU cloud: GPUs of one model in a hall, running one class of work (rentals, a training job or inference with a
 * committed capacity), possibly at capped power.
 *
 * @param name unique name
 * @param gpuModel e.g. "H100 SXM"; matched against the GPU catalogue for throughput, cooling and the power-cap curve
 * @param gpuCount number of GPUs
 * @param itKwPerGpu the GPU's share of its server's input power (IT load, before PUE), kW
 * @param pue facility power / IT power
 * @param priceUsdPerGpuHour what one GPU-hour at full throughput earns: rent, or the value of training progress
 * @param utilizationFraction share of the GPU-hours that earn (sold, or used by the job), 0..1
 * @param firm true when contracts oblige the capacity to run in every interval; false when it may be interrupted
 * @param cooling the hall's cooling
 * @param capping how far its power may be capped
 * @param workload what runs on it
 * @param contract its contracted part, firm in dispatch ({@link GpuContract#NONE}: all spot)
 * @param pueCurve the hall's PUE as a function of the ambient temperature; empty = the constant {@code pue}
 */
public record GpuCloud(
        String name,
        String gpuModel,
        int gpuCount,
        double itKwPerGpu,
        double pue,
        double priceUsdPerGpuHour,
        double utilizationFraction,
        boolean firm,
        Cooling cooling,
        PowerCapping capping,
        GpuWorkload workload,
        GpuContract contract,
        Optional<PueCurve> pueCurve)
        implements Load {

    /** A rental cloud in an air-cooled hall that runs or stops (no caps). */
    public GpuCloud(
            String name,
            String gpuModel,
            int gpuCount,
            double itKwPerGpu,
            double pue,
            double priceUsdPerGpuHour,
            double utilizationFraction,
            boolean firm) {
        this(
                name,
                gpuModel,
                gpuCount,
                itKwPerGpu,
                pue,
                priceUsdPerGpuHour,
                utilizationFraction,
                firm,
                Cooling.AIR,
                PowerCapping.NONE,
                GpuWorkload.RENTAL,
                GpuContract.NONE,
                Optional.empty());
    }

    /** The same cloud with another hall cooling, capping and workload. */
    public GpuCloud with(Cooling newCooling, PowerCapping newCapping, GpuWorkload newWorkload) {
        return new GpuCloud(
                name,
                gpuModel,
                gpuCount,
                itKwPerGpu,
                pue,
                priceUsdPerGpuHour,
                utilizationFraction,
                firm,
                newCooling,
                newCapping,
                newWorkload,
                contract,
                pueCurve);
    }

    /** The same cloud with another contract. */
    public GpuCloud withContract(GpuContract newContract) {
        return new GpuCloud(
                name,
                gpuModel,
                gpuCount,
                itKwPerGpu,
                pue,
                priceUsdPerGpuHour,
                utilizationFraction,
                firm,
                cooling,
                capping,
                workload,
                newContract,
                pueCurve);
    }

    /** The same cloud with another PUE curve. */
    public GpuCloud withPueCurve(Optional<PueCurve> newCurve) {
        return new GpuCloud(
                name,
                gpuModel,
                gpuCount,
                itKwPerGpu,
                pue,
                priceUsdPerGpuHour,
                utilizationFraction,
                firm,
                cooling,
                capping,
                workload,
                contract,
                newCurve);
    }

    /** Facility MW the contract holds firm outside allowed events (0 without a contract, the whole cloud if firm). */
    public double contractedMw() {
        return firm ? facilityPowerMw() : contract.contractedFraction() * facilityPowerMw();
    }

    @Override
    public double facilityPowerMw() {
        return AiEconomics.gpuFacilityPowerMw(gpuCount, itKwPerGpu, pue);
    }

    /** Revenue (or value of progress) per hour at full power and throughput, before checkpoint overhead. */
    public double revenueUsdPerHour() {
        return AiEconomics.gpuCloudRevenueUsd(gpuCount, priceUsdPerGpuHour, utilizationFraction, 1.0);
    }

    /** What an hour at full power earns after checkpoint overhead (training progresses only between writes). */
    public double outputUsdPerHour() {
        return revenueUsdPerHour() * workload.progressFraction();
    }

    /** Earnings per MWh at the meter at full power (after checkpoint overhead). */
    public double valueUsdPerMwh() {
        return AiEconomics.gpuCloudValueUsdPerMwh(priceUsdPerGpuHour, utilizationFraction, itKwPerGpu, pue)
                * workload.progressFraction();
    }
}
