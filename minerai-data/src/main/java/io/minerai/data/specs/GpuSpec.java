package io.minerai.data.specs;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Datasheet figures of one datacenter or workstation GPU. Unknown figures are empty.
 *
 * @param key the source's key, e.g. {@code a100_sxm4_80gb}
 * @param name e.g. {@code A100 SXM4 80GB}
 * @param manufacturer e.g. NVIDIA
 * @param architecture e.g. Ampere
 * @param powerW board power (TDP), W
 * @param memoryGbOptions memory sizes offered, GB (two for e.g. V100 16/32 GB); empty when unknown
 * @param memoryBandwidthGbPerS memory bandwidth, GB/s
 * @param interconnect e.g. {@code PCIe Gen4}, {@code NVLink}; empty string when unknown
 * @param metrics every numeric figure of the source by field name (TFLOPS/TOPS fields such as {@code
 *     bf16_tensor_core_sparsity}); absent when null or {@code ?} in the source
 * @param sources the source's reference links
 */
public record GpuSpec(
        String key,
        String name,
        String manufacturer,
        String architecture,
        double powerW,
        List<Double> memoryGbOptions,
        OptionalDouble memoryBandwidthGbPerS,
        String interconnect,
        Map<String, Double> metrics,
        List<String> sources) {

    public GpuSpec {
        memoryGbOptions = List.copyOf(memoryGbOptions);
        metrics = Map.copyOf(metrics);
        sources = List.copyOf(sources);
    }

    /** A numeric field of the source, e.g. {@code fp16_tensor_core}, empty when unknown. */
    public OptionalDouble metric(String field) {
        Double v = metrics.get(field);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** The largest memory option, GB. */
    public OptionalDouble maxMemoryGb() {
        return memoryGbOptions.stream().mapToDouble(Double::doubleValue).max();
    }
}
