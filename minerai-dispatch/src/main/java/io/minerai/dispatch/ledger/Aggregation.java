package io.minerai.dispatch.ledger;

/** How a measure's interval values combine over a period or a downsampled bucket. */
public enum Aggregation {
    /** Amounts that add up (BTC, energy, money). */
    SUM,
    /** Rates and levels that average over time (MW, prices). */
    MEAN
}
