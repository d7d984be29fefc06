package io.minerai.portfolio.engine;

/**
 * A mix on every path.
 *
 * @param npvUsd per path, the portfolio NPV: the sites' NPVs - PV of G&A (+ PV of synergy savings) - PV of corporate
 *     debt (service and the balance repaid at the horizon) + cash at the start
 * @param breached per path, whether the corporate covenant was breached in some plan year
 * @param dilution per path, new shares / all shares after funding every cash shortfall at the share price
 * @param summary their distribution
 */
public record MixResult(double[] npvUsd, boolean[] breached, double[] dilution, MixSummary summary) {}
