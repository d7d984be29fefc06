package io.minerai.data.market;

import io.minerai.core.market.MarketClock;
import io.minerai.core.market.MarketProduct;
import io.minerai.data.series.IntervalSeries;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One market series as its publisher published it (UTC interval starts, intervals as published), before it is put
 * on a run's grid.
 *
 * @param source where it came from: {@code bundled <id>} or the file name
 * @param node the region, node, hub, zone or LDA as the data names it
 * @param product what it holds
 * @param series the published intervals
 * @param currency the currency of a money product; empty for quantities (MW)
 * @param unit the unit, e.g. {@code AUD/MWh}, {@code MW}, {@code USD/MW-day}
 * @param sourceClock how the publisher stamped time (zone and interval convention) before conversion to UTC
 * @param attribution the attribution the data's licence asks for
 * @param notes facts about the data a user should see (e.g. upstream-interpolated hours)
 */
public record PublishedSeries(
        String source,
        String node,
        MarketProduct product,
        IntervalSeries series,
        Optional<Currency> currency,
        String unit,
        MarketClock sourceClock,
        String attribution,
        List<String> notes) {
    public PublishedSeries {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(sourceClock, "sourceClock");
        Objects.requireNonNull(attribution, "attribution");
        notes = List.copyOf(notes);
        if (product.isMoney() && currency.isEmpty()) {
            throw new IllegalArgumentException(product.key() + " needs a currency");
        }
    }
}
