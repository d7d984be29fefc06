package io.minerai.core.inputs;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each {@code with...} of the market inputs replaces its own part and keeps every other one. */
class MarketInputsTest {

    private static final TimeGrid GRID = new TimeGrid(Instant.parse("2025-07-01T00:00:00Z"), Duration.ofHours(1), 4);

    @Test
    void everyWithKeepsTheOtherParts() {
        MarketInputs.ProgramData programs = new MarketInputs.ProgramData(
                Map.of("ercot-sb6-demand-reduction", TimeSeries.of("event", "1", GRID, new double[] {0, 1, 1, 0})),
                Map.of(2025, 329.17),
                "test");
        TimeSeries fx = TimeSeries.constant("fx", "USD/AUD", GRID, 0.65);
        TimeSeries load = TimeSeries.constant("load", "MW", GRID, 70_000);
        Map<String, TimeSeries> rt = Map.of("RRS", TimeSeries.constant("RRS", "USD/MW-h", GRID, 3));
        MarketInputs m =
                new MarketInputs(Currency.getInstance("AUD"), fx, "test", Optional.empty(), Map.of(), programs);

        // the order a resolver applies them in: programs first, then system load, then real-time prices
        MarketInputs all = m.withPrograms(programs).withSystemLoad(load).withRealTimeAncillaryPrices(rt);

        assertThat(all.programs()).isEqualTo(programs);
        assertThat(all.programs().events("ercot-sb6-demand-reduction")).isPresent();
        assertThat(all.programs().events("flexible-compute")).isEmpty();
        assertThat(all.systemLoadMw()).contains(load);
        assertThat(all.realTimeAncillaryPricesUsdPerMwH()).isEqualTo(rt);
        assertThat(all.currency()).isEqualTo(Currency.getInstance("AUD"));
        assertThat(all.usdPerMarketUnit()).isEqualTo(fx);
        assertThat(all.withPrograms(MarketInputs.ProgramData.NONE).systemLoadMw())
                .contains(load);
    }
}
