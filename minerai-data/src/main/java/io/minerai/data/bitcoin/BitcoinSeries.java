package io.minerai.data.bitcoin;

import io.minerai.core.time.TimeSeries;

/**
 * Daily Bitcoin quantities spread onto a run's grid: each interval carries the value of the UTC day its start falls
 * in; missing days stay missing.
 *
 * @param btcPerThDay expected BTC per TH/s per day (subsidy + fees over network hashrate)
 * @param btcPriceUsd BTC price in USD of that day (the source's convention)
 */
public record BitcoinSeries(TimeSeries btcPerThDay, TimeSeries btcPriceUsd) {}
