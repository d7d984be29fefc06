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
 *     needs it, on its own grid (often finer than the run's, e.g. 15-minute for 4CP): peak finders average it to their
 *     peak interval
 * @param realTimeAncillaryPricesUsdPerMwH real-time ancillary-service prices by product, $/MW-h, when given
 * @param programs data the market's programs read (events, capacity prices)
 */
public record MarketInputs(
        Currency currency,
        TimeSeries usdPerMarketUnit,
        String fxSource,
        Optional<TimeSeries> systemLoadMw,
        Map<String, TimeSeries> realTimeAncillaryPricesUsdPerMwH,
        ProgramData programs) {

    /**
     * Data of the market's programs, resolved by minerai-data.
     *
     * @param eventIntervals per program id (e.g. {@code ercot-sb6-demand-reduction}, {@code flexible-compute}): per
     *     interval of the run's grid, 1 inside one of the program's events (read from its event file); a program
     *     without an event file has no entry
     * @param capacityPriceUsdPerMwDay capacity clearing price by delivery-year start year (PJM RPM, for the scenario's
     *     LDA)
     * @param capacityPriceSource where the capacity prices come from (and any RTO price standing in for an LDA)
     */
    public record ProgramData(
            Map<String, TimeSeries> eventIntervals,
            Map<Integer, Double> capacityPriceUsdPerMwDay,
            String capacityPriceSource) {
        public static final ProgramData NONE = new ProgramData(Map.of(), Map.of(), "");

        public ProgramData {
            eventIntervals = Map.copyOf(eventIntervals);
            capacityPriceUsdPerMwDay = Map.copyOf(capacityPriceUsdPerMwDay);
        }

        /** The event windows of one program, if it has an event file. */
        public Optional<TimeSeries> events(String programId) {
            return Optional.ofNullable(eventIntervals.get(programId));
        }
    }

    /** The inputs without program data. */
    public MarketInputs(
            Currency currency,
            TimeSeries usdPerMarketUnit,
            String fxSource,
            Optional<TimeSeries> systemLoadMw,
            Map<String, TimeSeries> realTimeAncillaryPricesUsdPerMwH) {
        this(currency, usdPerMarketUnit, fxSource, systemLoadMw, realTimeAncillaryPricesUsdPerMwH, ProgramData.NONE);
    }

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
                currency, usdPerMarketUnit, fxSource, Optional.of(load), realTimeAncillaryPricesUsdPerMwH, programs);
    }

    /** The same inputs with real-time ancillary prices. */
    public MarketInputs withRealTimeAncillaryPrices(Map<String, TimeSeries> prices) {
        return new MarketInputs(currency, usdPerMarketUnit, fxSource, systemLoadMw, prices, programs);
    }

    /** The same inputs with program data. */
    public MarketInputs withPrograms(ProgramData p) {
        return new MarketInputs(
                currency, usdPerMarketUnit, fxSource, systemLoadMw, realTimeAncillaryPricesUsdPerMwH, p);
    }
}
