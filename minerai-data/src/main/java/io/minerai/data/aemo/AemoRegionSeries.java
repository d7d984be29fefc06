package io.minerai.data.aemo;

import io.minerai.data.series.IntervalSeries;
import java.util.Objects;

/**
 * One NEM region's published intervals from AEMO's PRICE_AND_DEMAND files, on UTC interval starts.
 *
 * @param region AEMO region id, e.g. {@code VIC1}
 * @param priceAudPerMwh RRP, the regional reference price, AUD/MWh (ex-GST)
 * @param demandMw TOTALDEMAND, operational demand in MW (the system load for peak-based programs)
 */
public record AemoRegionSeries(String region, IntervalSeries priceAudPerMwh, IntervalSeries demandMw) {
    public AemoRegionSeries {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(priceAudPerMwh, "priceAudPerMwh");
        Objects.requireNonNull(demandMw, "demandMw");
    }
}
