package io.minerai.planning.model;

/**
 * How cash flows are valued.
 *
 * @param discountRatePerYear equity discount rate (effective yearly)
 * @param taxRate income tax rate on EBITDA - depreciation - interest, with losses carried forward
 * @param terminalEbitdaMultiple value at the horizon as a multiple of the last 12 months' EBITDA (0 = none)
 * @param preMoneyEquityUsd equity value before the plan, for the dilution a pure-equity plan would need
 */
public record Valuation(
        double discountRatePerYear, double taxRate, double terminalEbitdaMultiple, double preMoneyEquityUsd) {}
