package io.minerai.sustainability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Machine-readable exports of a {@link SustainabilityResult}: a JSON summary (units in every field name), a CSV of
 * every interval and a CSV of months. The JSON carries the method notes in plain words so it can be read on its own.
 */
public final class SustainabilityExport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Plain-words label of the avoided-emissions figure; repeated wherever the figure appears. */
    public static final String AVOIDED_LABEL = "average-factor estimate, not marginal: curtailed MWh x the interval's"
            + " average grid factor; the plant that really stops is the marginal one, and the GHG Protocol does not"
            + " count avoided emissions in Scope 2, so this is reported apart from it";

    private SustainabilityExport() {}

    /** The summary as JSON. */
    public static String json(SustainabilityResult r) {
        try {
            return JSON.writeValueAsString(summary(r));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The summary as nested maps in export field names. */
    public static Map<String, Object> summary(SustainabilityResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("site", r.siteName());
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("startUtc", r.startUtc());
        period.put("endUtc", r.endUtc());
        period.put("stepMinutes", r.stepMinutes());
        period.put("intervals", r.intervals());
        period.put("dispatchedIntervals", r.dispatchedIntervals());
        m.put("period", period);

        Map<String, Object> method = new LinkedHashMap<>();
        method.put("gridFactors", r.factorDescription());
        method.put("factorBasis", r.factorBasis().name().toLowerCase(java.util.Locale.ROOT));
        method.put("factorCitation", r.factorCitation());
        method.put("factorFilledIntervals", r.factorFilledIntervals());
        method.put("meanGridFactorKgCo2ePerMwh", r.meanGridFactorKgCo2ePerMwh());
        method.put("notes", MethodNotes.of(r));
        m.put("method", method);

        SiteEnergy e = r.energy();
        Map<String, Object> energy = new LinkedHashMap<>();
        energy.put("consumptionMwh", r.renewable().consumptionMwh());
        energy.put("gridImportMwh", r.location().importMwh());
        energy.put("onSiteGenerationUsedMwh", SiteEnergy.sum(e.onSiteUsedMwh()));
        energy.put("exportMwh", SiteEnergy.sum(e.exportMwh()));
        energy.put("spillMwh", SiteEnergy.sum(e.spillMwh()));
        energy.put("miningMwh", SiteEnergy.sum(e.miningMwh()));
        energy.put("aiCloudMwh", SiteEnergy.sum(e.aiCloudMwh()));
        energy.put("colocationMwh", SiteEnergy.sum(e.colocationMwh()));
        energy.put("deferrableJobsMwh", SiteEnergy.sum(e.deferrableMwh()));
        m.put("energy", energy);

        Map<String, Object> scope2 = new LinkedHashMap<>();
        LocationBased loc = r.location();
        Map<String, Object> lm = new LinkedHashMap<>();
        lm.put("emissionsTCo2e", loc.emissionsTCo2e());
        lm.put("gridImportMwh", loc.importMwh());
        lm.put("importWeightedFactorKgCo2ePerMwh", loc.importWeightedFactorKgCo2ePerMwh());
        lm.put("miningTCo2e", loc.miningTCo2e());
        lm.put("aiCloudTCo2e", loc.aiCloudTCo2e());
        lm.put("colocationTCo2e", loc.colocationTCo2e());
        scope2.put("locationBased", lm);
        MarketBased mk = r.market();
        Map<String, Object> mm = new LinkedHashMap<>();
        mm.put("emissionsTCo2e", mk.emissionsTCo2e());
        mm.put("gridImportMwh", mk.importMwh());
        mm.put("ppaCertificatesMwh", mk.ppaEacMwh());
        mm.put("ppaCertificatesAppliedMwh", mk.ppaAppliedMwh());
        mm.put("recsMwh", mk.recsMwh());
        mm.put("recsAppliedMwh", mk.recsAppliedMwh());
        mm.put("uncoveredMwh", mk.uncoveredMwh());
        mm.put("residualFactorKgCo2ePerMwh", mk.residualFactorKgCo2ePerMwh());
        mm.put("residualMixGiven", mk.residualMixGiven());
        mm.put("unusedCertificatesMwh", mk.unusedInstrumentsMwh());
        mm.put("ppaIntervalMatchedMwh", mk.ppaIntervalMatchedMwh());
        scope2.put("marketBased", mm);
        m.put("scope2", scope2);

        RenewableShare rs = r.renewable();
        Map<String, Object> ren = new LinkedHashMap<>();
        ren.put("onSiteRenewableMwh", rs.onSiteRenewableMwh());
        ren.put("contractedRenewableMwh", rs.contractedRenewableMwh());
        ren.put("onSiteShare", rs.onSiteShare());
        ren.put("contractedShare", rs.contractedShare());
        ren.put("claimedShare", rs.claimedShare());
        ren.put("gridRenewableMwhInformationOnly", finiteOrNull(rs.gridRenewableMwh()));
        ren.put("gridShareInformationOnly", finiteOrNull(rs.gridShare()));
        m.put("renewable", ren);

        Intensity in = r.intensity();
        Map<String, Object> im = new LinkedHashMap<>();
        im.put("btcMined", in.btcMined());
        im.put("locationTCo2ePerBtc", in.locationTCo2ePerBtc());
        im.put("marketTCo2ePerBtc", in.marketTCo2ePerBtc());
        im.put("gpuHoursSold", in.gpuHoursSold());
        im.put("locationKgCo2ePerGpuHour", in.locationKgCo2ePerGpuHour());
        im.put("marketKgCo2ePerGpuHour", in.marketKgCo2ePerGpuHour());
        m.put("intensity", im);

        Flexibility f = r.flexibility();
        Map<String, Object> fm = new LinkedHashMap<>();
        fm.put("highPriceThresholdUsdPerMwh", f.highPriceThresholdUsdPerMwh());
        fm.put("highPriceThresholdSource", f.highPriceThresholdSource());
        fm.put("highPriceIntervals", f.highPriceIntervals());
        fm.put("highLoadAvailable", f.highLoadAvailable());
        fm.put("highLoadThresholdMw", finiteOrNull(f.highLoadThresholdMw()));
        fm.put("highLoadIntervals", f.highLoadIntervals());
        fm.put("curtailedMwh", f.curtailedMwh());
        fm.put("curtailedHours", f.curtailedHours());
        fm.put("curtailedHighPriceMwh", f.curtailedHighPriceMwh());
        fm.put("curtailedHighPriceHours", f.curtailedHighPriceHours());
        fm.put("curtailedHighLoadMwh", f.curtailedHighLoadMwh());
        fm.put("curtailedHighLoadHours", f.curtailedHighLoadHours());
        List<Object> peaks = new ArrayList<>();
        for (Flexibility.CoincidentPeak p : f.coincidentPeaks()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("month", p.month().toString());
            pm.put("peakStartUtc", p.peakUtc().toString());
            pm.put("intervalStartUtc", p.startUtc().toString());
            pm.put("systemNetGenerationMw", finiteOrNull(p.systemNetGenerationMw()));
            pm.put("dispatched", p.dispatched());
            pm.put("siteLoadMw", p.siteLoadMw());
            pm.put("loadRemovedMw", p.loadRemovedMw());
            peaks.add(pm);
        }
        fm.put("coincidentPeaksProxy", peaks);
        fm.put("meanLoadRemovedAtPeaksMw", f.meanLoadRemovedAtPeaksMw());
        fm.put("ancillaryRevenueUsd", f.ancillaryRevenueUsd());
        fm.put("reservesOfferedMwh", f.reservesOfferedMwh());
        Map<String, Object> avoided = new LinkedHashMap<>();
        avoided.put("tCo2e", f.avoidedTCo2eAverageFactor());
        avoided.put("highPriceTCo2e", f.avoidedHighPriceTCo2eAverageFactor());
        avoided.put("label", AVOIDED_LABEL);
        fm.put("avoidedEmissionsEstimate", avoided);
        m.put("flexibility", fm);

        List<Object> months = new ArrayList<>();
        for (MonthlyMix mo : r.months()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("month", mo.month().toString());
            x.put("consumptionMwh", mo.consumptionMwh());
            x.put("onSiteMwh", mo.onSiteMwh());
            Map<String, Object> byFuel = new LinkedHashMap<>();
            mo.gridByFuelMwh().forEach((fuel, v) -> byFuel.put(fuel.key() + "Mwh", v));
            x.put("gridByFuel", byFuel);
            x.put("gridUnspecifiedMwh", mo.gridUnspecifiedMwh());
            x.put("locationTCo2e", mo.locationTCo2e());
            x.put("meanGridFactorKgCo2ePerMwh", mo.meanGridFactorKgCo2ePerMwh());
            x.put("meanPriceUsdPerMwh", mo.meanPriceUsdPerMwh());
            months.add(x);
        }
        m.put("months", months);
        return m;
    }

    /** Header of {@link #intervalsCsv}. */
    public static final List<String> INTERVAL_COLUMNS = List.of(
            "interval_start_utc",
            "dispatched",
            "price_usd_per_mwh",
            "grid_factor_kg_co2e_per_mwh",
            "grid_factor_filled",
            "grid_import_mwh",
            "export_mwh",
            "on_site_used_mwh",
            "consumption_mwh",
            "mining_mwh",
            "ai_cloud_mwh",
            "colocation_mwh",
            "location_kg_co2e",
            "curtailed_mwh",
            "high_price",
            "high_load",
            "btc_mined",
            "gpu_hours_sold");

    /** One row per interval of the run; column names in the style of the backtest's intervals.csv. */
    public static String intervalsCsv(SustainabilityResult r) {
        SiteEnergy e = r.energy();
        double h = e.grid().stepHours();
        StringBuilder sb = new StringBuilder(e.size() * 160);
        sb.append(String.join(",", INTERVAL_COLUMNS)).append('\n');
        for (int t = 0; t < e.size(); t++) {
            boolean d = e.dispatched()[t];
            sb.append(e.grid().start(t)).append(',').append(d).append(',');
            if (d) {
                num(sb, e.priceUsdPerMwh()[t]);
                num(sb, r.factors().kgCo2ePerMwh()[t]);
                sb.append(r.factors().filled()[t]).append(',');
            } else {
                sb.append(",,,");
            }
            num(sb, e.importMwh()[t]);
            num(sb, e.exportMwh()[t]);
            num(sb, e.onSiteUsedMwh()[t]);
            num(sb, e.loadMwh()[t]);
            num(sb, e.miningMwh()[t]);
            num(sb, e.aiCloudMwh()[t]);
            num(sb, e.colocationMwh()[t]);
            num(sb, r.location().intervalKgCo2e()[t]);
            num(sb, e.curtailedMw()[t] * h);
            sb.append(r.flexibility().highPrice()[t]).append(',');
            sb.append(r.flexibility().highLoad()[t]).append(',');
            num(sb, e.btcMined()[t]);
            sb.append(plain(e.gpuHoursSold()[t])).append('\n');
        }
        return sb.toString();
    }

    /** One row per month: consumption, on-site and grid energy by fuel, emissions. */
    public static String monthsCsv(SustainabilityResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append("month,consumption_mwh,on_site_mwh");
        for (Fuel f : Fuel.values()) {
            if (f.isSource()) {
                sb.append(",grid_").append(f.key()).append("_mwh");
            }
        }
        sb.append(",grid_unspecified_mwh,location_t_co2e,mean_grid_factor_kg_co2e_per_mwh,mean_price_usd_per_mwh\n");
        for (MonthlyMix m : r.months()) {
            sb.append(m.month()).append(',');
            num(sb, m.consumptionMwh());
            num(sb, m.onSiteMwh());
            for (Fuel f : Fuel.values()) {
                if (f.isSource()) {
                    num(sb, m.gridByFuelMwh().getOrDefault(f, 0.0));
                }
            }
            num(sb, m.gridUnspecifiedMwh());
            num(sb, m.locationTCo2e());
            num(sb, m.meanGridFactorKgCo2ePerMwh());
            sb.append(plain(m.meanPriceUsdPerMwh())).append('\n');
        }
        return sb.toString();
    }

    private static void num(StringBuilder sb, double v) {
        sb.append(plain(v)).append(',');
    }

    /** Plain decimal notation, at most 6 decimals, no exponent, trailing zeros stripped. */
    static String plain(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        if (v == 0) {
            return "0";
        }
        return BigDecimal.valueOf(v)
                .setScale(6, java.math.RoundingMode.HALF_EVEN)
                .stripTrailingZeros()
                .toPlainString();
    }

    /** The value, or JSON null when it is not finite (e.g. unknown). */
    private static Object finiteOrNull(double v) {
        return Double.isFinite(v) ? (Object) v : com.fasterxml.jackson.databind.node.NullNode.getInstance();
    }
}
