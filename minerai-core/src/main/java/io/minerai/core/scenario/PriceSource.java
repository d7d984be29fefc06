package io.minerai.core.scenario;

/** Where the site's energy prices come from. Resolved to a series by minerai-data. */
public sealed interface PriceSource {

    /**
     * The bundled ERCOT hourly hub and load-zone prices (2024-01-01 .. 2026-03-17), at the site's settlement point.
     *
     * @param market RTM (real-time, hourly mean of the 15-minute settlement point prices) or DAM (day-ahead)
     */
    record ErcotBundled(String market) implements PriceSource {}

    /**
     * A file in ERCOT's 15-minute settlement point price report format (NP6-905-CD columns DeliveryDate, DeliveryHour,
     * DeliveryInterval, SettlementPointName, SettlementPointType, SettlementPointPrice, DSTFlag), filtered to the
     * site's settlement point.
     *
     * @param path CSV path; relative paths resolve against the scenario file's folder
     */
    record ErcotSppCsv(String path) implements PriceSource {}

    /**
     * A generic CSV with an ISO-8601 timestamp column (interval start, with offset or in UTC) and a price column.
     *
     * @param path CSV path
     * @param timeColumn timestamp column name
     * @param valueColumn price column name ($/MWh)
     */
    record Csv(String path, String timeColumn, String valueColumn) implements PriceSource {}

    /** The prices named in the scenario's {@code market.data.prices}, in the market's currency and clock. */
    record Market() implements PriceSource {}
}
