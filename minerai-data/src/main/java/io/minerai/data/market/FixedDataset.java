package io.minerai.data.market;

import io.minerai.core.market.MarketProduct;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link MarketDataset} of series already built, by node and product. A file that names no node (one bidding zone
 * per file, as the Energy-Charts layout) answers to any requested node name; the series then carry that name and a
 * note saying it was declared, not read.
 */
final class FixedDataset implements MarketDataset {
    private final String source;
    private final Map<String, Map<MarketProduct, PublishedSeries>> series;
    private final boolean fileNamesNoNode;

    private FixedDataset(String source, Map<String, Map<MarketProduct, PublishedSeries>> series, boolean anyNode) {
        this.source = source;
        this.series = series;
        this.fileNamesNoNode = anyNode;
    }

    /** Several nodes, as the data names them. */
    static FixedDataset of(String source, Map<String, Map<MarketProduct, PublishedSeries>> series) {
        Map<String, Map<MarketProduct, PublishedSeries>> copy = new LinkedHashMap<>();
        series.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        return new FixedDataset(source, Collections.unmodifiableMap(copy), false);
    }

    /** One node whose name the data does not state; any requested name is accepted (and noted). */
    static FixedDataset unnamedNode(PublishedSeries s) {
        return new FixedDataset(s.source(), Map.of(s.node(), Map.of(s.product(), s)), true);
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public List<String> nodes() {
        return List.copyOf(series.keySet());
    }

    @Override
    public Set<MarketProduct> products() {
        Set<MarketProduct> out = EnumSet.noneOf(MarketProduct.class);
        series.values().forEach(m -> out.addAll(m.keySet()));
        return out;
    }

    @Override
    public Set<MarketProduct> products(String node) {
        if (fileNamesNoNode) {
            return products();
        }
        Map<MarketProduct, PublishedSeries> m = series.get(node);
        return m == null ? Set.of() : m.keySet();
    }

    @Override
    public Optional<String> findNode(String wanted) {
        if (fileNamesNoNode) {
            return Optional.of(wanted.strip());
        }
        return MarketDataset.super.findNode(wanted);
    }

    @Override
    public PublishedSeries series(String node, MarketProduct product) {
        if (fileNamesNoNode) {
            PublishedSeries s = series.values().iterator().next().get(product);
            if (s == null) {
                throw new IllegalArgumentException(source + " has no " + product.key());
            }
            if (s.node().equals(node)) {
                return s;
            }
            List<String> notes = new java.util.ArrayList<>(s.notes());
            notes.add("node " + node + " as declared (the file names no node)");
            return new PublishedSeries(
                    s.source(),
                    node,
                    s.product(),
                    s.series(),
                    s.currency(),
                    s.unit(),
                    s.sourceClock(),
                    s.attribution(),
                    notes);
        }
        Map<MarketProduct, PublishedSeries> m = series.get(node);
        PublishedSeries s = m == null ? null : m.get(product);
        if (s == null) {
            throw new IllegalArgumentException(source + " has no " + product.key() + " at " + node);
        }
        return s;
    }
}
