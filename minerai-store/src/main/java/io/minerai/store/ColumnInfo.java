package io.minerai.store;

/**
 * A stored ledger column.
 *
 * @param name API name with its unit
 * @param aggregation how a downsampled bucket reduces it
 */
public record ColumnInfo(String name, Aggregation aggregation) {}
