package io.minerai.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.DefaultScenario;
import io.minerai.core.scenario.Scenario;
import io.minerai.data.resolve.InputResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the default scenario's 2024 backtest (since 2026-12-05: H100 training and H200 inference capped from 60 %) on the
 * bundled real data: the nested summary against src/test/resources/golden/default-west-texas-2024-summary.json
 * (regenerate deliberately with {@code -Dminerai.golden.update=true} and say why in the commit), and bounds computed by
 * hand from the scenario's figures. Tolerance 1e-9 relative, as {@link BaselineBacktestGoldenTest}.
 */
class DefaultBacktestGoldenTest {
    private static final String GOLDEN = "/golden/default-west-texas-2024-summary.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static DispatchResult result;

    @BeforeAll
    static void run() {
        Scenario s = DefaultScenario.load();
        ScenarioInputs inputs = InputResolver.resolve(s, Path.of("."));
        result = Backtest.meritOrder(s.site(), inputs);
    }

    @Test
    void summaryMatchesTheGoldenFile() throws IOException {
        JsonNode actual = JSON.valueToTree(SummaryDocument.of(result.summary()));
        if (Boolean.getBoolean("minerai.golden.update")) {
            Files.writeString(Path.of("src/test/resources" + GOLDEN), JSON.writeValueAsString(actual));
        }
        JsonNode golden;
        try (InputStream in = DefaultBacktestGoldenTest.class.getResourceAsStream(GOLDEN)) {
            assertThat(in).as("golden file " + GOLDEN).isNotNull();
            golden = JSON.readTree(in);
        }
        BaselineBacktestGoldenTest.compare("", golden, actual);
    }

    @Test
    void computeDeliveredIsWithinWhatTheCloudsCanDeliver() {
        DispatchSummary s = result.summary();
        int hours = s.intervals() - s.missingIntervals();
        // GPUs in use per hour at full power: 2,048 H100 x 0.95 + 1,080 H200 x 0.70 = 2,701.6; capping keeps every GPU
        // in use (at lower throughput), pausing training does not, so GPU-hours are at most 2,701.6 per dispatched hour
        double gpuHours = s.gpu().gpuHoursDelivered();
        assertThat(gpuHours).isLessThanOrEqualTo(2701.6 * hours + 1e-6).isGreaterThan(0.99 * 2701.6 * hours);
        // FLOP-hours: at most every GPU in use at 989.4 dense BF16 TFLOPS, training at its progress (38 - 2) / 38
        double maxEflopH = (1945.6 * 36.0 / 38.0 + 756) * 989.4 / 1e6 * hours;
        assertThat(s.gpu().computeDeliveredExaflopHours())
                .isLessThanOrEqualTo(maxEflopH + 1e-6)
                .isGreaterThan(0.98 * maxEflopH);
        assertThat(s.gpu().computePrecision()).isEqualTo("bf16-dense");
        // the job classes' own streams exist and are costs (or zero)
        assertThat(s.streamTotalUsd("ai_training_loss")).isLessThanOrEqualTo(0);
        assertThat(s.streamTotalUsd("ai_sla_penalty")).isLessThanOrEqualTo(0);
        // BTC per MWh the miners drew, beside the GPU figures
        assertThat(s.gpu().btcPerMwh()).isCloseTo(s.btcMined() / s.energy().minerEnergyMwh(), within(1e-12));
    }
}
