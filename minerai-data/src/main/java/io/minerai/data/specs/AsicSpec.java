package io.minerai.data.specs;

import java.time.YearMonth;

/**
 * Nameplate specification of one Bitcoin ASIC miner model.
 *
 * @param manufacturer e.g. Bitmain
 * @param model e.g. Antminer S19 Pro
 * @param hashrateThPerS nameplate hashrate, TH/s
 * @param powerW nameplate wall power, W
 * @param listedEfficiencyJPerTh the source's "Unit Power (W/T)" column, rounded to whole J/TH there
 * @param released release month
 */
public record AsicSpec(
        String manufacturer,
        String model,
        double hashrateThPerS,
        double powerW,
        double listedEfficiencyJPerTh,
        YearMonth released) {

    /** Efficiency computed from the nameplate figures: power / hashrate, J/TH. */
    public double efficiencyJPerTh() {
        return powerW / hashrateThPerS;
    }
}
