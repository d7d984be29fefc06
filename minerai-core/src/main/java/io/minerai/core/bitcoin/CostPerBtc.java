package io.minerai.core.bitcoin;

/**
 * Cost per BTC mined in three explicitly different definitions, so reports never mix them:
 *
 * <ul>
 *   <li>{@code energyOnlyUsd}: electricity for the miners / BTC mined (the "electricity cost per BTC" miners such as
 *       IREN publish monthly);
 *   <li>{@code cashCostUsd}: electricity plus the site's cash operating cost allocated to mining (staff,
 *       maintenance, hosting, insurance) / BTC; Riot's "direct cost to mine" is this kind of number;
 *   <li>{@code allInUsd}: cash cost plus depreciation of the mining machines / BTC ("fully loaded").
 * </ul>
 *
 * Corporate G&amp;A and finance costs are out of scope; say so where these figures are shown. All are NaN when no BTC
 * was mined.
 *
 * @param energyOnlyUsd electricity only
 * @param cashCostUsd electricity plus site cash opex
 * @param allInUsd cash cost plus machine depreciation
 */
public record CostPerBtc(double energyOnlyUsd, double cashCostUsd, double allInUsd) {

    /**
     * Computes the three definitions.
     *
     * @param btcMined BTC mined in the period
     * @param minerEnergyCostUsd cost of the energy the miners used
     * @param miningOpexUsd site cash opex allocated to mining
     * @param minerDepreciationUsd depreciation of the mining machines over the period
     */
    public static CostPerBtc of(
            double btcMined, double minerEnergyCostUsd, double miningOpexUsd, double minerDepreciationUsd) {
        if (!(btcMined > 0)) {
            return new CostPerBtc(Double.NaN, Double.NaN, Double.NaN);
        }
        double energy = minerEnergyCostUsd / btcMined;
        double cash = (minerEnergyCostUsd + miningOpexUsd) / btcMined;
        double allIn = (minerEnergyCostUsd + miningOpexUsd + minerDepreciationUsd) / btcMined;
        return new CostPerBtc(energy, cash, allIn);
    }
}
