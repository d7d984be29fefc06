package io.minerai.planning.model;

import java.util.List;

/**
 * Debt facilities and the covenant they share.
 *
 * @param facilities every facility a strategy may use (strategies pick them by name)
 * @param minDscr debt service coverage covenant: CFADS / debt service must stay at or above it
 * @param dscrWindowMonths DSCR is tested every month on the trailing window of this many months
 */
public record FinancingPlan(List<Facility> facilities, double minDscr, int dscrWindowMonths) {
    public FinancingPlan {
        facilities = List.copyOf(facilities);
    }
}
