package io.minerai.dispatch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The flat summary fields of earlier releases, in their order, computed from the nested {@link DispatchSummary}: the
 * JSON summary keeps writing them so people's scripts keep working. Stream totals appear under their {@link
 * io.minerai.dispatch.ledger.Stream#legacyName() legacy name} with costs positive; a stream the run did not have is 0.
 */
public final class LegacySummary {
    private LegacySummary() {}

    /** The flat fields by name, in the order of earlier releases. */
    public static Map<String, Object> fields(DispatchSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        DispatchSummary.EnergyTotals e = s.energy();
        DispatchSummary.BitcoinTotals b = s.bitcoin();
        m.put("intervals", s.run().intervals());
        m.put("missingIntervals", s.gaps().missingIntervals());
        m.put("energyImportedMwh", e.energyImportedMwh());
        m.put("energyExportedMwh", e.energyExportedMwh());
        m.put("minerEnergyMwh", e.minerEnergyMwh());
        m.put("btcMined", b.btcMined());
        m.put("revenueMiningUsd", legacy(s, "revenueMiningUsd"));
        m.put("revenueAiCloudUsd", legacy(s, "revenueAiCloudUsd"));
        m.put("revenueColocationUsd", legacy(s, "revenueColocationUsd"));
        m.put("revenueExportUsd", legacy(s, "revenueExportUsd"));
        m.put("powerCostUsd", legacy(s, "powerCostUsd"));
        m.put("netUsd", s.netUsd());
        m.put("minerUptimeFraction", b.minerUptimeFraction());
        m.put("energyCostPerBtcUsd", b.energyCostPerBtcUsd());
        m.put("policy", s.run().policy());
        m.put("startUtc", s.run().startUtc());
        m.put("endUtc", s.run().endUtc());
        m.put("stepMinutes", s.run().stepMinutes());
        m.put("missingPriceIntervals", s.gaps().missingPriceIntervals());
        m.put("missingBitcoinIntervals", s.gaps().missingBitcoinIntervals());
        m.put("missingGenerationIntervals", s.gaps().missingGenerationIntervals());
        m.put("energyGeneratedMwh", e.energyGeneratedMwh());
        m.put("energySpilledMwh", e.energySpilledMwh());
        m.put("aiCloudEnergyMwh", e.aiCloudEnergyMwh());
        m.put("colocationEnergyMwh", e.colocationEnergyMwh());
        m.put("totalLoadEnergyMwh", e.totalLoadEnergyMwh());
        m.put("revenuePpaSellbackUsd", legacy(s, "revenuePpaSellbackUsd"));
        m.put("ppaEnergySoldBackMwh", e.ppaEnergySoldBackMwh());
        m.put("revenueAncillaryUsd", legacy(s, "revenueAncillaryUsd"));
        m.put("minerCurtailedEnergyMwh", b.minerCurtailedEnergyMwh());
        m.put("aiCloudUptimeFraction", s.gpu().aiCloudUptimeFraction());
        m.put("minerEnergyCostUsd", b.minerEnergyCostUsd());
        m.put("miningOpexUsd", b.miningOpexUsd());
        m.put("minerDepreciationUsd", b.minerDepreciationUsd());
        m.put("cashCostPerBtcUsd", b.cashCostPerBtcUsd());
        m.put("allInCostPerBtcUsd", b.allInCostPerBtcUsd());
        m.put("siteOpexUsd", s.costs().siteOpexUsd());
        m.put("netAfterOpexUsd", s.costs().netAfterOpexUsd());
        m.put("averagePriceUsdPerMwh", s.averages().averagePriceUsdPerMwh());
        m.put("averageHashpriceUsdPerPhDay", s.averages().averageHashpriceUsdPerPhDay());
        m.put("loads", s.loads());
        m.put("transmissionChargeUsd", legacy(s, "transmissionChargeUsd"));
        double tag = s.programFact("ercot-4cp", "tagMw");
        m.put("coincidentPeakTagMw", Double.isNaN(tag) ? 0.0 : tag);
        return m;
    }

    /** A legacy money field: the total of the stream carrying that legacy name, costs positive; 0 without it. */
    public static double legacy(DispatchSummary s, String legacyName) {
        double v = 0;
        for (DispatchSummary.StreamTotal st : s.streams()) {
            if (st.stream().legacyName().filter(legacyName::equals).isPresent()) {
                v += st.stream().legacyValue(st.totalUsd());
            }
        }
        return v;
    }
}
