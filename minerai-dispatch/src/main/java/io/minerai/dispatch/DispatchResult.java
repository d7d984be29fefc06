package io.minerai.dispatch;

/**
 * A settled dispatch: totals and the per-interval ledger.
 *
 * @param summary totals
 * @param ledger per-interval money and energy
 */
public record DispatchResult(DispatchSummary summary, DispatchLedger ledger) {}
