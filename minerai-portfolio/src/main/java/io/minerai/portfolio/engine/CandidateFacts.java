package io.minerai.portfolio.engine;

/**
 * What a candidate does that does not depend on the market path (from its compiled schedule).
 *
 * @param capexUsdByYear capex in each plan year (counted from the month the company owns the site)
 * @param gpuCapexUsd GPUs bought over the horizon (the GPU procurement budget), USD
 * @param idleFleetMachineMw per month, machine MW of the site's fleet without power (a hall took its MW)
 * @param spareMachineMw per month, machine MW more the site's interconnection could power for mining
 */
public record CandidateFacts(
        double[] capexUsdByYear, double gpuCapexUsd, double[] idleFleetMachineMw, double[] spareMachineMw) {}
