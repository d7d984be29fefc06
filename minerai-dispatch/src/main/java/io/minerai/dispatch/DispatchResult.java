package io.minerai.dispatch;

import io.minerai.dispatch.ledger.Ledger;

/**
 * A settled dispatch: totals and the per-interval ledger.
 *
 * @param summary totals
 * @param ledger per-interval decisions, streams and measures
 */
public record DispatchResult(DispatchSummary summary, Ledger ledger) {}
