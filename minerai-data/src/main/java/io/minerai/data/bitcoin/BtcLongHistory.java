package io.minerai.data.bitcoin;

import io.minerai.data.DateRange;
import java.util.EnumMap;
import java.util.Map;

/**
 * The long daily Bitcoin history (2009..2025) assembled from several public exports, one {@link DailySeries} per
 * column, each with its own coverage and gaps (see docs/DATA.md). Built by {@link BtcDailyHistoryReader}. Columns come
 * from different publishers and are not blended: e.g. {@link #priceUsd()} is CoinMarketCap's daily average while Coin
 * Metrics' PriceUSD is a close.
 */
public final class BtcLongHistory {
    private final String source;
    private final DateRange span;
    private final Map<Column, DailySeries> series;

    BtcLongHistory(String source, DateRange span, Map<Column, DailySeries> series) {
        this.source = source;
        this.span = span;
        this.series = new EnumMap<>(series);
    }

    public String source() {
        return source;
    }

    /** First to last date of the file's rows. */
    public DateRange span() {
        return span;
    }

    /** The series of one column. */
    public DailySeries series(Column column) {
        DailySeries s = series.get(column);
        if (s == null) {
            throw new IllegalStateException("column not loaded: " + column);
        }
        return s;
    }

    /** BTC price, USD per BTC, CoinMarketCap daily average (2010-07-17..2025-03-08). */
    public DailySeries priceUsd() {
        return series(Column.PRICE_USD);
    }

    /** Network hashrate in TH/s from Bitcoin Visuals (2009-01-03..2025-03-08), converted from H/s. */
    public DailySeries hashrateThPerS() {
        return series(Column.HASHRATE_TH_PER_S);
    }

    /** Daily log-returns of {@link #priceUsd()}. */
    public DailySeries priceLogReturns() {
        return priceUsd().logChanges();
    }

    /** Daily log growth of {@link #hashrateThPerS()}. */
    public DailySeries hashrateLogGrowth() {
        return hashrateThPerS().logChanges();
    }

    /** The columns of btc_daily.csv, converted to the unit in the name. */
    public enum Column {
        /** {@code price_usd_cmc}: CoinMarketCap daily average price. */
        PRICE_USD("price_usd_cmc", "USD/BTC", 1),
        /** {@code hashrate_hs_bitcoinvisuals} / 1e12: Bitcoin Visuals network hashrate. */
        HASHRATE_TH_PER_S("hashrate_hs_bitcoinvisuals", "TH/s", 1e-12),
        /** {@code hashrate_ths_blockchaincom}: blockchain.com's estimate (2020-04-11..2025-04-08). */
        HASHRATE_TH_PER_S_BLOCKCHAINCOM("hashrate_ths_blockchaincom", "TH/s", 1),
        /** {@code difficulty_blockchaincom}. */
        DIFFICULTY("difficulty_blockchaincom", "1", 1),
        /** {@code subsidy_btc_per_day}: newly issued BTC that day (no fees). */
        SUBSIDY_BTC_PER_DAY("subsidy_btc_per_day", "BTC/day", 1),
        /** {@code subsidy_usd_per_day}. */
        SUBSIDY_USD_PER_DAY("subsidy_usd_per_day", "USD/day", 1),
        /** {@code fees_btc_per_day_blockchaincom} (2023-04-30..2025-02-02 only). */
        FEES_BTC_PER_DAY("fees_btc_per_day_blockchaincom", "BTC/day", 1),
        /** {@code miners_revenue_usd_blockchaincom}: subsidy + fees in USD (2023-04-30..2024-04-27). */
        MINERS_REVENUE_USD_PER_DAY("miners_revenue_usd_blockchaincom", "USD/day", 1),
        /** {@code median_block_interval_min}. */
        MEDIAN_BLOCK_INTERVAL_MIN("median_block_interval_min", "min", 1);

        private final String header;
        private final String unit;
        private final double scale;

        Column(String header, String unit, double scale) {
            this.header = header;
            this.unit = unit;
            this.scale = scale;
        }

        /** Column name in the file. */
        public String header() {
            return header;
        }

        public String unit() {
            return unit;
        }

        /** Factor from the file's unit to {@link #unit()}. */
        public double scale() {
            return scale;
        }
    }
}
