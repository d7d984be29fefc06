package io.minerai.data.specs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.TestFiles;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class SpecsTest {
    @Test
    void bundledAsicListingWithBomAndTrailingColumns() {
        AsicSpecs a = AsicSpecs.bundled();
        assertThat(a.all()).hasSize(86);
        AsicSpec s19pro = a.all().get(0);
        assertThat(s19pro).isEqualTo(new AsicSpec("Bitmain", "Antminer S19 Pro", 110, 3250, 30, YearMonth.of(2020, 2)));
        assertThat(s19pro.efficiencyJPerTh()).isCloseTo(3250.0 / 110, within(1e-12));
        // Two rows share the name: the 2019 edition (listed first) and the 2016 original.
        assertThat(a.find("antminer s9").orElseThrow().released()).isEqualTo(YearMonth.of(2019, 9));
        AsicSpec s9 = a.findAll("Antminer S9").get(1);
        assertThat(s9.hashrateThPerS()).isEqualTo(13);
        assertThat(s9.powerW()).isEqualTo(1300);
        assertThat(s9.released()).isEqualTo(YearMonth.of(2016, 7));
        assertThat(a.find("Whatsminer M10S (Underclocked)")).isPresent();
    }

    @Test
    void asicProblemsNameLineAndColumn() {
        var in = TestFiles.lines(
                "Company,Device,Hashrate (T),Power Consumption (W),Unit Power (W/T) #,Year Released,Month Released",
                "Bitmain,X1,110,3250,30,2020,2",
                "Bitmain,X2,fast,3250,30,2020,13",
                "Bitmain,,110,-1,30,2020,2");
        assertThatThrownBy(() -> AsicSpecs.read(in, "asics.csv"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::path)
                                .containsExactly(
                                        "asics.csv:3:Hashrate (T)",
                                        "asics.csv:3:Month Released",
                                        "asics.csv:4:Device",
                                        "asics.csv:4:Power Consumption (W)"));
    }

    @Test
    void bundledGpuSpecs() {
        GpuSpecs g = GpuSpecs.bundled();
        assertThat(g.all()).hasSize(14);
        GpuSpec h100 = g.find("h100").orElseThrow();
        assertThat(h100.name()).isEqualTo("H100");
        assertThat(h100.powerW()).isEqualTo(350);
        assertThat(h100.memoryGbOptions()).containsExactly(80.0);
        assertThat(h100.metric("bf16_tensor_core_sparsity")).hasValue(1513);
        assertThat(h100.metric("bf16_tensor_core")).isEmpty();
        assertThat(h100.interconnect()).isEqualTo("PCIe Gen5");
        GpuSpec v100 = g.find("V100 SXM2").orElseThrow();
        assertThat(v100.memoryGbOptions()).containsExactly(16.0, 32.0);
        assertThat(v100.maxMemoryGb()).hasValue(32);
        assertThat(g.find("a100_sxm4_80gb").orElseThrow().memoryBandwidthGbPerS())
                .hasValue(2039);
    }

    @Test
    void gpuUnknownsAndProblems() {
        GpuSpecs ok = GpuSpecs.read(
                TestFiles.lines("{\"x1\": {\"name\": \"X1\", \"power_consumption\": \"700\", \"fp8\": \"?\","
                        + " \"gpu_memory\": \"?\"}}"),
                "g.json");
        assertThat(ok.all().get(0).powerW()).isEqualTo(700);
        assertThat(ok.all().get(0).memoryGbOptions()).isEmpty();
        assertThatThrownBy(() -> GpuSpecs.read(
                        TestFiles.lines(
                                "{\"x1\": {\"name\": \"X1\", \"power_consumption\": \"?\"},",
                                " \"x2\": {\"name\": \"\", \"power_consumption\": \"lots\", \"gpu_memory\": \"8/x\"}}"),
                        "g.json"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::path)
                                .containsExactly(
                                        "g.json:x1.power_consumption",
                                        "g.json:x2.name",
                                        "g.json:x2.power_consumption",
                                        "g.json:x2.gpu_memory"));
        assertThatThrownBy(() -> GpuSpecs.read(TestFiles.lines("{\"x1\": {"), "g.json"))
                .hasMessageContaining("g.json:")
                .hasMessageContaining("not valid JSON");
    }
}
