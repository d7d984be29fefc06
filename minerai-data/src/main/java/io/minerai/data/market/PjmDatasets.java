package io.minerai.data.market;

import io.minerai.core.market.MarketClock;
import io.minerai.core.market.MarketProduct;
import io.minerai.data.pjm.PjmCapacityPrices;
import io.minerai.data.pjm.PjmLmpComponents;
import io.minerai.data.pjm.PjmLmpReader;
import io.minerai.data.pjm.PjmLmps;
import io.minerai.data.pjm.PjmMarket;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** PJM LMPs and capacity prices as {@link MarketDataset}s, in USD. */
final class PjmDatasets {
    static final Currency USD = Currency.getInstance("USD");

    private PjmDatasets() {}

    /** Hourly LMPs: total LMP of DA as the day-ahead price and of RT as the real-time price, by pnode. */
    static MarketDataset lmps(String source, PjmLmps lmps) {
        return new MarketDataset() {
            @Override
            public String source() {
                return source;
            }

            @Override
            public List<String> nodes() {
                return lmps.nodes();
            }

            @Override
            public Set<MarketProduct> products() {
                Set<MarketProduct> out = EnumSet.noneOf(MarketProduct.class);
                for (String n : lmps.nodes()) {
                    lmps.lmps(n, PjmMarket.DA).ifPresent(x -> out.add(MarketProduct.DAY_AHEAD_ENERGY_PRICE));
                    lmps.lmps(n, PjmMarket.RT).ifPresent(x -> out.add(MarketProduct.REAL_TIME_ENERGY_PRICE));
                }
                return out;
            }

            @Override
            public Set<MarketProduct> products(String node) {
                Set<MarketProduct> out = EnumSet.noneOf(MarketProduct.class);
                lmps.lmps(node, PjmMarket.DA).ifPresent(x -> out.add(MarketProduct.DAY_AHEAD_ENERGY_PRICE));
                lmps.lmps(node, PjmMarket.RT).ifPresent(x -> out.add(MarketProduct.REAL_TIME_ENERGY_PRICE));
                return out;
            }

            @Override
            public Optional<String> findNode(String wanted) {
                return lmps.findNode(wanted);
            }

            @Override
            public PublishedSeries series(String node, MarketProduct product) {
                PjmMarket m = switch (product) {
                    case DAY_AHEAD_ENERGY_PRICE -> PjmMarket.DA;
                    case REAL_TIME_ENERGY_PRICE -> PjmMarket.RT;
                    default -> throw new IllegalArgumentException("PJM LMPs have no " + product.key());
                };
                PjmLmpComponents c = lmps.lmps(node, m)
                        .orElseThrow(() -> new IllegalArgumentException("no " + m + " LMPs for " + node));
                return new PublishedSeries(
                        source,
                        node,
                        product,
                        c.totalLmp(),
                        Optional.of(USD),
                        "USD/MWh",
                        MarketClock.UTC_STARTING,
                        PjmLmpReader.ATTRIBUTION,
                        List.of("total LMP (energy + congestion + loss), hour beginning"));
            }
        };
    }

    /** RPM clearing prices by LDA as a capacity price over whole delivery years. */
    static MarketDataset capacity(String source, PjmCapacityPrices prices) {
        Map<String, Map<MarketProduct, PublishedSeries>> byLda = new LinkedHashMap<>();
        for (String lda : prices.ldas()) {
            List<String> fallback = new ArrayList<>();
            var s = prices.series(lda, fallback);
            List<String> notes = new ArrayList<>();
            notes.add("delivery years run 1 June .. 31 May, Eastern Prevailing Time; USD per MW-day of UCAP");
            if (!fallback.isEmpty()) {
                notes.add("no price for " + lda + " in " + String.join(", ", fallback)
                        + ": the RTO price is used (an LDA that does not separate clears at the RTO price)");
            }
            byLda.put(
                    lda,
                    Map.of(
                            MarketProduct.CAPACITY_PRICE,
                            new PublishedSeries(
                                    source,
                                    lda,
                                    MarketProduct.CAPACITY_PRICE,
                                    s,
                                    Optional.of(USD),
                                    "USD/MW-day",
                                    new MarketClock(
                                            PjmLmpReader.EPT, io.minerai.core.market.IntervalConvention.STARTING),
                                    "PJM Interconnection RPM Base Residual Auction results (cited pages per row)",
                                    notes)));
        }
        return FixedDataset.of(source, byLda);
    }
}
