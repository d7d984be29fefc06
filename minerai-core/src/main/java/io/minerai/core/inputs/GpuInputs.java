package io.minerai.core.inputs;

import io.minerai.core.ai.ComputePrecision;
import io.minerai.core.ai.GpuGeneration;
import io.minerai.core.ai.PowerCapCurve;
import io.minerai.core.site.GpuCloud;
import java.util.Map;
import java.util.Optional;

/**
 * What the GPU catalogue says about each GPU cloud of a site, resolved by minerai-data: the generation its model
 * matched (for throughput in FLOPs) and the cap levels the dispatch may use. A cloud without an entry (inputs built by
 * hand, or a model the catalogue does not list) counts GPU-hours but no FLOPs, and caps along its scenario curve only.
 *
 * @param byCloud profile per GPU cloud name
 * @param precision the number format compute delivered is counted in
 * @param jobGenerations the catalogue generation of each deferrable GPU job that names its GPU model, by job name
 */
public record GpuInputs(
        Map<String, Profile> byCloud, ComputePrecision precision, Map<String, GpuGeneration> jobGenerations) {
    /** No catalogue information; compute counted in dense BF16. */
    public static final GpuInputs NONE = new GpuInputs(Map.of(), ComputePrecision.BF16_DENSE);

    public GpuInputs {
        byCloud = Map.copyOf(byCloud);
        jobGenerations = Map.copyOf(jobGenerations);
    }

    /** The clouds' profiles; no job names a GPU model. */
    public GpuInputs(Map<String, Profile> byCloud, ComputePrecision precision) {
        this(byCloud, precision, Map.of());
    }

    /** Dense throughput per GPU of a deferrable job in the run's precision, TFLOPS; 0 when it names no known model. */
    public double jobDenseTflopsPerGpu(String jobName) {
        GpuGeneration g = jobGenerations.get(jobName);
        return g == null ? 0 : g.denseTflops(precision);
    }

    /**
     * One cloud's resolved profile.
     *
     * @param generation the catalogue generation its model matched, if any
     * @param levels the cap levels the dispatch may use (run or stop when capping is off)
     */
    public record Profile(Optional<GpuGeneration> generation, PowerCapCurve levels) {
        /** The profile of a cloud given its generation (or none): its capping cut from the generation's curve. */
        public static Profile of(GpuCloud cloud, Optional<GpuGeneration> generation) {
            PowerCapCurve curve = generation.map(GpuGeneration::powerCap).orElse(PowerCapCurve.RUN_STOP);
            return new Profile(generation, cloud.capping().levels(curve));
        }

        /** Dense throughput per GPU at full power, TFLOPS; 0 when the model is not in the catalogue. */
        public double denseTflopsPerGpu(ComputePrecision precision) {
            return generation.map(g -> g.denseTflops(precision)).orElse(0.0);
        }
    }

    /** The profile of a cloud: resolved, or from the cloud alone. */
    public Profile profile(GpuCloud cloud) {
        Profile p = byCloud.get(cloud.name());
        return p != null ? p : Profile.of(cloud, Optional.empty());
    }
}
