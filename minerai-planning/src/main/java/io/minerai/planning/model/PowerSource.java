package io.minerai.planning.model;

/** Where monthly power prices come from. */
public sealed interface PowerSource {
    /** Adder per MWh on top of the wholesale price (transmission, fees). */
    double adderUsdPerMwh();

    /** Yearly escalation applied to the wholesale price. */
    double escalatorPerYear();

    /**
     * A flat price deck.
     *
     * @param usdPerMwh wholesale price in the first year
     */
    record Deck(double usdPerMwh, double escalatorPerYear, double adderUsdPerMwh) implements PowerSource {}

    /**
     * Real ERCOT days resampled into months (same calendar month), at one settlement point.
     *
     * @param settlementPoint e.g. HB_WEST
     * @param market RTM or DAM
     */
    record ErcotResampled(String settlementPoint, String market, double escalatorPerYear, double adderUsdPerMwh)
            implements PowerSource {}
}
