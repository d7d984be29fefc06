package io.minerai.report.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minerai.core.site.Site;
import io.minerai.dispatch.Backtest;
import io.minerai.dispatch.DispatchSummary;
import io.minerai.report.TestFixtures;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryJsonTest {
    private static final ObjectMapper PARSER = new ObjectMapper();

    private static JsonNode json(DispatchSummary s) throws Exception {
        return PARSER.readTree(SummaryJson.toJson(s));
    }

    @Test
    void keysAreTheLegacyFlatFieldsThenTheNestedParts() throws Exception {
        DispatchSummary s = TestFixtures.tinyResult().summary();
        JsonNode n = json(s);
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        List<String> expected =
                new ArrayList<>(io.minerai.dispatch.LegacySummary.fields(s).keySet());
        // every nested part of the summary except netUsd and loads, which are legacy fields already
        Arrays.stream(DispatchSummary.class.getRecordComponents())
                .map(RecordComponent::getName)
                .filter(c -> !c.equals("netUsd") && !c.equals("loads"))
                .forEach(expected::add);
        assertThat(keys).containsExactlyElementsOf(expected);
        assertThat(keys).hasSize(43 + 9);
        // the streams part carries every stream of the ledger with its signed total; they add up to netUsd
        double sum = 0;
        for (JsonNode st : n.get("streams")) {
            sum += st.get("totalUsd").asDouble();
        }
        assertThat(sum).isCloseTo(n.get("netUsd").asDouble(), within(1e-9));
        assertThat(n.get("streams").get(0).get("id").asText()).isEqualTo("mining");
        assertThat(n.get("streams").get(0).get("legacyName").asText()).isEqualTo("revenueMiningUsd");
        assertThat(keys)
                .contains(
                        "intervals",
                        "missingIntervals",
                        "energyImportedMwh",
                        "energyExportedMwh",
                        "minerEnergyMwh",
                        "btcMined",
                        "revenueMiningUsd",
                        "revenueAiCloudUsd",
                        "revenueColocationUsd",
                        "revenueExportUsd",
                        "powerCostUsd",
                        "netUsd",
                        "minerUptimeFraction",
                        "energyCostPerBtcUsd");
    }

    @Test
    void valuesMatchHandComputedTotals() throws Exception {
        JsonNode n = json(TestFixtures.tinyResult().summary());
        assertThat(n.get("intervals").asInt()).isEqualTo(4);
        assertThat(n.get("missingIntervals").asInt()).isEqualTo(1);
        assertThat(n.get("missingPriceIntervals").asInt()).isEqualTo(1);
        // imports 5.5 + 5.5 + 2 MW for one hour each
        assertThat(n.get("energyImportedMwh").asDouble()).isCloseTo(13.0, within(1e-9));
        assertThat(n.get("energyExportedMwh").asDouble()).isEqualTo(0.0);
        assertThat(n.get("minerEnergyMwh").asDouble()).isCloseTo(7.0, within(1e-9));
        assertThat(n.get("btcMined").asDouble()).isCloseTo(0.2 / 24, within(1e-15));
        assertThat(n.get("revenueMiningUsd").asDouble()).isCloseTo(500.0, within(1e-9));
        assertThat(n.get("revenueAiCloudUsd").asDouble()).isCloseTo(6000.0, within(1e-9));
        assertThat(n.get("revenueColocationUsd").asDouble()).isCloseTo(3 * 100_000.0 / 720, within(1e-9));
        assertThat(n.get("revenueExportUsd").asDouble()).isEqualTo(0.0);
        // 5.5 x 25 + 5.5 x 55 + 2 x 1005
        assertThat(n.get("powerCostUsd").asDouble()).isCloseTo(2450.0, within(1e-9));
        assertThat(n.get("netUsd").asDouble()).isCloseTo(500 + 6000 + 3 * 100_000.0 / 720 - 2450, within(1e-9));
        // miners ran 2 of 3 dispatched hours
        assertThat(n.get("minerUptimeFraction").asDouble()).isCloseTo(2.0 / 3, within(1e-12));
        // miners' energy: 3.5 MWh at 25 + 3.5 MWh at 55 = 280 USD for 0.2/24 BTC
        assertThat(n.get("energyCostPerBtcUsd").asDouble()).isCloseTo(33_600.0, within(1e-6));
        assertThat(n.get("policy").asText()).isEqualTo("merit-order");
        assertThat(n.get("loads")).hasSize(3);
        assertThat(n.get("loads").get(0).get("name").asText()).isEqualTo("S21-fleet");
        assertThat(n.get("loads").get(0).get("loadClass").asText()).isEqualTo("MINING");
    }

    @Test
    void notANumberIsWrittenAsNull() throws Exception {
        Site noMiners = TestFixtures.site("No miners", List.of(), List.of(TestFixtures.cloud()), List.of());
        DispatchSummary s =
                Backtest.meritOrder(noMiners, TestFixtures.tinyInputs()).summary();
        assertThat(s.bitcoin().energyCostPerBtcUsd()).isNaN();
        String text = SummaryJson.toJson(s);
        assertThat(text).doesNotContain("NaN").doesNotContain("Infinity");
        JsonNode n = PARSER.readTree(text);
        assertThat(n.get("energyCostPerBtcUsd").isNull()).isTrue();
        assertThat(n.get("cashCostPerBtcUsd").isNull()).isTrue();
        assertThat(n.get("allInCostPerBtcUsd").isNull()).isTrue();
        assertThat(n.get("revenueAiCloudUsd").asDouble()).isCloseTo(6000.0, within(1e-9));
    }

    @Test
    void numbersArePlainAndRoundTrip() throws Exception {
        DispatchSummary s = TestFixtures.tinyResult().summary();
        String text = SummaryJson.toJson(s);
        assertThat(text).doesNotContainPattern("\\d[eE][+-]?\\d");
        JsonNode n = PARSER.readTree(text);
        assertThat(n.get("btcMined").asDouble()).isEqualTo(s.btcMined());
        assertThat(n.get("netUsd").asDouble()).isEqualTo(s.netUsd());
        assertThat(n.get("energyCostPerBtcUsd").asDouble())
                .isEqualTo(s.bitcoin().energyCostPerBtcUsd());
    }
}
