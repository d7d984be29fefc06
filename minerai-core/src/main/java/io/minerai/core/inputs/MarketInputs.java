package io.minerai.core.inputs;

import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;

/**
 * What a run reads of its market beyond the energy price, on the run's grid: the currency the market's prices were
 * published in and the exchange rate used to settle them in USD, the system load behind peak-based programs, and
 * real-time ancillary-service prices where the market has them (ERCOT after RTC+B).
 *
 * @param currency currency of the market's published prices (the energy price in {@link ScenarioInputs} is already in
 *     USD)
 * @param usdPerMarketUnit USD per unit of {@code currency} per interval (1 for a market in USD)
 * @param fxSource where the rate comes from, for reports (e.g. {@code constant 0.65 (ASSUMPTION)})
 * @param systemLoadMw the market's system load (ERCOT total generation proxy, AEMO demand, a user file), when a program
 *     needs it
 * @param realTimeAncillaryPricesUsdPerMwH real-time ancillary-service prices by product, $/MW-h, when given
 */
public record MarketInputs(
        Currency currency,
        TimeSeries usdPerMarketUnit,
        String fxSource,
        Optional<TimeSeries> systemLoadMw,
        Map<String, TimeSeries> realTimeAncillaryPricesUsdPerMwH) {

    public static final Currency USD = Currency.getInstance("USD");

    public MarketInputs {
        realTimeAncillaryPricesUsdPerMwH = Map.copyOf(realTimeAncillaryPricesUsdPerMwH);
    }

    /** A market in USD with nothing beyond energy prices. */
    public static MarketInputs usd(TimeGrid grid) {
        return new MarketInputs(
                USD,
                TimeSeries.constant("usd_per_usd", "USD/USD", grid, 1.0),
                "none (prices in USD)",
                Optional.empty(),
                Map.of());
    }

    /** Whether prices were converted from another currency. */
    public boolean converts() {
        return !currency.equals(USD);
    }

    /** The same inputs with a system load series. */
    public MarketInputs withSystemLoad(TimeSeries load) {
        return new MarketInputs(
                currency, usdPerMarketUnit, fxSource, Optional.of(load), realTimeAncillaryPricesUsdPerMwH);
    }

    /** The same inputs with real-time ancillary prices. */
    public MarketInputs withRealTimeAncillaryPrices(Map<String, TimeSeries> prices) {
        return new MarketInputs(currency, usdPerMarketUnit, fxSource, systemLoadMw, prices);
    }
}
