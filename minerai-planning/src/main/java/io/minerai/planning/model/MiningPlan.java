package io.minerai.planning.model;

/**
 * The existing ASIC fleet and how mining is run.
 *
 * @param hashrateEhPerS installed hashrate of the existing fleet at plan start
 * @param efficiencyJPerTh efficiency of the existing fleet
 * @param pue facility power / machine power of the mining halls
 * @param poolFeeFraction pool fee, 0..1
 * @param opexUsdPerMwMonth non-energy mining opex per MW of mining facility power in use (repairs, staff): charged for
 *     the share of the month's hours the machines run
 * @param standbyOpexUsdPerMwMonth non-energy opex per MW of mining capacity while it is switched off (0 = opex stops
 *     with the machines)
 * @param bookValueUsd tax book value of the existing fleet at plan start
 * @param remainingLifeMonths months over which that book value is still depreciated
 */
public record MiningPlan(
        double hashrateEhPerS,
        double efficiencyJPerTh,
        double pue,
        double poolFeeFraction,
        double opexUsdPerMwMonth,
        double standbyOpexUsdPerMwMonth,
        double bookValueUsd,
        int remainingLifeMonths) {}
