package io.minerai.data.ercot;

import io.minerai.core.time.TimeSeries;
import io.minerai.data.Coverage;
import io.minerai.data.DateRange;

/**
 * 15-minute real-time settlement point prices of one settlement point, on a UTC grid spanning the whole operating
 * days found (local midnight of the first to local midnight after the last); intervals absent from the files are
 * missing.
 *
 * @param settlementPoint settlement point name as in the files
 * @param operatingDays first and last operating day (CPT) with a row
 * @param priceUsdPerMwh prices in $/MWh on a 15-minute UTC grid
 */
public record SppSeries(String settlementPoint, DateRange operatingDays, TimeSeries priceUsdPerMwh) {
    /** UTC span of the series. */
    public Coverage coverage() {
        return new Coverage(
                priceUsdPerMwh.grid().startUtc(), priceUsdPerMwh.grid().endUtc());
    }
}
