package io.minerai.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.core.ai.Cooling;
import io.minerai.core.ai.GpuWorkload;
import io.minerai.core.ai.PowerCapCurve;
import io.minerai.core.site.GpuCloud;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A GPU cloud's hall cooling, cap levels and job class: read, validated at their paths, written back. */
class GpuCloudSectionTest {
    private static final String BASE = """
            name: t
            period: {start: 2024-07-01T00:00:00Z, end: 2024-07-02T00:00:00Z, step: 1h}
            site:
              name: s
              grid: {settlementPoint: HB_WEST, importCapMw: 10}
              gpuClouds:
            """;

    private static final String CLOUD =
            "    - {name: %s, gpuModel: H100 SXM, gpuCount: 512, itKwPerGpu: 1.275, pue: 1.2,"
                    + " priceUsdPerGpuHour: 2.5, utilizationFraction: 0.9%s}\n";

    private static String cloud(String name, String extra) {
        return String.format(CLOUD, name, extra.isEmpty() ? "" : ", " + extra);
    }

    @Test
    void absentFieldsKeepARentalCloudThatRunsOrStopsInAnAirCooledHall() {
        GpuCloud g = ScenarioReader.parse(BASE + cloud("a", ""), "t")
                .site()
                .gpuClouds()
                .get(0);
        assertThat(g.cooling()).isEqualTo(Cooling.AIR);
        assertThat(g.capping().allowsCaps()).isFalse();
        assertThat(g.workload()).isEqualTo(GpuWorkload.RENTAL);
    }

    @Test
    void jobClassesAndCapLevelsAreReadAndWrittenBack() {
        String yaml = BASE
                + cloud(
                        "train",
                        "cooling: liquid, minPowerCapFraction: 0.6,"
                                + " training: {checkpointIntervalMinutes: 38, checkpointWriteMinutes: 2, restartMinutes: 10}")
                + cloud(
                        "serve",
                        "cooling: immersion, minPowerCapFraction: 0.5,"
                                + " powerCapCurve: [{powerFraction: 0.5, throughputFraction: 0.6},"
                                + " {powerFraction: 1, throughputFraction: 1}],"
                                + " inference: {committedFraction: 0.5, slaPenaltyUsdPerMwh: 900}");
        Scenario s = ScenarioReader.parse(yaml, "t");
        GpuCloud train = s.site().gpuClouds().get(0);
        assertThat(train.cooling()).isEqualTo(Cooling.LIQUID);
        assertThat(train.capping().minPowerFraction()).isEqualTo(0.6);
        assertThat(train.capping().curve()).isEmpty();
        assertThat(train.workload()).isEqualTo(new GpuWorkload.Training(38, 2, 10));
        GpuCloud serve = s.site().gpuClouds().get(1);
        assertThat(serve.capping().curve().orElseThrow().points())
                .containsExactly(new PowerCapCurve.Point(0.5, 0.6), new PowerCapCurve.Point(1, 1));
        assertThat(serve.workload()).isEqualTo(new GpuWorkload.Inference(0.5, 900));
        assertThat(ScenarioReader.parse(ScenarioWriter.toYaml(s), "again")).isEqualTo(s);
    }

    @Test
    void everyProblemIsReportedAtItsPath() {
        String yaml = BASE
                + cloud("w", "training: {checkpointIntervalMinutes: 5, checkpointWriteMinutes: 5}")
                + cloud(
                        "both",
                        "training: {checkpointIntervalMinutes: 30}, inference: {committedFraction: 0.5,"
                                + " slaPenaltyUsdPerMwh: 1}")
                + cloud(
                        "convex",
                        "minPowerCapFraction: 0.5, powerCapCurve: [{powerFraction: 0.5, throughputFraction: 0.4},"
                                + " {powerFraction: 1, throughputFraction: 1}]")
                + cloud("cool", "cooling: water");
        assertThatThrownBy(() -> ScenarioReader.parse(yaml, "t"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    List<String> paths =
                            e.problems().stream().map(Problem::path).toList();
                    assertThat(paths)
                            .contains(
                                    "site.gpuClouds[0].training.checkpointWriteMinutes",
                                    "site.gpuClouds[1].inference",
                                    "site.gpuClouds[2].powerCapCurve",
                                    "site.gpuClouds[3].cooling");
                    assertThat(e.getMessage())
                            .contains("must be less than checkpointIntervalMinutes")
                            .contains("give at most one of training and inference")
                            .contains("not concave");
                });
    }
}
