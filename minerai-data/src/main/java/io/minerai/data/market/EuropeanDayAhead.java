package io.minerai.data.market;

import io.minerai.core.market.MarketClock;
import io.minerai.core.market.MarketProduct;
import io.minerai.data.Coverage;
import io.minerai.data.energycharts.EnergyChartsDayAheadReader;
import io.minerai.data.entsoe.EntsoeDayAheadExtractReader;
import io.minerai.data.series.IntervalSeries;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** European day-ahead prices (Energy-Charts, ENTSO-E extract) as {@link PublishedSeries}, in EUR. */
final class EuropeanDayAhead {
    static final Currency EUR = Currency.getInstance("EUR");

    private EuropeanDayAhead() {}

    static PublishedSeries energyCharts(String source, String node, IntervalSeries s) {
        return new PublishedSeries(
                source,
                node,
                MarketProduct.DAY_AHEAD_ENERGY_PRICE,
                s,
                Optional.of(EUR),
                "EUR/MWh",
                MarketClock.UTC_STARTING,
                EnergyChartsDayAheadReader.ATTRIBUTION,
                List.of("market time units as published: 60 minutes before 2025-10-01, 15 minutes from then"));
    }

    static PublishedSeries entsoe(String source, String node, EntsoeDayAheadExtractReader.Result r) {
        List<String> notes = new ArrayList<>();
        List<Coverage> flagged = r.interpolatedUpstream();
        if (!flagged.isEmpty()) {
            notes.add(String.format(
                    Locale.ROOT,
                    "%d hour%s flagged as linearly interpolated upstream (non_cent_flag = 1), e.g. %s; hour-level"
                            + " values are approximate there",
                    flagged.size(),
                    flagged.size() == 1 ? "" : "s",
                    flagged.get(0).startUtc()));
        }
        return new PublishedSeries(
                source,
                node,
                MarketProduct.DAY_AHEAD_ENERGY_PRICE,
                r.priceEurPerMwh(),
                Optional.of(EUR),
                "EUR/MWh",
                MarketClock.UTC_STARTING,
                EntsoeDayAheadExtractReader.ATTRIBUTION,
                notes);
    }
}
