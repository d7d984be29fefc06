package io.minerai.data.market;

import io.minerai.core.market.MarketProduct;
import io.minerai.data.aemo.NemTime;
import io.minerai.data.aemo.OpenElectricityData;
import io.minerai.data.aemo.OpenElectricityReader.Metric;
import io.minerai.data.series.IntervalSeries;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** An OpenElectricity export as a {@link MarketDataset}: price as the real-time price, demand as system load. */
final class OpenElectricityDataset implements MarketDataset {
    static final String ATTRIBUTION =
            "Data via OpenElectricity (openelectricity.org.au; its terms apply, believed CC BY-NC 4.0); Source: AEMO";

    private final String source;
    private final OpenElectricityData data;

    OpenElectricityDataset(String source, OpenElectricityData data) {
        this.source = source;
        this.data = data;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public List<String> nodes() {
        return data.regions();
    }

    @Override
    public Set<MarketProduct> products() {
        Set<MarketProduct> out = EnumSet.noneOf(MarketProduct.class);
        for (String r : data.regions()) {
            data.series(r, Metric.PRICE).ifPresent(s -> out.add(MarketProduct.REAL_TIME_ENERGY_PRICE));
            data.series(r, Metric.DEMAND).ifPresent(s -> out.add(MarketProduct.SYSTEM_LOAD));
        }
        return out;
    }

    @Override
    public Set<MarketProduct> products(String node) {
        Set<MarketProduct> out = EnumSet.noneOf(MarketProduct.class);
        data.series(node, Metric.PRICE).ifPresent(s -> out.add(MarketProduct.REAL_TIME_ENERGY_PRICE));
        data.series(node, Metric.DEMAND).ifPresent(s -> out.add(MarketProduct.SYSTEM_LOAD));
        return out;
    }

    @Override
    public PublishedSeries series(String node, MarketProduct product) {
        Metric m = switch (product) {
            case REAL_TIME_ENERGY_PRICE -> Metric.PRICE;
            case SYSTEM_LOAD -> Metric.DEMAND;
            default -> throw new IllegalArgumentException("OpenElectricity data has no " + product.key());
        };
        IntervalSeries s = data.series(node, m)
                .orElseThrow(() -> new IllegalArgumentException("no " + m.key() + " for " + node + " in " + source));
        String note = "each " + data.bucket().toMinutes() + "-minute value is the simple mean of the AEMO 5-minute"
                + " values ending in the bucket, covering [label - 5 min, label + "
                + (data.bucket().toMinutes() - 5)
                + " min)";
        return new PublishedSeries(
                source,
                node,
                product,
                s,
                m == Metric.PRICE ? Optional.of(AemoDataset.AUD) : Optional.empty(),
                m.unit(),
                NemTime.AEMO_CLOCK,
                ATTRIBUTION,
                List.of(note));
    }
}
