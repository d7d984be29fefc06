package io.minerai.core.market;

import java.util.Objects;
import java.util.Optional;

/**
 * One series a market needs: from which source, at which node and which product. minerai-data resolves it onto a
 * run's grid.
 *
 * @param source where the data comes from
 * @param node the region, pricing node, hub, bidding zone or LDA (e.g. {@code VIC1}, {@code WESTERN HUB}, {@code
 *     DE-LU}, {@code DOM}); empty = the source's only node
 * @param product what the series holds
 */
public record MarketDataRequest(MarketDataSource source, Optional<String> node, MarketProduct product) {
    public MarketDataRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(product, "product");
    }

    /** A request at a named node. */
    public static MarketDataRequest of(MarketDataSource source, String node, MarketProduct product) {
        return new MarketDataRequest(source, node.isBlank() ? Optional.empty() : Optional.of(node), product);
    }
}
