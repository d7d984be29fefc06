package io.minerai.data.market;

import io.minerai.core.market.MarketClock;
import io.minerai.core.market.MarketProduct;
import io.minerai.core.time.TimeSeries;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * A market series on a run's grid, with what a market pack needs to use it correctly.
 *
 * @param source where it came from: {@code bundled <id>} or the file name
 * @param node the node as the data names it
 * @param product what it holds
 * @param series the values on the run's grid, missing where the data has none
 * @param currency the currency of a money product; empty for quantities
 * @param unit e.g. {@code AUD/MWh}, {@code MW}, {@code USD/MW-day}
 * @param sourceClock how the publisher stamped time before conversion to UTC interval starts
 * @param attribution the attribution the data's licence asks for
 * @param coverage the data's span, missing run intervals and notes
 */
public record ResolvedMarketSeries(
        String source,
        String node,
        MarketProduct product,
        TimeSeries series,
        Optional<Currency> currency,
        String unit,
        MarketClock sourceClock,
        String attribution,
        MarketDataCoverage coverage) {
    public ResolvedMarketSeries {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(sourceClock, "sourceClock");
        Objects.requireNonNull(attribution, "attribution");
        Objects.requireNonNull(coverage, "coverage");
    }

    /** The published series put on {@code grid}. */
    public static ResolvedMarketSeries onGrid(PublishedSeries p, io.minerai.core.time.TimeGrid grid) {
        TimeSeries s = p.series().resampleTo(grid);
        return new ResolvedMarketSeries(
                p.source(),
                p.node(),
                p.product(),
                s,
                p.currency(),
                p.unit(),
                p.sourceClock(),
                p.attribution(),
                MarketDataCoverage.of(p.series().coverage(), s, p.notes()));
    }
}
