package io.minerai.store;

/** How a ledger column is reduced over a bucket of intervals when a series is downsampled. */
public enum Aggregation {
    /** Summed over the bucket: money, energy, BTC (additive quantities). */
    SUM,
    /** Averaged over every interval of the bucket (e.g. the fraction of intervals dispatched). */
    MEAN,
    /** Averaged over the bucket's dispatched intervals only (power, prices); no value for a bucket without any. */
    MEAN_OF_DISPATCHED
}
