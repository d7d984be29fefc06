package io.minerai.sustainability;

import java.util.List;

/**
 * Everything the sustainability report says about one run.
 *
 * @param siteName site
 * @param startUtc period start
 * @param endUtc period end (exclusive)
 * @param stepMinutes interval length
 * @param intervals intervals in the period
 * @param dispatchedIntervals intervals with data (the rest are skipped and count nowhere)
 * @param factorDescription where the grid factors come from
 * @param factorBasis combustion-only or lifecycle
 * @param factorCitation sources of the factors
 * @param factorFilledIntervals dispatched intervals whose factor was missing and filled with the run's mean
 * @param meanGridFactorKgCo2ePerMwh time-weighted mean grid factor over dispatched intervals
 * @param energy the site's energy per interval
 * @param factors the grid factor per interval
 * @param location location-based Scope 2
 * @param market market-based Scope 2
 * @param renewable renewable shares
 * @param intensity per BTC and per GPU-hour
 * @param flexibility curtailment, 4CP, reserves, avoided emissions
 * @param months monthly energy mix
 */
public record SustainabilityResult(
        String siteName,
        String startUtc,
        String endUtc,
        long stepMinutes,
        int intervals,
        int dispatchedIntervals,
        String factorDescription,
        EmissionBasis factorBasis,
        String factorCitation,
        int factorFilledIntervals,
        double meanGridFactorKgCo2ePerMwh,
        SiteEnergy energy,
        IntervalFactors factors,
        LocationBased location,
        MarketBased market,
        RenewableShare renewable,
        Intensity intensity,
        Flexibility flexibility,
        List<MonthlyMix> months) {

    public SustainabilityResult {
        months = List.copyOf(months);
    }
}
