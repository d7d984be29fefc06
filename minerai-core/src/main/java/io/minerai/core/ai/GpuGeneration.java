package io.minerai.core.ai;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One GPU generation of the catalogue: power, cooling, throughput, memory, capex and rental price, each figure with
 * its source (a datasheet or public page with its date, or {@code ASSUMPTION: ...}) in {@link #sources()}.
 *
 * @param name catalogue name, e.g. {@code H100 SXM}
 * @param aliases other names a scenario may use, e.g. {@code H100}
 * @param gpuTdpW the GPU's maximum board power (TDP/TGP), W
 * @param system the system the figures per system refer to, e.g. {@code DGX H100} or {@code GB200 NVL72 rack}
 * @param gpusPerSystem GPUs in that system
 * @param systemItKw the system's maximum IT power, kW
 * @param coolings cooling a hall must have to host it (air, direct-to-chip liquid, immersion)
 * @param bf16DenseTflops dense BF16 tensor throughput per GPU, TFLOPS
 * @param fp8DenseTflops dense FP8 tensor throughput per GPU, TFLOPS
 * @param memoryGb GPU memory, GB
 * @param capexUsdPerGpu typical all-in capex per GPU (GPU, server share, networking, installation), USD, as of the
 *     rental price's month
 * @param capexDeclinePerYear yearly decline of that capex for a purchase later than the rental price's month
 *     ({@link #capexUsdPerGpu(java.time.YearMonth)}), in [0, 1)
 * @param rentalPrice the rental price with its date and its decline with age
 * @param availableFrom month of first volume shipments (the start of its age)
 * @param powerCap throughput as a function of the power cap
 * @param sources the source or assumption behind each figure, keyed by field name
 */
public record GpuGeneration(
        String name,
        List<String> aliases,
        double gpuTdpW,
        String system,
        int gpusPerSystem,
        double systemItKw,
        Set<Cooling> coolings,
        double bf16DenseTflops,
        double fp8DenseTflops,
        double memoryGb,
        double capexUsdPerGpu,
        double capexDeclinePerYear,
        PricePath rentalPrice,
        java.time.YearMonth availableFrom,
        PowerCapCurve powerCap,
        Map<String, String> sources) {

    public GpuGeneration {
        aliases = List.copyOf(aliases);
        coolings = Set.copyOf(coolings);
        sources = Map.copyOf(sources);
        if (coolings.isEmpty() || gpusPerSystem <= 0 || !(systemItKw > 0)) {
            throw new IllegalArgumentException(name + ": needs a cooling, GPUs per system and system IT power");
        }
        if (!(capexDeclinePerYear >= 0 && capexDeclinePerYear < 1)) {
            throw new IllegalArgumentException(name + ": capex decline must be in [0, 1), was " + capexDeclinePerYear);
        }
    }

    /**
     * All-in capex per GPU bought in {@code purchase}: the catalogue's figure moved along the capex decline from the
     * rental price's month, {@code capex x (1 - capexDeclinePerYear)^(months / 12)} (backwards before that month).
     */
    public double capexUsdPerGpu(java.time.YearMonth purchase) {
        double years = java.time.temporal.ChronoUnit.MONTHS.between(rentalPrice.observedMonth(), purchase) / 12.0;
        return capexUsdPerGpu * StrictMath.pow(1 - capexDeclinePerYear, years);
    }

    /** The GPU's share of its system's maximum IT power, kW. */
    public double itKwPerGpu() {
        return systemItKw / gpusPerSystem;
    }

    /** Dense throughput per GPU at a precision, TFLOPS. */
    public double denseTflops(ComputePrecision precision) {
        return switch (precision) {
            case BF16_DENSE -> bf16DenseTflops;
            case FP8_DENSE -> fp8DenseTflops;
        };
    }

    /** Whether a hall with this cooling can host the generation. */
    public boolean fits(Cooling hall) {
        return coolings.contains(hall);
    }
}
