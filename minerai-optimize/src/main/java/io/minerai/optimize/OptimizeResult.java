package io.minerai.optimize;

import io.minerai.dispatch.DispatchResult;

/**
 * A settled optimal dispatch and how it was solved.
 *
 * @param result the settled dispatch (same summary and ledger shape as every policy)
 * @param report solver figures
 */
public record OptimizeResult(DispatchResult result, SolveReport report) {
    public double netUsd() {
        return result.summary().netUsd();
    }
}
