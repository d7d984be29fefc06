package io.minerai.dispatch;

import io.minerai.core.ai.GpuContract;
import io.minerai.core.time.TimeGrid;
import java.time.ZoneOffset;

/**
 * When a GPU contract lets the dispatch curtail its contracted part: in the events of programs that limit the site's
 * import (an emergency demand-reduction service, a flexible-compute contract), in order, while the contract's
 * curtailment allowance of the calendar year (UTC) lasts. Every event interval within the allowance counts in full,
 * whether or not the contracted part is then cut (so the merit order and the optimiser see the same intervals; a
 * stated simplification, docs/AI_COMPUTE.md). Outside those intervals the contracted part is firm.
 */
public final class ContractAllowance {
    private ContractAllowance() {}

    /**
     * @param importLimitMw per interval, the lowest import limit of the site's programs ({@link
     *     Double#POSITIVE_INFINITY} outside events); an empty array for no programs
     * @param grid the run's grid
     * @param dispatched which intervals are decided (skipped intervals do not count)
     * @param contract the contract
     * @return per interval: the contracted part may be curtailed
     */
    public static boolean[] curtailable(
            double[] importLimitMw, TimeGrid grid, boolean[] dispatched, GpuContract contract) {
        int n = grid.count();
        boolean[] out = new boolean[n];
        if (importLimitMw.length == 0 || !contract.present()) {
            return out;
        }
        double allowance = contract.curtailmentAllowanceHoursPerYear();
        double h = grid.stepHours();
        int year = Integer.MIN_VALUE;
        double used = 0;
        for (int t = 0; t < n; t++) {
            if (!dispatched[t] || !(importLimitMw[t] < Double.POSITIVE_INFINITY)) {
                continue;
            }
            int y = grid.start(t).atZone(ZoneOffset.UTC).getYear();
            if (y != year) {
                year = y;
                used = 0;
            }
            if (used + h <= allowance + 1e-9) {
                out[t] = true;
                used += h;
            }
        }
        return out;
    }
}
