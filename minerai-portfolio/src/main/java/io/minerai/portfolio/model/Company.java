package io.minerai.portfolio.model;

import io.minerai.planning.model.RiskMeasure;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The company above its sites.
 *
 * @param cashUsd cash at the start
 * @param generalAdministrativeUsdPerMonth corporate G&A not charged to any site
 * @param capexBudgetUsdPerYear the most the company spends on capex in each plan year (the last value holds for later
 *     years); empty = no budget
 * @param gpuProcurementBudgetUsd the most spent on GPUs over the horizon; empty = no budget
 * @param equity shares outstanding and their price
 * @param debt corporate debt outstanding at the start
 * @param minCorporateDscr covenant on the corporate DSCR, tested every plan year with debt service
 * @param fleet whether and at what cost and time miners move between sites
 * @param discountRatePerYear the company's equity discount rate (replaces each site plan's)
 * @param startDelaysMonths delays of each strategy's start considered (0 = as its plan says)
 * @param riskMeasure what the choice of a mix maximises over the portfolio NPV distribution
 * @param cvarAlpha share of worst paths in CVaR
 * @param maxBreachProbability a mix breaching the corporate covenant on a larger share of paths is not chosen
 */
public record Company(
        double cashUsd,
        double generalAdministrativeUsdPerMonth,
        List<Double> capexBudgetUsdPerYear,
        OptionalDouble gpuProcurementBudgetUsd,
        Equity equity,
        List<CorporateDebt> debt,
        double minCorporateDscr,
        FleetMoves fleet,
        double discountRatePerYear,
        List<Integer> startDelaysMonths,
        RiskMeasure riskMeasure,
        double cvarAlpha,
        double maxBreachProbability) {
    public Company {
        capexBudgetUsdPerYear = List.copyOf(capexBudgetUsdPerYear);
        debt = List.copyOf(debt);
        startDelaysMonths = List.copyOf(startDelaysMonths);
    }

    /** The capex budget of plan year {@code y} (+infinity without a budget). */
    public double capexBudgetUsd(int y) {
        if (capexBudgetUsdPerYear.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        return capexBudgetUsdPerYear.get(Math.min(y, capexBudgetUsdPerYear.size() - 1));
    }

    public Company withRiskMeasure(RiskMeasure m) {
        return new Company(
                cashUsd,
                generalAdministrativeUsdPerMonth,
                capexBudgetUsdPerYear,
                gpuProcurementBudgetUsd,
                equity,
                debt,
                minCorporateDscr,
                fleet,
                discountRatePerYear,
                startDelaysMonths,
                m,
                cvarAlpha,
                maxBreachProbability);
    }

    public Company withCapexBudget(List<Double> budget) {
        return new Company(
                cashUsd,
                generalAdministrativeUsdPerMonth,
                budget,
                gpuProcurementBudgetUsd,
                equity,
                debt,
                minCorporateDscr,
                fleet,
                discountRatePerYear,
                startDelaysMonths,
                riskMeasure,
                cvarAlpha,
                maxBreachProbability);
    }
}
