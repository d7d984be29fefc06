package io.minerai.dispatch;

/**
 * Totals of one load over the dispatched intervals.
 *
 * @param name asset name
 * @param loadClass revenue class
 * @param firm whether it always runs
 * @param maxPowerMw facility power when fully running
 * @param energyMwh energy drawn
 * @param uptimeFraction energy drawn / energy at full power over the dispatched intervals
 * @param revenueUsd its revenue (mining after pool fees, GPU rentals, or rent plus pass-through)
 * @param energyCostUsd its share of the energy cost
 * @param btcMined BTC mined (0 for non-mining loads)
 */
public record LoadSummary(
        String name,
        LoadClass loadClass,
        boolean firm,
        double maxPowerMw,
        double energyMwh,
        double uptimeFraction,
        double revenueUsd,
        double energyCostUsd,
        double btcMined) {}
