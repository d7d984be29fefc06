package io.minerai.data.market;

import io.minerai.core.market.MarketProduct;
import io.minerai.data.aemo.AemoPriceAndDemand;
import io.minerai.data.aemo.AemoRegionSeries;
import io.minerai.data.aemo.NemTime;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** AEMO PRICE_AND_DEMAND data as a {@link MarketDataset}: RRP as the real-time price, TOTALDEMAND as system load. */
final class AemoDataset implements MarketDataset {
    static final String ATTRIBUTION =
            "Source: AEMO (Australian Energy Market Operator), Aggregated price and demand data";
    static final Currency AUD = Currency.getInstance("AUD");

    private final String source;
    private final AemoPriceAndDemand data;

    AemoDataset(String source, AemoPriceAndDemand data) {
        this.source = source;
        this.data = data;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public List<String> nodes() {
        return data.regionIds();
    }

    @Override
    public Set<MarketProduct> products() {
        return EnumSet.of(MarketProduct.REAL_TIME_ENERGY_PRICE, MarketProduct.SYSTEM_LOAD);
    }

    @Override
    public PublishedSeries series(String node, MarketProduct product) {
        AemoRegionSeries r = data.region(node).orElseThrow(() -> new IllegalArgumentException("no region " + node));
        return switch (product) {
            case REAL_TIME_ENERGY_PRICE ->
                new PublishedSeries(
                        source,
                        r.region(),
                        product,
                        r.priceAudPerMwh(),
                        Optional.of(AUD),
                        "AUD/MWh",
                        NemTime.AEMO_CLOCK,
                        ATTRIBUTION,
                        List.of());
            case SYSTEM_LOAD ->
                new PublishedSeries(
                        source,
                        r.region(),
                        product,
                        r.demandMw(),
                        Optional.empty(),
                        "MW",
                        NemTime.AEMO_CLOCK,
                        ATTRIBUTION,
                        List.of("system load = AEMO TOTALDEMAND (operational demand)"));
            default -> throw new IllegalArgumentException("AEMO PRICE_AND_DEMAND has no " + product.key());
        };
    }
}
