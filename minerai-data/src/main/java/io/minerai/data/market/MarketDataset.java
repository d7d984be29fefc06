package io.minerai.data.market;

import io.minerai.core.market.MarketProduct;
import java.util.List;
import java.util.Set;

/**
 * Market data read from one source (a bundled dataset or a user's file): the nodes it has and, per node, the products
 * it publishes. Implemented by each publisher's reader result.
 */
public interface MarketDataset {

    /** Where the data came from, for messages: {@code bundled <id>} or a file name. */
    String source();

    /** The nodes (regions, hubs, zones, LDAs) in the data, as the data names them. */
    List<String> nodes();

    /** The products the data has (for at least one node). */
    Set<MarketProduct> products();

    /** The products the data has for {@code node} (one of {@link #nodes()} or as found by {@link #findNode}). */
    default Set<MarketProduct> products(String node) {
        return products();
    }

    /**
     * The node's series of {@code product}.
     *
     * @param node one of {@link #nodes()} (as returned by {@link #findNode})
     * @throws IllegalArgumentException for an unknown node or product (callers check first)
     */
    PublishedSeries series(String node, MarketProduct product);

    /** The node as the data names it, matched ignoring case and surrounding spaces; also by an alias (e.g. a pnode id). */
    default java.util.Optional<String> findNode(String wanted) {
        for (String n : nodes()) {
            if (n.equalsIgnoreCase(wanted.strip())) {
                return java.util.Optional.of(n);
            }
        }
        return java.util.Optional.empty();
    }
}
