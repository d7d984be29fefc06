package io.minerai.planning.engine;

import java.util.List;

/**
 * The real (or, in tests, labelled synthetic) history the Monte Carlo resamples.
 *
 * @param btcReturns daily BTC log-returns for the block bootstrap
 * @param powerDays real days of hourly prices at the plan's settlement point (empty for a flat deck)
 */
public record MarketData(BtcReturns btcReturns, List<PowerDay> powerDays) {
    public MarketData {
        powerDays = List.copyOf(powerDays);
    }

    /** No history at all: only for plans with a flat deck and no BTC volatility (labelled synthetic). */
    public static MarketData none() {
        return new MarketData(BtcReturns.flat(), List.of());
    }
}
