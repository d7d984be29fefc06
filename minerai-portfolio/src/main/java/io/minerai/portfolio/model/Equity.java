package io.minerai.portfolio.model;

/**
 * The company's shares.
 *
 * @param sharesOutstanding shares outstanding at the start
 * @param sharePriceUsd price at which new shares are issued (funding shortfalls, paying for acquisitions)
 */
public record Equity(double sharesOutstanding, double sharePriceUsd) {}
