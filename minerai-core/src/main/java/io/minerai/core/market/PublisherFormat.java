package io.minerai.core.market;

import java.util.Locale;
import java.util.Optional;

/**
 * A file layout exactly as a publisher publishes it. Each format fixes its own clock, currency and units, so a file in
 * one of these needs no further declaration; anything else is a generic CSV with a declared currency, zone,
 * convention and step ({@link MarketDataSource.Csv}).
 */
public enum PublisherFormat {
    /**
     * AEMO "Aggregated price and demand data" ({@code PRICE_AND_DEMAND_YYYYMM_<REGION>.csv}): REGION, SETTLEMENTDATE
     * (end of the interval, NEM time UTC+10), TOTALDEMAND (MW), RRP (AUD/MWh), PERIODTYPE. A file or a folder of files.
     */
    AEMO_PRICE_AND_DEMAND("aemo-price-and-demand"),
    /** OpenElectricity API export (region, timestamp, metric, value, unit), hourly buckets of AEMO 5-minute data. */
    OPENELECTRICITY("openelectricity"),
    /**
     * PJM Data Miner 2 hourly LMPs: the raw {@code da_hrl_lmps} / {@code rt_hrl_lmps} exports, or minerai's bundled
     * layout (interval_start_utc, pnode, market, total and components), USD/MWh.
     */
    PJM_DATA_MINER_LMP("pjm-data-miner-lmp"),
    /** PJM RPM Base Residual Auction clearing prices as bundled (delivery_year, lda, USD/MW-day of UCAP). */
    PJM_RPM_CLEARING_PRICES("pjm-rpm-clearing-prices"),
    /** Energy-Charts day-ahead prices (interval_start_unix/utc, resolution_minutes, price_eur_per_mwh), EUR. */
    ENERGY_CHARTS_DAY_AHEAD("energy-charts-day-ahead"),
    /** ENTSO-E day-ahead NO2 extract as bundled (timestamp_local, interval_start_utc, EUR column, flag), EUR. */
    ENTSOE_DAY_AHEAD_EXTRACT("entsoe-day-ahead-extract");

    private final String key;

    PublisherFormat(String key) {
        this.key = key;
    }

    /** The name used in scenario files. */
    public String key() {
        return key;
    }

    /** Parses a {@link #key()} (case-insensitive). */
    public static Optional<PublisherFormat> parse(String s) {
        String k = s.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (PublisherFormat f : values()) {
            if (f.key.equals(k)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The keys, for messages. */
    public static String keys() {
        StringBuilder sb = new StringBuilder();
        for (PublisherFormat f : values()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(f.key);
        }
        return sb.toString();
    }
}
