package io.minerai.core.scenario;

import io.minerai.core.market.FxSource;
import io.minerai.core.market.MarketDataSource;
import java.util.List;
import java.util.Optional;

/**
 * The scenario's market: which market pack settles the site, at which node, under which rules, from which data, and at
 * which exchange rate its prices turn into USD. Absent from a file, the pack follows from the {@code prices} section
 * (ERCOT for the bundled and NP6-905 sources, a generic USD market for a plain CSV) and nothing else changes.
 *
 * @param pack market pack id ({@code ercot}, {@code nem}, {@code pjm}, {@code eu-day-ahead}, {@code generic})
 * @param node the region, hub, pricing node or bidding zone (ERCOT takes {@code site.grid.settlementPoint})
 * @param rules which rule set applies: by date (the default), or one fixed set (ERCOT: {@code ercot-2024}, {@code
 *     rtc-b})
 * @param data where the market's series come from
 * @param fx USD per unit of the market currency; required when the market is not in USD
 * @param declared whether the file had a {@code market} section (false: inferred from {@code prices})
 */
public record MarketSettings(
        String pack, Optional<String> node, String rules, MarketData data, Optional<Fx> fx, boolean declared) {

    /**
     * Inferred from a scenario without a {@code market} section: ERCOT for the ERCOT price sources or when the scenario
     * has ERCOT programs (every scenario before market packs was settled under ERCOT's rules), otherwise a generic USD
     * market.
     */
    public static MarketSettings inferred(PriceSource prices, MarketPrograms programs) {
        boolean ercotPrograms = programs.coincidentPeak().isPresent()
                || programs.ancillary().isPresent()
                || programs.demandReduction().isPresent();
        String pack = switch (prices) {
            case PriceSource.ErcotBundled b -> "ercot";
            case PriceSource.ErcotSppCsv c -> "ercot";
            case PriceSource.Csv c -> ercotPrograms ? "ercot" : "generic";
            case PriceSource.Market m -> "generic";
        };
        return new MarketSettings(pack, Optional.empty(), "by-date", MarketData.NONE, Optional.empty(), false);
    }

    /**
     * The currency the market's prices are published in: the pack's, or for the generic pack the currency its price
     * file declares (USD when it declares none).
     */
    public java.util.Currency currency(io.minerai.core.market.pack.MarketPack p) {
        if (p.id().equals("generic")
                && data.prices().isPresent()
                && data.prices().get() instanceof MarketDataSource.Csv c
                && c.currency().isPresent()) {
            return io.minerai.core.market.MarketFields.currency(c.currency().get())
                    .orElse(p.currency());
        }
        return p.currency();
    }

    /**
     * The market's data sources beyond what the {@code prices} section names.
     *
     * @param prices real-time (or spot) energy prices, when not given in {@code prices}
     * @param dayAheadPrices day-ahead energy prices
     * @param systemLoad the market's system load, for peak-based programs
     * @param ancillaryPrices capacity prices of reserve products (NEM FCAS; ERCOT's day-ahead MCPCs are bundled)
     * @param realTimeAncillaryPrices real-time reserve prices (ERCOT after RTC+B)
     */
    public record MarketData(
            Optional<MarketDataSource> prices,
            Optional<MarketDataSource> dayAheadPrices,
            Optional<MarketDataSource> systemLoad,
            List<ProductPrices> ancillaryPrices,
            List<ProductPrices> realTimeAncillaryPrices) {
        public static final MarketData NONE =
                new MarketData(Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of());

        public MarketData {
            ancillaryPrices = List.copyOf(ancillaryPrices);
            realTimeAncillaryPrices = List.copyOf(realTimeAncillaryPrices);
        }
    }

    /** The exchange rate as the scenario states it: USD per unit of the market currency. */
    public sealed interface Fx {
        /** As an {@link FxSource} from the market's currency to USD. */
        FxSource toSource(String marketCurrency);

        /**
         * One stated rate.
         *
         * @param usdPerUnit USD per unit of the market currency
         */
        record Constant(double usdPerUnit) implements Fx {
            @Override
            public FxSource toSource(String marketCurrency) {
                return new FxSource.Constant(marketCurrency, "USD", usdPerUnit);
            }
        }

        /**
         * Daily rates from a CSV.
         *
         * @param path file path, relative to the scenario file's folder
         * @param dateColumn date column (yyyy-MM-dd)
         * @param rateColumn USD per unit column
         */
        record DailyCsv(String path, String dateColumn, String rateColumn) implements Fx {
            @Override
            public FxSource toSource(String marketCurrency) {
                return new FxSource.DailyCsv(path, marketCurrency, "USD", dateColumn, rateColumn);
            }
        }
    }

    /**
     * Prices of one reserve product.
     *
     * @param product product id of the market pack (e.g. {@code RRS}, {@code RAISE6SEC})
     * @param source where its prices come from (currency per MW-h)
     */
    public record ProductPrices(String product, MarketDataSource source) {}
}
