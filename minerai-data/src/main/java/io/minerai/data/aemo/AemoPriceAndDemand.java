package io.minerai.data.aemo;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What was read from one or more AEMO PRICE_AND_DEMAND files: one {@link AemoRegionSeries} per region found.
 *
 * @param source the file or folder read, for messages
 * @param regions by region id (upper case), in the order first seen
 */
public record AemoPriceAndDemand(String source, Map<String, AemoRegionSeries> regions) {
    public AemoPriceAndDemand {
        regions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(regions));
    }

    /** The region's series, matched ignoring case. */
    public Optional<AemoRegionSeries> region(String region) {
        return Optional.ofNullable(regions.get(region.strip().toUpperCase(Locale.ROOT)));
    }

    /** Region ids found, e.g. {@code [VIC1]}. */
    public List<String> regionIds() {
        return List.copyOf(regions.keySet());
    }
}
