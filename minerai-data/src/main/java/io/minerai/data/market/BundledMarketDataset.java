package io.minerai.data.market;

import java.util.Locale;
import java.util.Optional;

/**
 * The market datasets bundled with minerai-data, by id. Each is parsed once per JVM, on first use, and cached. Their
 * provenance, licence and checks are in the {@code SOURCE.md} beside each file (docs/DATA.md summarises them).
 */
public enum BundledMarketDataset {
    /** AEMO VIC1 5-minute RRP (AUD/MWh) and TOTALDEMAND (MW), calendar 2025 (NEM time). Source: AEMO. */
    AEMO_VIC1_2025("aemo-vic1-2025", "AEMO Victoria (VIC1) 5-minute price and demand, 2025");

    private final String id;
    private final String description;

    BundledMarketDataset(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The id a scenario names, e.g. {@code aemo-vic1-2025}. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The dataset with this id (case-insensitive). */
    public static Optional<BundledMarketDataset> find(String id) {
        String k = id.strip().toLowerCase(Locale.ROOT);
        for (BundledMarketDataset d : values()) {
            if (d.id.equals(k)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The ids, for messages. */
    public static String ids() {
        StringBuilder sb = new StringBuilder();
        for (BundledMarketDataset d : values()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(d.id);
        }
        return sb.toString();
    }
}
