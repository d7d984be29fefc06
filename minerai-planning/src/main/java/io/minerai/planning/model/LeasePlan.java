package io.minerai.planning.model;

/**
 * Critical IT capacity of a hall leased to a tenant (colocation).
 *
 * @param name unique name
 * @param hall the hall whose capacity is leased
 * @param tenant tenant name
 * @param criticalItMw contracted critical IT
 * @param usdPerKwMonth rent per kW of critical IT per month in the first lease year
 * @param escalatorPerYear yearly rent escalator (0.03 = +3 % per lease year)
 * @param termMonths lease term
 * @param startMonth month index when rent starts; not before the hall is ready
 * @param tenantCredit label of the tenant's credit and backstop (shown in reports)
 * @param annualDefaultProbability probability per year that the tenant stops paying
 * @param backstopFraction share of the remaining rent a guarantor pays after a tenant default (0 = none)
 * @param noiMarginFraction net operating income / rent (operating costs borne by the landlord are the rest)
 */
public record LeasePlan(
        String name,
        String hall,
        String tenant,
        double criticalItMw,
        double usdPerKwMonth,
        double escalatorPerYear,
        int termMonths,
        int startMonth,
        String tenantCredit,
        double annualDefaultProbability,
        double backstopFraction,
        double noiMarginFraction) {

    /** Rent of month {@code month} (plan month index), 0 outside the term: kW x $/kW-month x (1+esc)^leaseYear. */
    public double rentUsd(int month) {
        int k = month - startMonth;
        if (k < 0 || k >= termMonths) {
            return 0;
        }
        return criticalItMw * 1000.0 * usdPerKwMonth * StrictMath.pow(1 + escalatorPerYear, k / 12);
    }

    /** First month after the term. */
    public int endMonth() {
        return startMonth + termMonths;
    }
}
