package io.minerai.data.specs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.ai.ComputePrecision;
import io.minerai.core.ai.Cooling;
import io.minerai.core.ai.GpuCatalogue;
import io.minerai.core.ai.GpuGeneration;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.TestFiles;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class GpuCatalogueReaderTest {
    @Test
    void bundledCatalogueHasTheIssuesGenerationsWithDatasheetFigures() {
        GpuCatalogue c = GpuCatalogueReader.bundled();
        assertThat(c.names()).contains("H100 SXM", "H200", "B200", "B300", "GB200 NVL72", "GB300 NVL72");
        GpuGeneration h100 = c.find("h100-sxm").orElseThrow();
        assertThat(c.find("H100")).contains(h100);
        assertThat(h100.gpuTdpW()).isEqualTo(700);
        // DGX H100: 10.2 kW for 8 GPUs = 1.275 kW per GPU, the default scenario's figure
        assertThat(h100.itKwPerGpu()).isCloseTo(1.275, within(1e-12));
        assertThat(h100.denseTflops(ComputePrecision.BF16_DENSE)).isEqualTo(989.4);
        assertThat(h100.denseTflops(ComputePrecision.FP8_DENSE)).isEqualTo(1978.9);
        assertThat(h100.fits(Cooling.AIR)).isTrue();
        GpuGeneration b200 = c.find("B200").orElseThrow();
        assertThat(b200.itKwPerGpu()).isCloseTo(14.3 / 8, within(1e-12));
        assertThat(b200.fits(Cooling.AIR)).isFalse();
        assertThat(b200.fits(Cooling.LIQUID)).isTrue();
        assertThat(c.find("DGX B200").orElseThrow().fits(Cooling.AIR)).isTrue();
        GpuGeneration gb300 = c.find("GB300").orElseThrow();
        assertThat(gb300.coolings()).containsExactly(Cooling.LIQUID);
        assertThat(gb300.itKwPerGpu()).isCloseTo(132.0 / 72, within(1e-12));
        assertThat(gb300.capexUsdPerGpu()).isEqualTo(53167);
        // every cited figure carries a source, and the assumptions say so
        for (GpuGeneration g : c.generations()) {
            assertThat(g.sources().keySet()).containsAll(GpuCatalogueReader.CITED_FIELDS);
            assertThat(g.powerCap().points().get(g.powerCap().levels() - 1).powerFraction())
                    .isEqualTo(1.0);
        }
        assertThat(b200.sources().get("coolings")).startsWith("ASSUMPTION");
    }

    @Test
    void pricePathDeclinesWithAge() {
        GpuGeneration h100 = GpuCatalogueReader.bundled().find("H100 SXM").orElseThrow();
        double p0 = h100.rentalPrice().priceUsdPerGpuHour(YearMonth.of(2026, 6));
        assertThat(p0).isEqualTo(3.32);
        // 20 % a year: one year later 0.8 x, two years 0.64 x
        assertThat(h100.rentalPrice().priceUsdPerGpuHour(YearMonth.of(2027, 6))).isCloseTo(3.32 * 0.8, within(1e-9));
        assertThat(h100.rentalPrice().priceUsdPerGpuHour(YearMonth.of(2028, 6))).isCloseTo(3.32 * 0.64, within(1e-9));
    }

    @Test
    void capexDeclinesWithThePurchaseMonth() {
        GpuGeneration h100 = GpuCatalogueReader.bundled().find("H100 SXM").orElseThrow();
        // $38,100 as of the price month 2026-06, 15 % a year: 2027-06 0.85 x, 2030-06 0.85^4 x, 2025-06 / 0.85
        assertThat(h100.capexDeclinePerYear()).isEqualTo(0.15);
        assertThat(h100.capexUsdPerGpu(YearMonth.of(2026, 6))).isEqualTo(38100);
        assertThat(h100.capexUsdPerGpu(YearMonth.of(2027, 6))).isCloseTo(32385, within(1e-6));
        assertThat(h100.capexUsdPerGpu(YearMonth.of(2030, 6))).isCloseTo(19888.438_125, within(1e-6));
        assertThat(h100.capexUsdPerGpu(YearMonth.of(2025, 6))).isCloseTo(38100 / 0.85, within(1e-6));
        assertThat(h100.sources().get("capexDeclinePerYear")).startsWith("ASSUMPTION");
    }

    @Test
    void defaultPowerCapCurveIsTheLabelledOne() {
        GpuGeneration h100 = GpuCatalogueReader.bundled().find("H100 SXM").orElseThrow();
        assertThat(h100.powerCap().throughputFraction(0.7)).isCloseTo(0.76, within(1e-12));
        // 0.35 of the power: 0.35 / 0.6 of the GPUs at the lowest cap, 0.35 / 0.6 x 0.66 = 0.385 of the throughput
        assertThat(h100.powerCap().throughputFraction(0.35)).isCloseTo(0.385, within(1e-12));
    }

    @Test
    void everyProblemIsReportedWithItsJsonPath() {
        var in = TestFiles.lines(
                "{\"generations\": [",
                " {\"name\": \"X1\", \"gpuTdpW\": -5, \"system\": \"S\", \"gpusPerSystem\": 8, \"systemItKw\": 10,",
                "  \"coolings\": [\"water\"], \"bf16DenseTflops\": 1, \"fp8DenseTflops\": 2, \"memoryGb\": 80,",
                "  \"capexUsdPerGpu\": 1, \"rentalPriceUsdPerGpuHour\": 2, \"rentalPriceMonth\": \"June\",",
                "  \"priceDeclinePerYear\": 1.5, \"capexDeclinePerYear\": -0.1, \"availableFrom\": \"2024-01\",",
                "  \"powerCap\": {\"points\": [[0.5, 0.4], [1, 1]], \"source\": \"x\"},",
                "  \"sources\": {\"gpuTdpW\": \"datasheet\"}}",
                "]}");
        assertThatThrownBy(() -> GpuCatalogueReader.read(in, "cat.json"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::path)
                                .contains(
                                        "cat.json:generations[0].gpuTdpW",
                                        "cat.json:generations[0].coolings[0]",
                                        "cat.json:generations[0].rentalPriceMonth",
                                        "cat.json:generations[0].priceDeclinePerYear",
                                        "cat.json:generations[0].capexDeclinePerYear",
                                        "cat.json:generations[0].sources.capexDeclinePerYear",
                                        "cat.json:generations[0].powerCap.points",
                                        "cat.json:generations[0].sources.capexUsdPerGpu"));
    }
}
