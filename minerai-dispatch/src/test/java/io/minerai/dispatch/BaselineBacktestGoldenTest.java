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
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the baseline scenario's 2024 backtest (the default until 2026-12-05) on the bundled real data. The golden file is
 * src/test/resources/golden/baseline-west-texas-2024-summary.json; regenerate it deliberately with
 * {@code -Dminerai.golden.update=true} after a reviewed change of semantics or data, and say why in the commit.
 *
 * <p>Tolerance: 1e-9 relative. The computation is deterministic (same data, same order of summation); the tolerance
 * only absorbs floating-point differences between JIT-compiled and interpreted code paths.
 */
class BaselineBacktestGoldenTest {
    private static final String GOLDEN = "/golden/baseline-west-texas-2024-summary.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static DispatchResult result;
    private static ScenarioInputs inputs;

    @BeforeAll
    static void run() {
        Scenario s = DefaultScenario.loadBaseline();
        inputs = InputResolver.resolve(s, Path.of("."));
        result = Backtest.meritOrder(s.site(), inputs);
    }

    @Test
    void summaryMatchesTheGoldenFile() throws IOException {
        // the flat fields of earlier releases, computed from the nested summary: the golden file predates the ledger of
        // typed streams and is deliberately not regenerated, so this proves the redesign left every figure unchanged
        JsonNode actual = JSON.valueToTree(LegacySummary.fields(result.summary()));
        if (Boolean.getBoolean("minerai.golden.update")) {
            Path f = Path.of("src/test/resources" + GOLDEN);
            Files.writeString(f, JSON.writeValueAsString(actual));
        }
        JsonNode golden;
        try (InputStream in = BaselineBacktestGoldenTest.class.getResourceAsStream(GOLDEN)) {
            assertThat(in).as("golden file " + GOLDEN).isNotNull();
            golden = JSON.readTree(in);
        }
        compare("", golden, actual);
    }

    @Test
    void periodAndGapsAreTheKnownOnesOfTheData() {
        DispatchSummary s = result.summary();
        assertThat(s.intervals()).isEqualTo(8784);
        // SOURCE.md of the ERCOT prices: whole days 2024-03-11..16 and most of 03-10 and 03-17 are missing (169 hours
        // in the UTC grid), and the source drops the repeated hour of the fall-back day (2024-11-03 07:00Z): 170
        assertThat(s.gaps().missingPriceIntervals()).isEqualTo(170);
        assertThat(s.gaps().missingBitcoinIntervals()).isZero();
        assertThat(s.missingIntervals())
                .isEqualTo(s.gaps().missingPriceIntervals() + s.gaps().missingGenerationIntervals());
    }

    @Test
    void independentCrossChecks() {
        DispatchSummary s = result.summary();
        // streams add up to net
        double revenues = s.streamTotalUsd("mining")
                + s.streamTotalUsd("ai_cloud")
                + s.streamTotalUsd("colocation")
                + s.streamTotalUsd("export")
                + s.streamTotalUsd("ppa_sellback")
                + s.streamTotalUsd("ancillary");
        assertThat(s.netUsd()).isCloseTo(revenues - s.powerCostUsd(), within(1e-6 * Math.abs(revenues)));
        // colocation rent: 15 MW x $121.5/kW-month over the dispatched hours, each hour 1/hours-in-month of a month
        double rent = 0;
        io.minerai.dispatch.ledger.Ledger ledger = result.ledger();
        for (int t = 0; t < ledger.size(); t++) {
            if (ledger.dispatch().dispatched()[t]) {
                rent += 15_000
                        * 121.5
                        / io.minerai.core.ai.AiEconomics.hoursInUtcMonth(
                                ledger.grid().start(t));
            }
        }
        assertThat(s.streamTotalUsd("colocation")).isCloseTo(rent, within(1e-6 * rent));
        // BTC mined can never exceed what the fleets would mine running every dispatched hour
        double maxBtc = 0;
        for (int t = 0; t < ledger.size(); t++) {
            if (ledger.dispatch().dispatched()[t]) {
                double thPerS = 20_000 * 200 + 20_000 * 110 + 6_000 * 319;
                maxBtc += thPerS * inputs.btcPerThDay().value(t) * 0.98 / 24;
            }
        }
        assertThat(s.btcMined()).isLessThanOrEqualTo(maxBtc).isGreaterThan(0.5 * maxBtc);
        // the PPA block is paid in every dispatched hour: at least 100 MW x $32 x hours
        assertThat(s.powerCostUsd()).isGreaterThan(100 * 32 * (8784 - s.missingIntervals()) * 0.99);
    }

    static void compare(String path, JsonNode golden, JsonNode actual) {
        if (golden.isObject()) {
            assertThat(actual.isObject()).as(path).isTrue();
            Iterator<Map.Entry<String, JsonNode>> it = golden.fields();
            while (it.hasNext()) {
                var e = it.next();
                assertThat(actual.has(e.getKey()))
                        .as(path + "." + e.getKey() + " present")
                        .isTrue();
                compare(path + "." + e.getKey(), e.getValue(), actual.get(e.getKey()));
            }
        } else if (golden.isArray()) {
            assertThat(actual.size()).as(path + " size").isEqualTo(golden.size());
            for (int i = 0; i < golden.size(); i++) {
                compare(path + "[" + i + "]", golden.get(i), actual.get(i));
            }
        } else if (golden.isNumber()) {
            double g = golden.asDouble();
            assertThat(actual.asDouble()).as(path).isCloseTo(g, within(1e-9 * Math.max(1, Math.abs(g))));
        } else {
            assertThat(actual.asText()).as(path).isEqualTo(golden.asText());
        }
    }
}
