package io.minerai.planning.model;

/**
 * A purchase of ASIC miners.
 *
 * @param name unique name
 * @param month month index (0 = plan start) when the machines are paid for and start hashing
 * @param hashrateEhPerS hashrate bought
 * @param usdPerTh price per TH/s
 * @param efficiencyJPerTh efficiency of the machines
 * @param depreciationYears straight-line depreciation life
 */
public record AsicPurchase(
        String name,
        int month,
        double hashrateEhPerS,
        double usdPerTh,
        double efficiencyJPerTh,
        double depreciationYears) {

    /** Capex of the purchase: TH/s x $/TH. */
    public double capexUsd() {
        return hashrateEhPerS * 1e6 * usdPerTh;
    }
}
