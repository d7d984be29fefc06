package io.minerai.planning.model;

import java.time.LocalDate;

/**
 * What the Monte Carlo varies and how much. Every scale at 0 gives the deterministic plan.
 *
 * @param paths number of paths
 * @param seed master seed; path i draws only from (seed, i)
 * @param btcVolatilityScale multiplies the demeaned bootstrapped BTC log-returns (1 = history's volatility)
 * @param bootstrapBlockDays length of the bootstrap blocks of daily BTC log-returns
 * @param historyFrom first day of the BTC history used for the bootstrap
 * @param hashrateNoisePerMonth standard deviation of the monthly log hashrate growth noise
 * @param feesLogSdPerMonth standard deviation of monthly log fees (mean-preserving lognormal)
 * @param gpuDeclineSdPerYear standard deviation of the per-path GPU price decline rate (log, per year)
 * @param powerResampling whether power months are resampled from real days (false: the average month)
 * @param powerBankMonths resampled months kept per calendar month
 * @param tenantDefaults whether tenants may default
 */
public record Uncertainty(
        int paths,
        long seed,
        double btcVolatilityScale,
        int bootstrapBlockDays,
        LocalDate historyFrom,
        double hashrateNoisePerMonth,
        double feesLogSdPerMonth,
        double gpuDeclineSdPerYear,
        boolean powerResampling,
        int powerBankMonths,
        boolean tenantDefaults) {

    /** The same settings with every source of randomness switched off. */
    public Uncertainty deterministic() {
        return new Uncertainty(paths, seed, 0, bootstrapBlockDays, historyFrom, 0, 0, 0, false, powerBankMonths, false);
    }

    public Uncertainty withSeed(long s) {
        return new Uncertainty(
                paths,
                s,
                btcVolatilityScale,
                bootstrapBlockDays,
                historyFrom,
                hashrateNoisePerMonth,
                feesLogSdPerMonth,
                gpuDeclineSdPerYear,
                powerResampling,
                powerBankMonths,
                tenantDefaults);
    }

    public Uncertainty withPaths(int n) {
        return new Uncertainty(
                n,
                seed,
                btcVolatilityScale,
                bootstrapBlockDays,
                historyFrom,
                hashrateNoisePerMonth,
                feesLogSdPerMonth,
                gpuDeclineSdPerYear,
                powerResampling,
                powerBankMonths,
                tenantDefaults);
    }
}
