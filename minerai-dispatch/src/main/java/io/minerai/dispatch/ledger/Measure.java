package io.minerai.dispatch.ledger;

/**
 * A per-interval quantity of the ledger that is not money of a stream: prices, power flows, load by class, reserve MW,
 * GPU job power, BTC mined, the average energy cost. Declared once by the settler that fills it.
 *
 * @param id column name with its unit, e.g. {@code import_mw}, {@code reserve_rrs_mw}, {@code btc_mined}
 * @param label human name
 * @param unit unit for tables and charts, e.g. {@code MW}, {@code USD/MWh}, {@code BTC}
 * @param aggregation how it combines over time
 * @param program the program it belongs to ({@code site}, {@code energy} or a program id)
 */
public record Measure(String id, String label, String unit, Aggregation aggregation, String program) {
    public Measure {
        if (id.isBlank()) {
            throw new IllegalArgumentException("a measure needs an id");
        }
    }
}
