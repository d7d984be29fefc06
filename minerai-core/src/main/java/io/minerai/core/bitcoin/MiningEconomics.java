package io.minerai.core.bitcoin;

/**
 * Per-unit economics of hashing: energy per PH/s-day, revenue per MWh, breakeven power price. A machine at efficiency
 * e J/TH producing 1 PH/s draws e kW, i.e. {@code 0.024 x e} MWh per day at the machine; at the meter multiply by the
 * cooling overhead (PUE).
 */
public final class MiningEconomics {
    private MiningEconomics() {}

    /** J/TH from a unit's power and hashrate. */
    public static double efficiencyJPerTh(double powerW, double hashrateThPerS) {
        if (!(hashrateThPerS > 0)) {
            throw new IllegalArgumentException("hashrateThPerS must be > 0, was " + hashrateThPerS);
        }
        return powerW / hashrateThPerS;
    }

    /** MWh drawn at the meter per PH/s-day: 0.024 x e x PUE. */
    public static double meterMwhPerPhDay(double efficiencyJPerTh, double pue) {
        return 0.024 * efficiencyJPerTh * pue;
    }

    /**
     * Gross revenue per MWh at the meter: hashprice / (0.024 e PUE), after the pool fee.
     *
     * @param hashpriceUsdPerPhDay hashprice
     * @param efficiencyJPerTh machine efficiency
     * @param pue facility power / IT power (1.0 = no overhead)
     * @param poolFeeFraction pool fee, 0..1
     */
    public static double revenueUsdPerMwh(
            double hashpriceUsdPerPhDay, double efficiencyJPerTh, double pue, double poolFeeFraction) {
        return hashpriceUsdPerPhDay * (1 - poolFeeFraction) / meterMwhPerPhDay(efficiencyJPerTh, pue);
    }

    /**
     * The power price at which hashing just pays its variable cost: revenue per MWh minus other variable opex per MWh.
     * Mine when the all-in energy price is below it; curtail above.
     */
    public static double breakevenPowerPriceUsdPerMwh(
            double hashpriceUsdPerPhDay,
            double efficiencyJPerTh,
            double pue,
            double poolFeeFraction,
            double otherVariableOpexUsdPerMwh) {
        return revenueUsdPerMwh(hashpriceUsdPerPhDay, efficiencyJPerTh, pue, poolFeeFraction)
                - otherVariableOpexUsdPerMwh;
    }

    /** MWh at the meter per BTC mined: 0.024 e PUE / (BTC per PH/s-day). */
    public static double meterMwhPerBtc(double btcPerPhDay, double efficiencyJPerTh, double pue) {
        if (!(btcPerPhDay > 0)) {
            throw new IllegalArgumentException("btcPerPhDay must be > 0, was " + btcPerPhDay);
        }
        return meterMwhPerPhDay(efficiencyJPerTh, pue) / btcPerPhDay;
    }

    /** Electricity cost per BTC at a flat power price: price x MWh per BTC (before pool fees). */
    public static double electricityCostUsdPerBtc(
            double powerPriceUsdPerMwh, double btcPerPhDay, double efficiencyJPerTh, double pue) {
        return powerPriceUsdPerMwh * meterMwhPerBtc(btcPerPhDay, efficiencyJPerTh, pue);
    }
}
