package io.minerai.data.market;

import java.util.Locale;
import java.util.Optional;

/**
 * The market datasets bundled with minerai-data, by id. Each is parsed once per JVM, on first use, and cached. Their
 * provenance, licence and checks are in the {@code SOURCE.md} beside each file (docs/DATA.md summarises them).
 */
public enum BundledMarketDataset {
    /** AEMO VIC1 5-minute RRP (AUD/MWh) and TOTALDEMAND (MW), calendar 2025 (NEM time). Source: AEMO. */
    AEMO_VIC1_2025("aemo-vic1-2025", "AEMO Victoria (VIC1) 5-minute price and demand, 2025"),
    /** OpenElectricity NSW1 hourly mean RRP (AUD/MWh), 2025. Source: AEMO via OpenElectricity. */
    AEMO_NSW1_2025_HOURLY(
            "aemo-nsw1-2025-hourly", "AEMO New South Wales (NSW1) hourly price via OpenElectricity, 2025"),
    /** PJM Western Hub and Dominion Hub DA and RT hourly LMPs, 2025-05-01 .. 2025-08-01. Source: PJM Data Miner 2. */
    PJM_HUB_LMP_2025_SUMMER("pjm-hub-lmp-2025-summer", "PJM Western and Dominion Hub hourly LMPs, May-July 2025"),
    /** PJM RPM Base Residual Auction clearing prices (USD/MW-day UCAP), delivery years 2023/24 .. 2027/28. */
    PJM_RPM_BRA("pjm-rpm-bra", "PJM RPM Base Residual Auction clearing prices, DY 2023/24 .. 2027/28"),
    /** DE-LU day-ahead (EUR/MWh), 2024 hourly and 2025 hourly then 15-minute. CC BY 4.0 Bundesnetzagentur | SMARD.de. */
    DE_LU_DAYAHEAD("de-lu-dayahead", "Germany/Luxembourg day-ahead prices, 2024-2025 (Energy-Charts)"),
    /** NO2 day-ahead (EUR/MWh), 2024 hourly. Source: ENTSO-E Transparency Platform. */
    NO2_DAYAHEAD_2024("no2-dayahead-2024", "Norway NO2 day-ahead prices, 2024 (ENTSO-E)");

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
