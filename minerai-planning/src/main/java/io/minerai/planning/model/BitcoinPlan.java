package io.minerai.planning.model;

/**
 * The Bitcoin network at plan start and its expected drift; the Monte Carlo adds noise around it.
 *
 * @param startPriceUsdPerBtc BTC price at plan start
 * @param priceDriftPerYear expected log drift of the BTC price per year (the deterministic deck's path)
 * @param startNetworkHashrateEhPerS network hashrate at plan start
 * @param hashrateGrowthPerYear expected log growth of network hashrate per year
 * @param hashratePriceElasticity extra log hashrate growth per unit of last month's unexpected log price return
 * @param feesBtcPerBlock mean transaction fees per block
 * @param startBlockHeight block height at plan start (halvings follow from it, 144 blocks a day)
 */
public record BitcoinPlan(
        double startPriceUsdPerBtc,
        double priceDriftPerYear,
        double startNetworkHashrateEhPerS,
        double hashrateGrowthPerYear,
        double hashratePriceElasticity,
        double feesBtcPerBlock,
        long startBlockHeight) {}
