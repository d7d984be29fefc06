package io.minerai.planning.model;

import java.util.List;

/**
 * Debt facilities, the covenant they share and the breach limit of the decision rule.
 *
 * @param facilities every facility a strategy may use (strategies pick them by name)
 * @param minDscr debt service coverage covenant: CFADS / debt service must stay at or above it
 * @param dscrWindowMonths months in each DSCR test window
 * @param dscrDefinition trailing or forward-looking windows (both start at the first month of debt service)
 * @param maxBreachProbability decision rule: a strategy breaching the covenant on a larger share of paths is flagged
 *     and never chosen as best (1 = no limit)
 */
public record FinancingPlan(
        List<Facility> facilities,
        double minDscr,
        int dscrWindowMonths,
        DscrDefinition dscrDefinition,
        double maxBreachProbability) {
    public FinancingPlan {
        facilities = List.copyOf(facilities);
    }

    /** No debt, the default covenant (1.25 on 3 trailing months) and no breach limit. */
    public static FinancingPlan none() {
        return new FinancingPlan(List.of(), 1.25, 3, DscrDefinition.TRAILING, 1.0);
    }

    /** The same covenant and rule with other facilities. */
    public FinancingPlan withFacilities(List<Facility> f) {
        return new FinancingPlan(f, minDscr, dscrWindowMonths, dscrDefinition, maxBreachProbability);
    }

    /** The same facilities and covenant with another breach limit. */
    public FinancingPlan withMaxBreachProbability(double p) {
        return new FinancingPlan(facilities, minDscr, dscrWindowMonths, dscrDefinition, p);
    }
}
