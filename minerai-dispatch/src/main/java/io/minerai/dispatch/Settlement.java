package io.minerai.dispatch;

import io.minerai.core.ai.AiEconomics;
import io.minerai.core.bitcoin.CostPerBtc;
import io.minerai.core.inputs.MarketInputs;
import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.site.MinerFleet;
import io.minerai.core.site.Site;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.dispatch.ledger.Ledger;
import io.minerai.dispatch.ledger.LedgerBuilder;
import io.minerai.dispatch.ledger.SettlementContext;
import io.minerai.dispatch.ledger.Settler;
import io.minerai.dispatch.ledger.Stream;
import io.minerai.dispatch.program.AncillaryCapacity;
import io.minerai.dispatch.program.AncillarySettler;
import io.minerai.dispatch.settle.AiCloudSettler;
import io.minerai.dispatch.settle.ColocationSettler;
import io.minerai.dispatch.settle.CoolingMeasures;
import io.minerai.dispatch.settle.MiningSettler;
import io.minerai.dispatch.settle.SiteMeasures;
import io.minerai.dispatch.settle.SupplySettlers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link Dispatch} into money, the same way for every policy: the site's settlers (mining, GPU cloud,
 * colocation, export, PPA sell-back, power cost; see their classes for the formulas) and the settlers of the market
 * programs in force ({@link SettlementTerms}) each fill their streams of the {@link Ledger}; the {@link
 * DispatchSummary} is the sum of the ledger plus site-level figures (opex, cost per BTC).
 *
 * <p>Ledger order: the site's measures, its revenue streams, the ancillary-service settler (day-ahead capacity
 * payments when the dispatch offers reserves and no program settles them otherwise), the power cost, then the other
 * programs in the order given.
 */
public final class Settlement {
    private Settlement() {}

    /** Settles a dispatch and sums it up, energy only (no programs). */
    public static DispatchResult settle(Site site, ScenarioInputs inputs, Dispatch dispatch) {
        return settle(site, inputs, dispatch, SettlementTerms.NONE);
    }

    /** Settles a dispatch under the given terms and sums it up. */
    public static DispatchResult settle(Site site, ScenarioInputs inputs, Dispatch dispatch, SettlementTerms terms) {
        List<Settler> settlers = settlers(site, inputs, dispatch, terms);
        SettlementContext context = new SettlementContext(site, inputs, dispatch);
        LedgerBuilder builder = new LedgerBuilder(dispatch, inputs.market(), settlers);
        for (Settler s : settlers) {
            s.settle(context, builder);
        }
        Ledger ledger = builder.build();
        DispatchSummary summary = summarize(site, inputs, ledger, builder);
        FiniteTotals.require(summary, ledger);
        return new DispatchResult(summary, ledger);
    }

    /** The settlers of a site's dispatch under the terms, in ledger order. */
    public static List<Settler> settlers(Site site, ScenarioInputs inputs, Dispatch dispatch, SettlementTerms terms) {
        List<Settler> out = new ArrayList<>();
        out.add(new SiteMeasures(dispatch.loads()));
        if (dispatch.pue().active()) {
            out.add(new CoolingMeasures());
        }
        out.add(new MiningSettler());
        out.add(new AiCloudSettler(site, dispatch.deferrable(), inputs.gpus().precision()));
        out.add(new ColocationSettler());
        out.add(new SupplySettlers.Export());
        out.add(new SupplySettlers.PpaSellback());
        boolean ancillary = false;
        for (Settler s : terms.programs()) {
            if (s instanceof AncillarySettler) {
                out.add(s);
                ancillary = true;
            }
        }
        if (!ancillary && !dispatch.reserves().products().isEmpty()) {
            out.add(new AncillaryCapacity(dispatch.reserves().products()));
        }
        out.add(new SupplySettlers.PowerCost());
        for (Settler s : terms.programs()) {
            if (!(s instanceof AncillarySettler)) {
                out.add(s);
            }
        }
        return out;
    }

    private static DispatchSummary summarize(Site site, ScenarioInputs inputs, Ledger ledger, LedgerBuilder b) {
        Dispatch d = ledger.dispatch();
        TimeGrid grid = d.grid();
        int n = grid.count();
        double h = grid.stepHours();
        List<LoadInfo> infos = d.loads();
        int nl = infos.size();
        double[] loadEnergy = new double[nl];
        double[] loadFullEnergy = new double[nl];
        double[] loadCost = new double[nl];
        double[] cbar = ledger.values(SiteMeasures.ENERGY_COST);
        double jobEnergy = 0;
        double jobFullEnergy = 0;
        double jobCost = 0;
        double genMwh = 0;
        double spillMwh = 0;
        double importMwh = 0;
        double exportMwh = 0;
        double ppaSoldMwh = 0;
        double priceHours = 0;
        double hashHours = 0;
        double dispatchedHours = 0;
        double monthsFraction = 0;
        double depreciation = 0;
        double ppaMw = site.ppa().map(p -> p.quantityMw()).orElse(Double.NaN);
        double[] price = ledger.values(SiteMeasures.PRICE);
        double[] hash = ledger.values(SiteMeasures.HASHPRICE);
        DeferrableWork jobs = d.deferrable();
        for (int t = 0; t < n; t++) {
            if (!d.dispatched()[t]) {
                continue;
            }
            for (int l = 0; l < nl; l++) {
                double e = d.loadMw(t, l) * h;
                loadEnergy[l] += e;
                loadFullEnergy[l] += d.fullLoadMw(t, l) * h;
                loadCost[l] += e * cbar[t];
            }
            for (int j = 0; j < jobs.jobs().size(); j++) {
                jobEnergy += jobs.powerMw(t, j) * h;
                jobCost += jobs.powerMw(t, j) * h * cbar[t];
                jobFullEnergy += jobs.jobs().get(j).maxPowerMw() * h;
            }
            double imp = d.importMw()[t];
            if (!Double.isNaN(ppaMw)) {
                ppaSoldMwh += Math.max(ppaMw - imp, 0) * h;
            }
            genMwh += d.generationMw()[t] * h;
            spillMwh += d.spillMw()[t] * h;
            importMwh += imp * h;
            exportMwh += d.exportMw()[t] * h;
            priceHours += price[t] * h;
            hashHours += hash[t] * h;
            dispatchedHours += h;
            monthsFraction += h / AiEconomics.hoursInUtcMonth(grid.start(t));
            for (MinerFleet f : site.minerFleets()) {
                depreciation += f.depreciationUsdPerHour() * h;
            }
        }
        double minerE = 0;
        double minerFull = 0;
        double aiE = 0;
        double aiFull = 0;
        double aiCost = jobCost;
        double coloE = 0;
        double minerCost = 0;
        double btc = 0;
        double[] loadRevenue = b.loadRevenueUsd();
        double[] loadBtc = b.loadBtc();
        List<LoadSummary> loadSummaries = new ArrayList<>();
        for (int l = 0; l < nl; l++) {
            LoadInfo li = infos.get(l);
            switch (li.loadClass()) {
                case MINING -> {
                    minerE += loadEnergy[l];
                    minerFull += loadFullEnergy[l];
                    minerCost += loadCost[l];
                    btc += loadBtc[l];
                }
                case AI_CLOUD -> {
                    aiE += loadEnergy[l];
                    aiFull += loadFullEnergy[l];
                    aiCost += loadCost[l];
                }
                case COLOCATION -> coloE += loadEnergy[l];
            }
            loadSummaries.add(new LoadSummary(
                    li.name(),
                    li.loadClass(),
                    li.firm(),
                    li.maxPowerMw(),
                    loadEnergy[l],
                    ratio(loadEnergy[l], loadFullEnergy[l]),
                    loadRevenue[l],
                    loadCost[l],
                    loadBtc[l]));
        }
        aiE += jobEnergy;
        aiFull += jobFullEnergy;
        double totalE = minerE + aiE + coloE;
        double siteOpex =
                site.opex().fixedUsdPerMonth() * monthsFraction + site.opex().variableUsdPerMwh() * totalE;
        double miningOpex = totalE > 0 ? siteOpex * minerE / totalE : 0;
        CostPerBtc cpb = CostPerBtc.of(btc, minerCost, miningOpex, depreciation);

        MarketInputs market = inputs.market();
        List<DispatchSummary.StreamTotal> streams = new ArrayList<>();
        double net = 0;
        for (Stream s : ledger.streams()) {
            double total = ledger.totalUsd(s);
            net += total;
            streams.add(new DispatchSummary.StreamTotal(s, total, inMarketCurrency(ledger.amounts(s), market)));
        }
        int missingBtc = 0;
        int missingGen = 0;
        for (int t = 0; t < n; t++) {
            if (inputs.btcPerThDay().isMissing(t) || inputs.btcPriceUsd().isMissing(t)) {
                missingBtc++;
            }
            for (TimeSeries cf : inputs.generatorCapacityFactor()) {
                if (cf.isMissing(t)) {
                    missingGen++;
                    break;
                }
            }
        }
        Map<String, Map<String, Double>> facts = b.facts();
        return new DispatchSummary(
                new DispatchSummary.RunInfo(
                        d.policyName(),
                        grid.startUtc().toString(),
                        grid.endUtc().toString(),
                        grid.step().toMinutes(),
                        n,
                        market.currency().getCurrencyCode(),
                        market.fxSource()),
                new DispatchSummary.Gaps(
                        n - d.dispatchedCount(), inputs.priceUsdPerMwh().missingCount(), missingBtc, missingGen),
                new DispatchSummary.EnergyTotals(
                        importMwh, exportMwh, genMwh, spillMwh, minerE, aiE, coloE, totalE, ppaSoldMwh),
                streams,
                net,
                new DispatchSummary.SiteCosts(siteOpex, net - siteOpex),
                new DispatchSummary.BitcoinTotals(
                        btc,
                        ratio(minerE, minerFull),
                        minerFull - minerE,
                        minerCost,
                        miningOpex,
                        depreciation,
                        cpb.energyOnlyUsd(),
                        cpb.cashCostUsd(),
                        cpb.allInUsd(),
                        minerE > 0 ? btc / minerE : Double.NaN),
                gpuTotals(ledger, inputs, ratio(aiE, aiFull), aiE, aiCost, minerE, btc),
                new DispatchSummary.Averages(
                        dispatchedHours > 0 ? priceHours / dispatchedHours : Double.NaN,
                        dispatchedHours > 0 ? hashHours / dispatchedHours : Double.NaN),
                facts,
                loadSummaries);
    }

    /** The GPU side's delivery from the ledger's compute measures and streams, beside BTC per MWh. */
    private static DispatchSummary.GpuTotals gpuTotals(
            Ledger ledger,
            ScenarioInputs inputs,
            double uptime,
            double aiMwh,
            double aiCostUsd,
            double minerMwh,
            double btc) {
        double gpuHours = sum(ledger.valuesOrZero(AiCloudSettler.GPU_HOURS_ID));
        double eflopH = sum(ledger.valuesOrZero(AiCloudSettler.COMPUTE_ID));
        double revenue = ledger.totalUsd(AiCloudSettler.AI_CLOUD.id())
                + ledger.totalUsd(AiCloudSettler.TRAINING_LOSS.id())
                + ledger.totalUsd(AiCloudSettler.SLA_PENALTY.id());
        return new DispatchSummary.GpuTotals(
                uptime,
                gpuHours,
                eflopH,
                inputs.gpus().precision().id(),
                ratio(gpuHours, aiMwh),
                ratio(eflopH, aiMwh),
                ratio(revenue, gpuHours),
                ratio(aiMwh * 1000.0, gpuHours),
                ratio(gpuHours, aiCostUsd),
                ratio(eflopH, aiCostUsd),
                minerMwh > 0 ? btc / minerMwh : 0);
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }

    private static double inMarketCurrency(double[] usd, MarketInputs market) {
        if (!market.converts()) {
            double s = 0;
            for (double v : usd) {
                s += v;
            }
            return s;
        }
        TimeSeries fx = market.usdPerMarketUnit();
        double s = 0;
        for (int t = 0; t < usd.length; t++) {
            if (usd[t] != 0) {
                s += usd[t] / fx.value(t);
            }
        }
        return s;
    }

    private static double ratio(double a, double b) {
        return b > 0 ? a / b : 0;
    }
}
