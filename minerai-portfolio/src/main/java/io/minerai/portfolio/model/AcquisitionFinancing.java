package io.minerai.portfolio.model;

/**
 * How an acquisition's price is paid: shares of cash, new corporate debt and new shares (they sum to 1).
 *
 * @param cashFraction share paid from the company's cash at closing
 * @param debtFraction share borrowed at closing (a corporate loan, annuity over its tenor)
 * @param sharesFraction share paid in new shares at the company's share price
 * @param debtRatePerYear rate of the acquisition loan
 * @param debtTenorMonths repayments of the acquisition loan from the month after closing
 */
public record AcquisitionFinancing(
        double cashFraction, double debtFraction, double sharesFraction, double debtRatePerYear, int debtTenorMonths) {}
