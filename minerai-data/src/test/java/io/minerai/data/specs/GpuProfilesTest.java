package io.minerai.data.specs;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.core.ai.ComputePrecision;
import io.minerai.core.ai.Cooling;
import io.minerai.core.ai.GpuWorkload;
import io.minerai.core.ai.PowerCapCurve;
import io.minerai.core.ai.PowerCapping;
import io.minerai.core.inputs.GpuInputs;
import io.minerai.core.site.GpuCloud;
import io.minerai.core.site.GridConnection;
import io.minerai.core.site.Site;
import io.minerai.core.site.SiteOpex;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.csv.ProblemCollector;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** GPU clouds resolved against the bundled catalogue: cooling refusals, cap levels, throughput. */
class GpuProfilesTest {
    private static Site site(GpuCloud... clouds) {
        return new Site(
                "s",
                new GridConnection("HB_WEST", 100, false, 0, List.of()),
                List.of(),
                List.of(clouds),
                List.of(),
                List.of(),
                Optional.empty(),
                SiteOpex.NONE);
    }

    private static GpuCloud cloud(String name, String model, Cooling cooling, PowerCapping capping) {
        return new GpuCloud(name, model, 8, 1.8, 1.2, 5, 0.8, false).with(cooling, capping, GpuWorkload.RENTAL);
    }

    @Test
    void aB200InAnAirCooledHallIsRefusedAtItsPath() {
        ProblemCollector p = new ProblemCollector();
        GpuProfiles.resolve(
                site(
                        cloud("ok", "DGX B200", Cooling.AIR, PowerCapping.NONE),
                        cloud("hot", "B200", Cooling.AIR, PowerCapping.NONE),
                        cloud("rack", "GB300 NVL72", Cooling.IMMERSION, PowerCapping.NONE),
                        cloud("wet", "B200", Cooling.LIQUID, PowerCapping.NONE)),
                GpuCatalogueReader.bundled(),
                p);
        Assertions.assertThatThrownBy(() -> p.throwIfAny("inputs"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.problems()).hasSize(2);
                    assertThat(e.problems().get(0).path()).isEqualTo("site.gpuClouds[1].cooling");
                    assertThat(e.problems().get(0).message())
                            .isEqualTo(
                                    "GPU model B200 needs liquid or immersion cooling (GPU catalogue, B200), the hall is"
                                            + " air; set cooling to one of those or choose an air-cooled model");
                    assertThat(e.problems().get(1).path()).isEqualTo("site.gpuClouds[2].cooling");
                    assertThat(e.problems().get(1).message()).contains("needs liquid cooling");
                });
    }

    @Test
    void capLevelsComeFromTheCatalogueCurveOrTheScenarioAndNeedOne() {
        PowerCapCurve own =
                new PowerCapCurve(List.of(new PowerCapCurve.Point(0.5, 0.7), new PowerCapCurve.Point(1, 1)));
        ProblemCollector p = new ProblemCollector();
        Site s = site(
                cloud("h100", "H100", Cooling.AIR, new PowerCapping(0.7, Optional.empty())),
                cloud("own", "mystery", Cooling.AIR, new PowerCapping(0.5, Optional.of(own))),
                cloud("none", "mystery", Cooling.AIR, new PowerCapping(0.5, Optional.empty())));
        GpuInputs g = GpuProfiles.resolve(s, GpuCatalogueReader.bundled(), p);
        GpuInputs.Profile h100 = g.profile(s.gpuClouds().get(0));
        assertThat(h100.generation().orElseThrow().name()).isEqualTo("H100 SXM");
        // the catalogue's default curve cut at 70%: levels 0.7, 0.8, 0.9, 1
        assertThat(h100.levels().points())
                .extracting(PowerCapCurve.Point::powerFraction)
                .containsExactly(0.7, 0.8, 0.9, 1.0);
        assertThat(h100.denseTflopsPerGpu(ComputePrecision.BF16_DENSE)).isEqualTo(989.4);
        assertThat(g.profile(s.gpuClouds().get(1)).levels()).isEqualTo(own);
        assertThat(g.profile(s.gpuClouds().get(1)).denseTflopsPerGpu(ComputePrecision.BF16_DENSE))
                .isZero();
        Assertions.assertThatThrownBy(() -> p.throwIfAny("inputs"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().get(0).path()).isEqualTo("site.gpuClouds[2].minPowerCapFraction");
                    assertThat(e.problems().get(0).message()).contains("give powerCapCurve");
                });
    }

    @Test
    void aBatchJobNamingItsGpuModelGetsItsGenerationOrAProblemAtItsPath() {
        java.time.Instant a = java.time.Instant.parse("2024-07-01T00:00:00Z");
        java.time.Instant b = java.time.Instant.parse("2024-08-01T00:00:00Z");
        List<io.minerai.core.scenario.OptimizeSettings.GpuJob> jobs = List.of(
                new io.minerai.core.scenario.OptimizeSettings.GpuJob(
                        "ok", 2, 0, 1000, 1.53, a, b, 900, true, "h100-sxm"),
                new io.minerai.core.scenario.OptimizeSettings.GpuJob("plain", 2, 100, 0, 0, a, b, 900, true),
                new io.minerai.core.scenario.OptimizeSettings.GpuJob("odd", 2, 0, 1000, 1.53, a, b, 900, true, "Z9"),
                new io.minerai.core.scenario.OptimizeSettings.GpuJob("nokw", 2, 100, 0, 0, a, b, 900, true, "H100"));
        ProblemCollector p = new ProblemCollector();
        GpuInputs g = GpuProfiles.resolve(site(), jobs, GpuCatalogueReader.bundled(), ComputePrecision.FP8_DENSE, p);
        assertThat(g.jobDenseTflopsPerGpu("ok")).isEqualTo(1978.9);
        assertThat(g.jobDenseTflopsPerGpu("plain")).isEqualTo(0.0);
        Assertions.assertThatThrownBy(() -> p.throwIfAny("inputs"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.problems())
                            .extracting(io.minerai.core.validation.Problem::path)
                            .containsExactly("optimize.gpuJobs[2].gpuModel", "optimize.gpuJobs[3].facilityKwPerGpu");
                    assertThat(e.problems().get(0).message()).startsWith("GPU model Z9 is not in the GPU catalogue");
                });
    }
}
