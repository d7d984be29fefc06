package io.minerai.data.market;

import io.minerai.data.aemo.AemoPriceAndDemandReader;
import java.io.InputStream;
import java.util.Optional;

/** Loads each {@link BundledMarketDataset} once per JVM, on first use (thread-safe lazy holders). */
final class BundledMarketData {
    static final String AEMO_VIC1_2025_RESOURCE = "/io/minerai/data/aemo_vic1_2025/aemo_vic1_2025_5min.csv.gz";

    private BundledMarketData() {}

    static MarketDataset load(BundledMarketDataset d) {
        return switch (d) {
            case AEMO_VIC1_2025 -> AemoVic1.DATA;
        };
    }

    static InputStream resource(String name) {
        InputStream in = BundledMarketData.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("bundled resource missing from the jar: " + name);
        }
        return in;
    }

    private static final class AemoVic1 {
        static final MarketDataset DATA = new AemoDataset(
                "bundled " + BundledMarketDataset.AEMO_VIC1_2025.id(),
                AemoPriceAndDemandReader.read(
                        resource(AEMO_VIC1_2025_RESOURCE), "aemo_vic1_2025_5min.csv", Optional.empty()));
    }
}
