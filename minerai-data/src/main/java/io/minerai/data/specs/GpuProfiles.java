package io.minerai.data.specs;

import io.minerai.core.ai.GpuCatalogue;
import io.minerai.core.ai.GpuGeneration;
import io.minerai.core.inputs.GpuInputs;
import io.minerai.core.site.GpuCloud;
import io.minerai.core.site.Site;
import io.minerai.data.csv.ProblemCollector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves each GPU cloud of a site against the GPU catalogue: the generation its {@code gpuModel} names (for
 * throughput in FLOPs and the default power-cap curve) and the cap levels the dispatch may use. Problems, each at its
 * scenario path:
 *
 * <ul>
 *   <li>a generation the catalogue lists as needing liquid (or immersion) cooling in a hall of another cooling: {@code
 *       site.gpuClouds[0].cooling: GPU model B200 needs liquid or immersion cooling (GPU catalogue), the hall is air};
 *   <li>capping allowed ({@code minPowerCapFraction < 1}) without a throughput curve: neither the scenario's {@code
 *       powerCapCurve} nor a catalogue generation for the model.
 * </ul>
 *
 * A model the catalogue does not list is otherwise accepted: it counts GPU-hours but no FLOPs.
 */
public final class GpuProfiles {
    private GpuProfiles() {}

    /** The profiles of every GPU cloud of the site, compute counted in dense BF16; problems go to {@code problems}. */
    public static GpuInputs resolve(Site site, GpuCatalogue catalogue, ProblemCollector problems) {
        return resolve(site, catalogue, io.minerai.core.ai.ComputePrecision.BF16_DENSE, problems);
    }

    /** The profiles of every GPU cloud of the site, compute counted in {@code precision}. */
    public static GpuInputs resolve(
            Site site,
            GpuCatalogue catalogue,
            io.minerai.core.ai.ComputePrecision precision,
            ProblemCollector problems) {
        Map<String, GpuInputs.Profile> out = new LinkedHashMap<>();
        List<GpuCloud> clouds = site.gpuClouds();
        for (int i = 0; i < clouds.size(); i++) {
            GpuCloud c = clouds.get(i);
            String path = "site.gpuClouds[" + i + "]";
            Optional<GpuGeneration> g = catalogue.find(c.gpuModel());
            if (g.isPresent() && !g.get().fits(c.cooling())) {
                problems.add(
                        path + ".cooling",
                        "GPU model " + c.gpuModel() + " needs " + coolings(g.get()) + " cooling (GPU catalogue, "
                                + g.get().name() + "), the hall is "
                                + c.cooling().id()
                                + "; set cooling to one of those or choose an air-cooled model");
            }
            if (c.capping().allowsCaps() && c.capping().curve().isEmpty() && g.isEmpty()) {
                problems.add(
                        path + ".minPowerCapFraction",
                        "capping below full power needs a throughput curve: GPU model " + c.gpuModel()
                                + " is not in the GPU catalogue (known: " + String.join(", ", catalogue.names())
                                + "); give powerCapCurve or set minPowerCapFraction to 1");
            }
            out.put(c.name(), GpuInputs.Profile.of(c, g));
        }
        return new GpuInputs(out, precision);
    }

    /**
     * The profiles of the site's clouds and the catalogue generations of the deferrable jobs that name a GPU model,
     * compute counted in {@code precision}; an unknown model or a model without facilityKwPerGpu is a problem at the
     * job's path.
     */
    public static GpuInputs resolve(
            Site site,
            List<io.minerai.core.scenario.OptimizeSettings.GpuJob> jobs,
            GpuCatalogue catalogue,
            io.minerai.core.ai.ComputePrecision precision,
            ProblemCollector problems) {
        GpuInputs clouds = resolve(site, catalogue, precision, problems);
        Map<String, GpuGeneration> byJob = new LinkedHashMap<>();
        for (int i = 0; i < jobs.size(); i++) {
            io.minerai.core.scenario.OptimizeSettings.GpuJob j = jobs.get(i);
            if (j.gpuModel().isEmpty()) {
                continue;
            }
            String path = "optimize.gpuJobs[" + i + "]";
            Optional<GpuGeneration> g = catalogue.find(j.gpuModel());
            if (g.isEmpty()) {
                problems.add(
                        path + ".gpuModel",
                        "GPU model " + j.gpuModel() + " is not in the GPU catalogue (known: "
                                + String.join(", ", catalogue.names()) + ")");
            } else if (!(j.facilityKwPerGpu() > 0)) {
                problems.add(
                        path + ".facilityKwPerGpu",
                        "is required with gpuModel: it turns the job's energy into GPU-hours, and those into FLOPs");
            } else {
                byJob.put(j.name(), g.get());
            }
        }
        return new GpuInputs(clouds.byCloud(), precision, byJob);
    }

    private static String coolings(GpuGeneration g) {
        StringBuilder b = new StringBuilder();
        List<io.minerai.core.ai.Cooling> cs = g.coolings().stream().sorted().toList();
        for (int k = 0; k < cs.size(); k++) {
            if (k > 0) {
                b.append(k == cs.size() - 1 ? " or " : ", ");
            }
            b.append(cs.get(k).id());
        }
        return b.toString();
    }
}
