package io.minerai.dispatch;

import java.util.List;

/**
 * Totals of a settled dispatch over its period. The first fourteen fields carry the names the foundation issue fixes
 * for the JSON summary; the rest add detail. Money in USD, energy in MWh, over dispatched intervals only.
 *
 * @param intervals intervals in the period's grid
 * @param missingIntervals intervals skipped for missing data (price, Bitcoin data or a generation profile value)
 * @param energyImportedMwh grid import
 * @param energyExportedMwh export of own generation
 * @param minerEnergyMwh energy drawn by miner fleets
 * @param btcMined BTC mined after pool fees
 * @param revenueMiningUsd mining revenue after pool fees
 * @param revenueAiCloudUsd GPU cloud revenue
 * @param revenueColocationUsd colocation rent plus pass-through energy reimbursements
 * @param revenueExportUsd export revenue
 * @param powerCostUsd cash cost of energy (see {@link DispatchLedger#powerCostUsd()})
 * @param netUsd all revenues minus power cost and 4CP transmission charge, before opex and depreciation
 * @param minerUptimeFraction miner energy / miner energy at full power
 * @param energyCostPerBtcUsd miners' energy cost / BTC mined (energy-only definition)
 * @param policy policy that decided
 * @param startUtc period start (ISO-8601)
 * @param endUtc period end, exclusive (ISO-8601)
 * @param stepMinutes interval length
 * @param missingPriceIntervals skipped for a missing price
 * @param missingBitcoinIntervals skipped for missing Bitcoin data
 * @param missingGenerationIntervals skipped for a missing generation profile value
 * @param energyGeneratedMwh on-site generation available
 * @param energySpilledMwh on-site generation neither used nor exported
 * @param aiCloudEnergyMwh energy drawn by GPU clouds
 * @param colocationEnergyMwh energy drawn by colocation tenants
 * @param totalLoadEnergyMwh energy drawn by all loads
 * @param revenuePpaSellbackUsd PPA energy sold back (power credits)
 * @param ppaEnergySoldBackMwh PPA energy sold back
 * @param revenueAncillaryUsd ancillary-service payments
 * @param minerCurtailedEnergyMwh miner energy not drawn (full power minus drawn)
 * @param aiCloudUptimeFraction GPU cloud energy / energy at full power
 * @param minerEnergyCostUsd miners' share of the energy cost
 * @param miningOpexUsd site cash opex allocated to mining by energy share
 * @param minerDepreciationUsd depreciation of the mining machines over the dispatched hours
 * @param cashCostPerBtcUsd (miner energy cost + mining opex) / BTC
 * @param allInCostPerBtcUsd (miner energy cost + mining opex + depreciation) / BTC
 * @param siteOpexUsd site cash opex over the dispatched hours
 * @param netAfterOpexUsd net minus site opex
 * @param averagePriceUsdPerMwh time-weighted mean real-time price over dispatched intervals
 * @param averageHashpriceUsdPerPhDay time-weighted mean hashprice over dispatched intervals
 * @param loads totals per load
 * @param transmissionChargeUsd 4CP transmission charge set by this run's peaks (0 without a 4CP tariff); already
 *     subtracted from {@code netUsd}
 * @param coincidentPeakTagMw the site's 4CP tag: grid import summed over the peak intervals / 4
 */
public record DispatchSummary(
        int intervals,
        int missingIntervals,
        double energyImportedMwh,
        double energyExportedMwh,
        double minerEnergyMwh,
        double btcMined,
        double revenueMiningUsd,
        double revenueAiCloudUsd,
        double revenueColocationUsd,
        double revenueExportUsd,
        double powerCostUsd,
        double netUsd,
        double minerUptimeFraction,
        double energyCostPerBtcUsd,
        String policy,
        String startUtc,
        String endUtc,
        long stepMinutes,
        int missingPriceIntervals,
        int missingBitcoinIntervals,
        int missingGenerationIntervals,
        double energyGeneratedMwh,
        double energySpilledMwh,
        double aiCloudEnergyMwh,
        double colocationEnergyMwh,
        double totalLoadEnergyMwh,
        double revenuePpaSellbackUsd,
        double ppaEnergySoldBackMwh,
        double revenueAncillaryUsd,
        double minerCurtailedEnergyMwh,
        double aiCloudUptimeFraction,
        double minerEnergyCostUsd,
        double miningOpexUsd,
        double minerDepreciationUsd,
        double cashCostPerBtcUsd,
        double allInCostPerBtcUsd,
        double siteOpexUsd,
        double netAfterOpexUsd,
        double averagePriceUsdPerMwh,
        double averageHashpriceUsdPerPhDay,
        List<LoadSummary> loads,
        double transmissionChargeUsd,
        double coincidentPeakTagMw) {

    public DispatchSummary {
        loads = List.copyOf(loads);
    }
}
