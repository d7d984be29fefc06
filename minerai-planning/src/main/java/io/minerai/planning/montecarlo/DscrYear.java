package io.minerai.planning.montecarlo;

/**
 * The distribution over paths of a strategy's minimum DSCR in one plan year (the covenant tests of months 12y ..
 * 12y+11), over the paths with at least one test that year.
 *
 * @param year plan year (0 = the first twelve months)
 * @param p10 10th percentile (NaN when no path was tested)
 * @param p50 median
 * @param p90 90th percentile
 * @param testedShare share of paths with a covenant test that year (below 1 after a customer default repays a loan)
 */
public record DscrYear(int year, double p10, double p50, double p90, double testedShare) {}
