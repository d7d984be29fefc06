package io.minerai.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.ai.ComputePrecision;
import io.minerai.core.ai.GpuContract;
import io.minerai.core.site.GpuCloud;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A GPU cloud's contracted part (issue 16.5), the flexible-compute contract (issue 15.3) and the compute precision:
 * read, validated at their paths, written back.
 */
class GpuContractSectionTest {
    private static final String BASE = """
            name: t
            period: {start: 2024-07-01T00:00:00Z, end: 2024-07-02T00:00:00Z, step: 1h}
            site:
              name: s
              grid: {settlementPoint: HB_WEST, importCapMw: 10}
              gpuClouds:
            """;

    private static String cloud(String name, String extra) {
        return "    - {name: " + name + ", gpuModel: H100 SXM, gpuCount: 512, itKwPerGpu: 1.275, pue: 1.2,"
                + " priceUsdPerGpuHour: 2.5, utilizationFraction: 0.9" + (extra.isEmpty() ? "" : ", " + extra) + "}\n";
    }

    private static final String FLEX = """
            markets:
              flexibleCompute:
                committedMw: 0.3
                firmLevelMw: 0.5
                availabilityUsdPerMwMonth: 3000
                clawbackFraction: 0.5
                events: {path: events.csv}
            """;

    @Test
    void aContractByGpusOrFractionIsReadAndWrittenBack() {
        String yaml = BASE
                + cloud(
                        "ms",
                        "contract: {contractedGpus: 384, curtailmentAllowanceHoursPerYear: 20,"
                                + " serviceCreditUsdPerGpuHour: 1.5, availabilitySla: 0.999}")
                + cloud(
                        "sla",
                        "contract: {contractedFraction: 0.5, availabilitySla: 0.999, serviceCreditUsdPerMwh: 80}")
                + cloud("spot", "")
                + FLEX
                + "computePrecision: fp8-dense\n";
        Scenario s = ScenarioReader.parse(yaml, "t");
        GpuCloud ms = s.site().gpuClouds().get(0);
        assertThat(ms.contract())
                .isEqualTo(new GpuContract(0.75, 20, new GpuContract.ServiceCredit.PerGpuHour(1.5), 0.999));
        // 0.75 x 512 GPUs x 1.275 kW x 1.2 = 0.5875 MW held firm
        assertThat(ms.contractedMw()).isCloseTo(0.75 * 512 * 1.275 * 1.2 / 1000, within(1e-12));
        // no allowance given: (1 - 0.999) x 8,760 h = 8.76 h
        assertThat(s.site().gpuClouds().get(1).contract().curtailmentAllowanceHoursPerYear())
                .isCloseTo(8.76, within(1e-9));
        assertThat(s.site().gpuClouds().get(2).contract()).isEqualTo(GpuContract.NONE);
        FlexibleComputeProgram fc = s.markets().flexibleCompute().orElseThrow();
        assertThat(fc.availability().usdPerMwHour()).isCloseTo(3000 * 12 / 8760.0, within(1e-12));
        assertThat(fc.annualAvailabilityUsd()).isCloseTo(0.3 * 3000 * 12, within(1e-9));
        assertThat(fc.events()).isEqualTo(new DemandReductionProgram.EventSource.Csv("events.csv", "start", "end"));
        assertThat(s.computePrecision()).isEqualTo(ComputePrecision.FP8_DENSE);
        assertThat(ScenarioReader.parse(ScenarioWriter.toYaml(s), "again")).isEqualTo(s);
        assertThat(ScenarioPaths.files(s))
                .contains(new ScenarioPaths.FileRef("markets.flexibleCompute.events.path", "events.csv"));
    }

    @Test
    void withoutTheNewSectionsAScenarioIsWhatItWas() {
        Scenario s = ScenarioReader.parse(BASE + cloud("a", ""), "t");
        assertThat(s.computePrecision()).isEqualTo(ComputePrecision.BF16_DENSE);
        assertThat(s.markets()).isEqualTo(MarketPrograms.NONE);
        assertThat(ScenarioWriter.toYaml(s)).doesNotContain("computePrecision").doesNotContain("contract");
    }

    @Test
    void badContractsAndProgramsAreReportedAtTheirPaths() {
        String yaml = BASE
                + cloud("big", "contract: {contractedGpus: 600, serviceCreditUsdPerMwh: 10}")
                + cloud("neg", "contract: {contractedFraction: 0.5, curtailmentAllowanceHoursPerYear: -5}")
                + cloud("none", "contract: {serviceCreditUsdPerMwh: 10}")
                + cloud("firm", "firm: true, contract: {contractedFraction: 0.5}")
                + """
                markets:
                  flexibleCompute:
                    committedMw: 0.3
                    firmLevelMw: 0.5
                    availabilityUsdPerMwMonth: 3000
                    availabilityUsdPerMwHour: 4
                    clawbackFraction: 1.5
                    events: {path: events.csv}
                computePrecision: fp4
                """;
        assertThatThrownBy(() -> ScenarioReader.parse(yaml, "t"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    List<String> paths =
                            e.problems().stream().map(Problem::path).toList();
                    assertThat(paths)
                            .contains(
                                    "site.gpuClouds[0].contract.contractedGpus",
                                    "site.gpuClouds[1].contract.curtailmentAllowanceHoursPerYear",
                                    "site.gpuClouds[2].contract",
                                    "site.gpuClouds[3].contract",
                                    "markets.flexibleCompute",
                                    "markets.flexibleCompute.clawbackFraction",
                                    "computePrecision");
                    assertThat(e.getMessage())
                            .contains("is 600, more than the cloud's 512 GPUs")
                            .contains("give one of contractedFraction and contractedGpus")
                            .contains("give one of availabilityUsdPerMwMonth and availabilityUsdPerMwHour");
                });
    }

    @Test
    void aContractThatDoesNotFitUnderTheImportCapIsRefused() {
        // 2,000 GPUs x 1.275 kW x 1.2 = 3.06 MW, 90 % contracted = 2.754 MW firm, import cap 2 MW
        String yaml = BASE.replace("importCapMw: 10", "importCapMw: 2")
                + "    - {name: big, gpuModel: H100 SXM, gpuCount: 2000, itKwPerGpu: 1.275, pue: 1.2,"
                + " priceUsdPerGpuHour: 2.5, utilizationFraction: 0.9, contract: {contractedFraction: 0.9}}\n"
                + FLEX.replace("firmLevelMw: 0.5", "firmLevelMw: 2.5");
        assertThatThrownBy(() -> ScenarioReader.parse(yaml, "t"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.problems().stream().map(Problem::path).toList())
                            .contains("site.grid.importCapMw", "markets.flexibleCompute.firmLevelMw");
                    assertThat(e.getMessage()).contains("'big' contracted 2.75 MW");
                });
    }
}
