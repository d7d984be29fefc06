package io.minerai.server.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.DefaultScenario;
import io.minerai.core.scenario.Period;
import io.minerai.core.scenario.Scenario;
import io.minerai.data.resolve.InputResolver;
import io.minerai.dispatch.ledger.Ledger;
import io.minerai.dispatch.ledger.Measure;
import io.minerai.dispatch.ledger.Stream;
import io.minerai.optimize.OptimizationProblem;
import io.minerai.optimize.Optimizer;
import io.minerai.store.RunLedger;
import io.minerai.store.SeriesColumn;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stored ledger carries every stream and measure of a run: the default scenario's optimal dispatch over three days
 * around its August 2024 4CP peak (bundled real ERCOT prices and fuel mix), with the 4CP charge and reserve offers.
 */
class LedgerColumnsTest {

    @Test
    void everyStreamAndMeasureIsAStoredColumnAndTheStreamsAddUpToTheNet() {
        Scenario s = DefaultScenario.load()
                .withPeriod(new Period(
                        Instant.parse("2024-08-17T05:00:00Z"),
                        Instant.parse("2024-08-24T05:00:00Z"),
                        Duration.ofHours(1)));
        ScenarioInputs inputs = InputResolver.resolve(s, Path.of("."));
        Ledger l = Optimizer.forSettings(s.optimize())
                .run(OptimizationProblem.forScenario(s, inputs, s.optimize()))
                .result()
                .ledger();
        RunLedger stored = LedgerColumns.of(l);
        Map<String, double[]> cols = new HashMap<>();
        for (SeriesColumn c : stored.columns()) {
            cols.put(c.name(), c.values());
        }
        // the 4CP charge and the reserve MW are among them (the issue found them missing from the stored ledger)
        assertThat(l.stream("transmission_4cp")).isPresent();
        assertThat(l.measures().stream().map(Measure::id)).contains("reserve_rrs_mw", "ercot_4cp_peak");
        assertThat(cols)
                .containsKeys("streamTransmission4cpUsd", "reserveRrsMw", "ercot4cpPeak", "transmissionChargeUsd");
        double peaks = 0;
        for (double v : column(cols, "ercot4cpPeak")) {
            peaks += v;
        }
        assertThat(peaks).isEqualTo(1); // the August 2024 4CP peak (2024-08-20 16:45 Central) is in the period
        for (int t = 0; t < l.size(); t++) {
            double sum = 0;
            for (Stream st : l.streams()) {
                String camel = st.camelName("USD");
                double[] col = column(cols, "stream" + Character.toUpperCase(camel.charAt(0)) + camel.substring(1));
                assertThat(col[t]).as(st.id() + " at " + t).isEqualTo(l.amounts(st)[t]);
                sum += col[t];
            }
            assertThat(column(cols, "netUsd")[t]).isCloseTo(sum, within(1e-6 * (1 + Math.abs(sum))));
        }
        for (Measure m : l.measures()) {
            assertThat(cols).as(m.id()).containsKey(LedgerColumns.camel(m.id()));
        }
    }

    private static double[] column(Map<String, double[]> cols, String name) {
        double[] c = cols.get(name);
        assertThat(c).as(name).isNotNull();
        return java.util.Objects.requireNonNull(c);
    }
}
