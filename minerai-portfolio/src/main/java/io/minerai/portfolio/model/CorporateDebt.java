package io.minerai.portfolio.model;

import io.minerai.planning.model.Amortization;

/**
 * Corporate debt outstanding at the start: paid from the company's cash, counted in the corporate DSCR.
 *
 * @param name unique name
 * @param balanceUsd balance at the start
 * @param ratePerYear nominal yearly rate (monthly = /12)
 * @param amortization annuity, linear or bullet
 * @param tenorMonths repayments from the first month
 */
public record CorporateDebt(
        String name, double balanceUsd, double ratePerYear, Amortization amortization, int tenorMonths) {}
