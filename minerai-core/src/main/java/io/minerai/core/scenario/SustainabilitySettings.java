package io.minerai.core.scenario;

import java.util.Optional;

/**
 * Inputs of the sustainability report (the optional {@code sustainability} section of a scenario): where the grid's
 * emission factors come from, the contractual instruments for market-based Scope 2, and the thresholds of the
 * flexibility metrics. Method and sources: docs/SUSTAINABILITY.md.
 *
 * @param gridFactors where the hourly (or 15-minute) grid emission factors come from
 * @param market contractual instruments for the market-based Scope 2 method
 * @param flexibility thresholds that mark high-price and high-load intervals
 */
public record SustainabilitySettings(
        GridFactorSource gridFactors, MarketInstruments market, FlexibilityThresholds flexibility) {

    /** Default factor set id: combustion-only (EIA heat rates x EPA fuel factors). */
    public static final String DEFAULT_FACTOR_SET = "epa-eia-combustion";

    /** Used when a scenario has no {@code sustainability} section. */
    public static final SustainabilitySettings DEFAULT = new SustainabilitySettings(
            new GridFactorSource.ErcotFuelMix(DEFAULT_FACTOR_SET, 0),
            new MarketInstruments(false, 0, 0, Optional.empty()),
            new FlexibilityThresholds(95, Optional.empty(), 95));

    /** Where grid emission factors come from. */
    public sealed interface GridFactorSource {

        /**
         * Factors computed from the bundled ERCOT 15-minute fuel mix (2023, 2024) with a built-in set of per-fuel
         * factors.
         *
         * @param factorSet built-in factor set id: {@code epa-eia-combustion} or {@code ipcc-ar5-lifecycle}
         * @param year take the fuel mix of this year (2023 or 2024), mapped onto the run by day of year; 0 = the run's
         *     own year
         */
        record ErcotFuelMix(String factorSet, int year) implements GridFactorSource {}

        /**
         * A user CSV of grid emission factors, kg CO2e per MWh, with an ISO-8601 interval-start timestamp.
         *
         * @param path file path; relative paths resolve against the scenario file's folder
         * @param timeColumn timestamp column
         * @param valueColumn factor column, kg CO2e/MWh
         */
        record Csv(String path, String timeColumn, String valueColumn) implements GridFactorSource {}
    }

    /**
     * Contractual instruments for the market-based method of the GHG Protocol Scope 2 Guidance.
     *
     * @param ppaConveysEacs whether the site's PPA conveys energy attribute certificates (e.g. RECs) for its contracted
     *     volume, retained and retired for the site
     * @param ppaKgCo2ePerMwh emission factor of the PPA's generation (0 for wind or solar)
     * @param recsMwh unbundled RECs/EACs bought and retired for the period, MWh (zero-emission generation)
     * @param residualMixKgCo2ePerMwh residual-mix factor for grid energy not covered by instruments; empty = use the grid
     *     average (location) factor, the last step of the Guidance's factor hierarchy
     */
    public record MarketInstruments(
            boolean ppaConveysEacs, double ppaKgCo2ePerMwh, double recsMwh, Optional<Double> residualMixKgCo2ePerMwh) {}

    /**
     * Thresholds of the flexibility metrics.
     *
     * @param highPricePercentile an interval is high-price when its price is at or above this percentile of the run's
     *     prices (0..100)
     * @param highPriceUsdPerMwh when present, a fixed price threshold used instead of the percentile
     * @param highLoadPercentile an interval is high-load when system load (ERCOT net generation from the fuel mix) is at
     *     or above this percentile over the run (0..100)
     */
    public record FlexibilityThresholds(
            double highPricePercentile, Optional<Double> highPriceUsdPerMwh, double highLoadPercentile) {}
}
