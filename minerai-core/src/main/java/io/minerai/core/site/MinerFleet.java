package io.minerai.core.site;

import io.minerai.core.ai.Cooling;
import io.minerai.core.ai.PueCurve;
import io.minerai.core.bitcoin.MiningEconomics;
import java.util.Optional;

/**
 * A fleet of identical ASIC miners. Curtailable: it may run at any fraction of its units.
 *
 * @param name unique name
 * @param model machine model, e.g. "Antminer S21"
 * @param unitCount number of machines
 * @param unitHashrateThPerS nameplate hashrate per machine
 * @param unitPowerW power per machine at the wall, W
 * @param pue cooling and electrical overhead: facility power / machine power (1.0 = none)
 * @param poolFeeFraction pool fee, 0..1
 * @param unitCapexUsd purchase price per machine (for depreciation in all-in cost per BTC; 0 if sunk)
 * @param depreciationYears straight-line depreciation life
 * @param cooling how the machines are cooled (air, hydro cold plates, immersion tanks)
 * @param pueCurve PUE as a function of the ambient temperature; empty = the constant {@code pue}
 */
public record MinerFleet(
        String name,
        String model,
        int unitCount,
        double unitHashrateThPerS,
        double unitPowerW,
        double pue,
        double poolFeeFraction,
        double unitCapexUsd,
        double depreciationYears,
        Cooling cooling,
        Optional<PueCurve> pueCurve)
        implements Load {

    /** An air-cooled fleet with a constant PUE. */
    public MinerFleet(
            String name,
            String model,
            int unitCount,
            double unitHashrateThPerS,
            double unitPowerW,
            double pue,
            double poolFeeFraction,
            double unitCapexUsd,
            double depreciationYears) {
        this(
                name,
                model,
                unitCount,
                unitHashrateThPerS,
                unitPowerW,
                pue,
                poolFeeFraction,
                unitCapexUsd,
                depreciationYears,
                Cooling.AIR,
                Optional.empty());
    }

    /** The same fleet with another cooling and PUE curve. */
    public MinerFleet withCooling(Cooling newCooling, Optional<PueCurve> newCurve) {
        return new MinerFleet(
                name,
                model,
                unitCount,
                unitHashrateThPerS,
                unitPowerW,
                pue,
                poolFeeFraction,
                unitCapexUsd,
                depreciationYears,
                newCooling,
                newCurve);
    }

    @Override
    public double facilityPowerMw() {
        return unitCount * unitPowerW / 1e6 * pue;
    }

    /** Machine (IT) power of the whole fleet, MW. */
    public double itPowerMw() {
        return unitCount * unitPowerW / 1e6;
    }

    @Override
    public boolean firm() {
        return false;
    }

    public double efficiencyJPerTh() {
        return MiningEconomics.efficiencyJPerTh(unitPowerW, unitHashrateThPerS);
    }

    public double fleetHashrateThPerS() {
        return unitCount * unitHashrateThPerS;
    }

    /** Net revenue per MWh at the meter for a hashprice in USD per TH/s per day. */
    public double valueUsdPerMwh(double hashpriceUsdPerThDay) {
        return hashpriceUsdPerThDay * (1 - poolFeeFraction) * unitHashrateThPerS / (unitPowerW * pue / 1e6) / 24.0;
    }

    /** Depreciation per hour of the whole fleet (0 when no capex or life is given). */
    public double depreciationUsdPerHour() {
        if (unitCapexUsd <= 0 || depreciationYears <= 0) {
            return 0;
        }
        return unitCount * unitCapexUsd / (depreciationYears * 8_766.0);
    }
}
