package io.minerai.core.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.minerai.core.ai.Cooling;
import io.minerai.core.ai.GpuWorkload;
import io.minerai.core.ai.PowerCapCurve;
import io.minerai.core.ai.PueCurve;
import io.minerai.core.site.AmbientTemperatureSource;
import io.minerai.core.site.ColocationLease;
import io.minerai.core.site.Generator;
import io.minerai.core.site.GpuCloud;
import io.minerai.core.site.Load;
import io.minerai.core.site.MinerFleet;
import io.minerai.core.site.ProfileSource;
import io.minerai.core.site.Site;
import io.minerai.core.site.TariffAdder;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a scenario back to the file format (YAML or JSON); reading the output gives an equal scenario. */
public final class ScenarioWriter {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ScenarioWriter() {}

    public static String toYaml(Scenario s) {
        try {
            return YAML.writeValueAsString(toMap(s));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toJson(Scenario s) {
        try {
            return JSON.writeValueAsString(toMap(s));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scenario as nested maps and lists in file-format field names. */
    public static Map<String, Object> toMap(Scenario s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("description", s.description());
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("start", s.period().startUtc().toString());
        period.put("end", s.period().endUtc().toString());
        period.put("step", s.period().step().toString());
        m.put("period", period);
        m.put("prices", prices(s.prices()));
        m.put("bitcoin", bitcoin(s.bitcoin()));
        m.put("site", site(s.site()));
        if (!s.sustainability().equals(SustainabilitySettings.DEFAULT)) {
            m.put("sustainability", sustainability(s.sustainability()));
        }
        if (!s.markets().equals(MarketPrograms.NONE)) {
            m.put("markets", markets(s.markets()));
        }
        if (!s.optimize().equals(OptimizeSettings.DEFAULT)) {
            m.put("optimize", optimize(s.optimize()));
        }
        if (s.market().declared()) {
            m.put("market", market(s.market()));
        }
        if (s.computePrecision() != io.minerai.core.ai.ComputePrecision.BF16_DENSE) {
            m.put("computePrecision", s.computePrecision().id());
        }
        return m;
    }

    private static Map<String, Object> markets(MarketPrograms mp) {
        Map<String, Object> m = new LinkedHashMap<>();
        mp.coincidentPeak().ifPresent(c -> {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("tariffUsdPerKwYear", c.tariffUsdPerKwYear());
            Map<String, Object> src = new LinkedHashMap<>();
            switch (c.peaks()) {
                case CoincidentPeakProgram.PeakSource.ErcotFuelMix e -> {
                    src.put("source", "ercot-fuel-mix");
                    src.put("year", e.year());
                }
                case CoincidentPeakProgram.PeakSource.Csv f -> {
                    src.put("source", "csv");
                    src.put("path", f.path());
                    src.put("timeColumn", f.timeColumn());
                    src.put("loadColumn", f.loadColumn());
                }
            }
            cm.put("peakSource", src);
            switch (c.rule()) {
                case CoincidentPeakProgram.PeakRule.Hindsight h -> cm.put("rule", "hindsight");
                case CoincidentPeakProgram.PeakRule.Alert a -> {
                    cm.put("rule", "alert");
                    cm.put("alertWithinFraction", a.withinFraction());
                }
            }
            if (c.variant() == CoincidentPeakProgram.Variant.TWELVE_CP) {
                cm.put("variant", "12cp");
            }
            if (c.minimumBillingMw() > 0) {
                cm.put("minimumBillingMw", c.minimumBillingMw());
            }
            m.put("coincidentPeak", cm);
        });
        mp.ancillary().ifPresent(a -> {
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("offerRrs", a.offerRrs());
            am.put("offerEcrs", a.offerEcrs());
            am.put("offerNonSpin", a.offerNonSpin());
            am.put("maxOfferFraction", a.maxOfferFraction());
            am.put("offerRegUp", a.offerRegUp());
            if (!a.otherProducts().isEmpty()) {
                am.put("otherProducts", String.join(", ", a.otherProducts()));
            }
            if (a.participation() == AncillaryProgram.Participation.CONTROLLABLE_LOAD_RESOURCE) {
                am.put("participation", "controllable-load-resource");
            }
            m.put("ancillary", am);
        });
        mp.demandReduction().ifPresent(d -> {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("firmServiceLevelMw", d.firmServiceLevelMw());
            dm.put("committedMw", d.committedMw());
            dm.put("availabilityUsdPerMwHour", d.availabilityUsdPerMwHour());
            dm.put("penaltyUsdPerMwh", d.penaltyUsdPerMwh());
            dm.put("noticeHours", d.noticeHours());
            dm.put(
                    "from",
                    d.from().atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toString());
            Map<String, Object> em = new LinkedHashMap<>();
            switch (d.events()) {
                case DemandReductionProgram.EventSource.Csv c -> {
                    em.put("source", "csv");
                    em.put("path", c.path());
                    em.put("startColumn", c.startColumn());
                    em.put("endColumn", c.endColumn());
                }
                case DemandReductionProgram.EventSource.PriceAtLeast p -> {
                    em.put("source", "price-at-least");
                    em.put("thresholdUsdPerMwh", p.thresholdUsdPerMwh());
                }
            }
            dm.put("events", em);
            m.put("demandReduction", dm);
        });
        mp.flexibleCompute().ifPresent(fc -> {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("committedMw", fc.committedMw());
            fm.put("firmLevelMw", fc.firmLevelMw());
            switch (fc.availability()) {
                case FlexibleComputeProgram.Availability.PerMwMonth a -> fm.put("availabilityUsdPerMwMonth", a.rate());
                case FlexibleComputeProgram.Availability.PerMwHour a -> fm.put("availabilityUsdPerMwHour", a.rate());
            }
            fm.put("clawbackFraction", fc.clawbackFraction());
            fm.put("noticeHours", fc.noticeHours());
            Map<String, Object> em = new LinkedHashMap<>();
            em.put("path", fc.events().path());
            em.put("startColumn", fc.events().startColumn());
            em.put("endColumn", fc.events().endColumn());
            fm.put("events", em);
            m.put("flexibleCompute", fm);
        });
        mp.capacityObligation().ifPresent(c -> {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("lda", c.lda());
            cm.put("scalingFactor", c.scalingFactor());
            if (c.peaks() instanceof CapacityObligationProgram.PeakHours.Listed l) {
                List<Map<String, Object>> hours = new ArrayList<>();
                for (java.time.Instant h : l.hoursUtc()) {
                    hours.add(Map.of("start", h.toString()));
                }
                cm.put("peakHours", hours);
            }
            m.put("capacityObligation", cm);
        });
        return m;
    }

    private static Map<String, Object> market(MarketSettings ms) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pack", ms.pack());
        ms.node().ifPresent(n -> m.put("node", n));
        m.put("rules", ms.rules());
        MarketSettings.MarketData d = ms.data();
        Map<String, Object> dm = new LinkedHashMap<>();
        d.prices().ifPresent(p -> dm.put("prices", dataSource(p)));
        d.dayAheadPrices().ifPresent(p -> dm.put("dayAheadPrices", dataSource(p)));
        d.systemLoad().ifPresent(p -> dm.put("systemLoad", dataSource(p)));
        if (!d.ancillaryPrices().isEmpty()) {
            dm.put("ancillaryPrices", productPrices(d.ancillaryPrices()));
        }
        if (!d.realTimeAncillaryPrices().isEmpty()) {
            dm.put("realTimeAncillaryPrices", productPrices(d.realTimeAncillaryPrices()));
        }
        if (!dm.isEmpty()) {
            m.put("data", dm);
        }
        ms.fx().ifPresent(fx -> {
            Map<String, Object> fm = new LinkedHashMap<>();
            switch (fx) {
                case MarketSettings.Fx.Constant c -> {
                    fm.put("source", "constant");
                    fm.put("usdPerUnit", c.usdPerUnit());
                }
                case MarketSettings.Fx.DailyCsv c -> {
                    fm.put("source", "daily-csv");
                    fm.put("path", c.path());
                    fm.put("dateColumn", c.dateColumn());
                    fm.put("rateColumn", c.rateColumn());
                }
            }
            m.put("fx", fm);
        });
        return m;
    }

    private static List<Map<String, Object>> productPrices(List<MarketSettings.ProductPrices> list) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (MarketSettings.ProductPrices p : list) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("product", p.product());
            pm.put("prices", dataSource(p.source()));
            out.add(pm);
        }
        return out;
    }

    private static Map<String, Object> dataSource(io.minerai.core.market.MarketDataSource src) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (src) {
            case io.minerai.core.market.MarketDataSource.Bundled b -> {
                m.put("source", "bundled");
                m.put("dataset", b.dataset());
            }
            case io.minerai.core.market.MarketDataSource.PublisherFile f -> {
                m.put("source", "publisher-file");
                m.put("path", f.path());
                m.put("format", f.format());
            }
            case io.minerai.core.market.MarketDataSource.Csv c -> {
                m.put("source", "csv");
                m.put("path", c.path());
                m.put("timeColumn", c.timeColumn());
                m.put("valueColumn", c.valueColumn());
                c.currency().ifPresent(v -> m.put("currency", v));
                m.put("zone", c.zone());
                m.put("convention", c.convention());
                m.put("step", c.step());
                c.timeFormat().ifPresent(v -> m.put("timeFormat", v));
            }
        }
        return m;
    }

    private static Map<String, Object> optimize(OptimizeSettings o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(
                "forecast",
                switch (o.forecast()) {
                    case PERFECT -> "perfect";
                    case DAY_AHEAD -> "day-ahead";
                    case PERSISTENCE -> "persistence";
                });
        m.put("windowHours", o.windowHours());
        m.put("commitHours", o.commitHours());
        m.put("solver", o.solver());
        List<Object> controls = new ArrayList<>();
        for (OptimizeSettings.FleetControl c : o.fleetControls()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("fleet", c.fleet());
            cm.put("blockCount", c.blockCount());
            cm.put("minOnIntervals", c.minOnIntervals());
            cm.put("minOffIntervals", c.minOffIntervals());
            cm.put("maxRestoreMwPerInterval", c.maxRestoreMwPerInterval());
            controls.add(cm);
        }
        m.put("fleetControls", controls);
        List<Object> jobs = new ArrayList<>();
        for (OptimizeSettings.GpuJob j : o.gpuJobs()) {
            Map<String, Object> jm = new LinkedHashMap<>();
            jm.put("name", j.name());
            jm.put("maxPowerMw", j.maxPowerMw());
            jm.put("energyMwh", j.energyMwh());
            jm.put("gpuHours", j.gpuHours());
            jm.put("facilityKwPerGpu", j.facilityKwPerGpu());
            jm.put("windowStart", j.windowStartUtc().toString());
            jm.put("deadline", j.deadlineUtc().toString());
            jm.put("valueUsdPerMwh", j.valueUsdPerMwh());
            jm.put("required", j.required());
            if (!j.gpuModel().isEmpty()) {
                jm.put("gpuModel", j.gpuModel());
            }
            jobs.add(jm);
        }
        m.put("gpuJobs", jobs);
        return m;
    }

    private static Map<String, Object> sustainability(SustainabilitySettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> g = new LinkedHashMap<>();
        switch (s.gridFactors()) {
            case SustainabilitySettings.GridFactorSource.ErcotFuelMix e -> {
                g.put("source", "ercot-fuel-mix");
                g.put("factorSet", e.factorSet());
                g.put("year", e.year());
            }
            case SustainabilitySettings.GridFactorSource.Csv c -> {
                g.put("source", "csv");
                g.put("path", c.path());
                g.put("timeColumn", c.timeColumn());
                g.put("valueColumn", c.valueColumn());
            }
        }
        m.put("gridFactors", g);
        Map<String, Object> mk = new LinkedHashMap<>();
        mk.put("ppaConveysEacs", s.market().ppaConveysEacs());
        mk.put("ppaKgCo2ePerMwh", s.market().ppaKgCo2ePerMwh());
        mk.put("recsMwh", s.market().recsMwh());
        s.market().residualMixKgCo2ePerMwh().ifPresent(v -> mk.put("residualMixKgCo2ePerMwh", v));
        m.put("market", mk);
        Map<String, Object> fl = new LinkedHashMap<>();
        fl.put("highPricePercentile", s.flexibility().highPricePercentile());
        s.flexibility().highPriceUsdPerMwh().ifPresent(v -> fl.put("highPriceUsdPerMwh", v));
        fl.put("highLoadPercentile", s.flexibility().highLoadPercentile());
        m.put("flexibility", fl);
        return m;
    }

    private static Map<String, Object> prices(PriceSource p) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (p) {
            case PriceSource.ErcotBundled e -> {
                m.put("source", "ercot-bundled");
                m.put("market", e.market());
            }
            case PriceSource.ErcotSppCsv e -> {
                m.put("source", "ercot-spp-csv");
                m.put("path", e.path());
            }
            case PriceSource.Csv c -> {
                m.put("source", "csv");
                m.put("path", c.path());
                m.put("timeColumn", c.timeColumn());
                m.put("valueColumn", c.valueColumn());
            }
            case PriceSource.Market mk -> m.put("source", "market");
        }
        return m;
    }

    private static Map<String, Object> bitcoin(BitcoinSource b) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (b) {
            case BitcoinSource.CoinMetricsBundled c -> m.put("source", "coinmetrics-bundled");
            case BitcoinSource.CoinMetricsCsv c -> {
                m.put("source", "coinmetrics-csv");
                m.put("path", c.path());
            }
        }
        return m;
    }

    private static Map<String, Object> site(Site site) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", site.name());
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("settlementPoint", site.grid().settlementPoint());
        g.put("importCapMw", site.grid().importCapMw());
        g.put("exportAllowed", site.grid().exportAllowed());
        g.put("exportCapMw", site.grid().exportCapMw());
        List<Object> adders = new ArrayList<>();
        for (TariffAdder a : site.grid().tariffAdders()) {
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("name", a.name());
            am.put("usdPerMwh", a.usdPerMwh());
            adders.add(am);
        }
        g.put("tariffAdders", adders);
        m.put("grid", g);
        List<Object> fleets = new ArrayList<>();
        for (MinerFleet f : site.minerFleets()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("name", f.name());
            fm.put("model", f.model());
            fm.put("unitCount", f.unitCount());
            fm.put("unitHashrateThPerS", f.unitHashrateThPerS());
            fm.put("unitPowerW", f.unitPowerW());
            fm.put("pue", f.pue());
            fm.put("poolFeeFraction", f.poolFeeFraction());
            fm.put("unitCapexUsd", f.unitCapexUsd());
            fm.put("depreciationYears", f.depreciationYears());
            cooling(f, fm);
            fleets.add(fm);
        }
        m.put("minerFleets", fleets);
        List<Object> gpus = new ArrayList<>();
        for (GpuCloud c : site.gpuClouds()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("name", c.name());
            cm.put("gpuModel", c.gpuModel());
            cm.put("gpuCount", c.gpuCount());
            cm.put("itKwPerGpu", c.itKwPerGpu());
            cm.put("pue", c.pue());
            cm.put("priceUsdPerGpuHour", c.priceUsdPerGpuHour());
            cm.put("utilizationFraction", c.utilizationFraction());
            cm.put("firm", c.firm());
            cm.put("cooling", c.cooling().id());
            if (c.capping().allowsCaps()) {
                cm.put("minPowerCapFraction", c.capping().minPowerFraction());
            }
            c.capping().curve().ifPresent(curve -> {
                List<Object> pts = new ArrayList<>();
                for (PowerCapCurve.Point q : curve.points()) {
                    Map<String, Object> pm = new LinkedHashMap<>();
                    pm.put("powerFraction", q.powerFraction());
                    pm.put("throughputFraction", q.throughputFraction());
                    pts.add(pm);
                }
                cm.put("powerCapCurve", pts);
            });
            switch (c.workload()) {
                case GpuWorkload.Rental r -> {}
                case GpuWorkload.Training t -> {
                    Map<String, Object> tm = new LinkedHashMap<>();
                    tm.put("checkpointIntervalMinutes", t.checkpointIntervalMinutes());
                    tm.put("checkpointWriteMinutes", t.checkpointWriteMinutes());
                    tm.put("restartMinutes", t.restartMinutes());
                    cm.put("training", tm);
                }
                case GpuWorkload.Inference i -> {
                    Map<String, Object> im = new LinkedHashMap<>();
                    im.put("committedFraction", i.committedFraction());
                    im.put("slaPenaltyUsdPerMwh", i.slaPenaltyUsdPerMwh());
                    cm.put("inference", im);
                }
            }
            if (c.contract().present()) {
                io.minerai.core.ai.GpuContract k = c.contract();
                Map<String, Object> km = new LinkedHashMap<>();
                km.put("contractedFraction", k.contractedFraction());
                km.put("curtailmentAllowanceHoursPerYear", k.curtailmentAllowanceHoursPerYear());
                switch (k.credit()) {
                    case io.minerai.core.ai.GpuContract.ServiceCredit.PerMwh r ->
                        km.put("serviceCreditUsdPerMwh", r.rate());
                    case io.minerai.core.ai.GpuContract.ServiceCredit.PerGpuHour r ->
                        km.put("serviceCreditUsdPerGpuHour", r.rate());
                }
                if (k.availabilitySla() > 0) {
                    km.put("availabilitySla", k.availabilitySla());
                }
                cm.put("contract", km);
            }
            c.pueCurve().ifPresent(curve -> cm.put("pueCurve", pueCurve(curve)));
            gpus.add(cm);
        }
        m.put("gpuClouds", gpus);
        List<Object> leases = new ArrayList<>();
        for (ColocationLease c : site.colocationLeases()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("name", c.name());
            cm.put("tenant", c.tenant());
            cm.put("criticalItMw", c.criticalItMw());
            cm.put("priceUsdPerKwMonth", c.priceUsdPerKwMonth());
            cm.put("pue", c.pue());
            cm.put("loadFactor", c.loadFactor());
            cm.put("energyPassThrough", c.energyPassThrough());
            cooling(c, cm);
            leases.add(cm);
        }
        m.put("colocationLeases", leases);
        List<Object> gens = new ArrayList<>();
        for (Generator gen : site.generators()) {
            Map<String, Object> gm = new LinkedHashMap<>();
            gm.put("name", gen.name());
            gm.put("kind", gen.kind().name().toLowerCase(Locale.ROOT));
            gm.put("nameplateMw", gen.nameplateMw());
            gm.put("profile", profile(gen.profile()));
            gens.add(gm);
        }
        m.put("generators", gens);
        site.ppa().ifPresent(p -> {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("quantityMw", p.quantityMw());
            pm.put("priceUsdPerMwh", p.priceUsdPerMwh());
            m.put("ppa", pm);
        });
        Map<String, Object> om = new LinkedHashMap<>();
        om.put("fixedUsdPerMonth", site.opex().fixedUsdPerMonth());
        om.put("variableUsdPerMwh", site.opex().variableUsdPerMwh());
        m.put("opex", om);
        site.ambientTemperature().ifPresent(a -> {
            Map<String, Object> am = new LinkedHashMap<>();
            switch (a) {
                case AmbientTemperatureSource.Csv c -> {
                    am.put("source", "csv");
                    am.put("path", c.path());
                    am.put("timeColumn", c.timeColumn());
                    am.put("valueColumn", c.valueColumn());
                    c.zone().ifPresent(z -> am.put("zone", z));
                }
            }
            m.put("ambientTemperature", am);
        });
        return m;
    }

    /** A miner fleet's or lease's cooling (written when not the default air) and PUE curve (the resolved table). */
    private static void cooling(Load load, Map<String, Object> m) {
        if (load.cooling() != Cooling.AIR) {
            m.put("cooling", load.cooling().id());
        }
        load.pueCurve().ifPresent(curve -> m.put("pueCurve", pueCurve(curve)));
    }

    private static List<Object> pueCurve(PueCurve curve) {
        List<Object> pts = new ArrayList<>();
        for (PueCurve.Point q : curve.points()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("temperatureC", q.temperatureC());
            pm.put("pue", q.pue());
            pts.add(pm);
        }
        return pts;
    }

    private static Map<String, Object> profile(ProfileSource p) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (p) {
            case ProfileSource.ErcotFuelShape e -> {
                m.put("source", "ercot-fuel-shape");
                m.put("fuel", e.fuel());
                m.put("peakCapacityFactor", e.peakCapacityFactor());
                m.put("year", e.year());
            }
            case ProfileSource.Csv c -> {
                m.put("source", "csv");
                m.put("path", c.path());
                m.put("timeColumn", c.timeColumn());
                m.put("column", c.column());
            }
            case ProfileSource.Constant c -> {
                m.put("source", "constant");
                m.put("capacityFactor", c.capacityFactor());
            }
        }
        return m;
    }
}
