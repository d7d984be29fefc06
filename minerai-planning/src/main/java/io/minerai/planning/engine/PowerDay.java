package io.minerai.planning.engine;

import java.time.LocalDate;

/**
 * One real day of hourly power prices at a settlement point.
 *
 * @param date operating day
 * @param pricesUsdPerMwh hourly prices
 */
public record PowerDay(LocalDate date, double[] pricesUsdPerMwh) {
    public PowerDay {
        pricesUsdPerMwh = pricesUsdPerMwh.clone();
    }
}
