package io.minerai.dispatch;

import io.minerai.core.ai.AiEconomics;
import io.minerai.core.bitcoin.CostPerBtc;
import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.site.ColocationLease;
import io.minerai.core.site.GpuCloud;
import io.minerai.core.site.Load;
import io.minerai.core.site.MinerFleet;
import io.minerai.core.site.Ppa;
import io.minerai.core.site.Site;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a {@link Dispatch} into money, the same way for every policy.
 *
 * <ul>
 *   <li>Mining: BTC = x x count x TH/s x BTC per TH/s-day x (1 - pool fee) x h / 24, valued at the day's BTC price.
 *   <li>GPU cloud: x x GPUs x $/GPU-h x utilisation x h. Colocation: rent accrues by the hour within each UTC month,
 *       plus the energy cost of pass-through tenants.
 *   <li>Power cost without a PPA: import x (p + adders) x h. With a PPA of Q MW at K $/MWh: Q x K x h + max(import -
 *       Q, 0) x p x h + import x adders x h; PPA energy not used, max(Q - import, 0) x h, is sold back at p.
 *   <li>Export: export x p x h.
 *   <li>Energy cost attributed to each load (for cost per BTC and pass-through): the interval's average cost per MWh
 *       consumed = (import x (p + adders) + own generation used that could have been exported x max(p, 0)) / total
 *       load. Own generation is valued at what exporting it would have earned; PPA hedge gains and losses and
 *       sell-back credits are not attributed (they show as their own streams).
 *   <li>Ancillary services: MW offered of each product x its day-ahead clearing price ($/MW-h) x h; a missing price
 *       pays nothing. Deferrable GPU jobs: power x h x their value per MWh, counted as GPU cloud revenue and energy.
 *   <li>4CP (when {@link SettlementTerms} has one): import in each peak interval x 1000 x tariff / 4, see {@link
 *       CoincidentPeakCharge}.
 * </ul>
 */
public final class Settlement {
    private Settlement() {}

    /** Settles a dispatch and sums it up, energy only (no 4CP charge). */
    public static DispatchResult settle(Site site, ScenarioInputs inputs, Dispatch dispatch) {
        return settle(site, inputs, dispatch, SettlementTerms.NONE);
    }

    /** Settles a dispatch under the given terms (4CP) and sums it up. */
    public static DispatchResult settle(Site site, ScenarioInputs inputs, Dispatch dispatch, SettlementTerms terms) {
        TimeGrid grid = dispatch.grid();
        terms.coincidentPeak().ifPresent(c -> c.requireGrid(grid));
        int n = grid.count();
        double h = grid.stepHours();
        List<Load> loads = site.loads();
        int nl = loads.size();
        double adders = site.grid().totalAdderUsdPerMwh();
        double exportCap = site.grid().effectiveExportCapMw();
        Optional<Ppa> ppa = site.ppa();
        TimeSeries btcPerThDay = inputs.btcPerThDay();
        TimeSeries btcPrice = inputs.btcPriceUsd();

        double[] price = new double[n];
        double[] hashPh = new double[n];
        double[] mining = new double[n];
        double[] ai = new double[n];
        double[] colo = new double[n];
        double[] export = new double[n];
        double[] sellback = new double[n];
        double[] ancillary = new double[n];
        double[] power = new double[n];
        double[] btc = new double[n];
        double[] minerCost = new double[n];
        double[] avgCost = new double[n];
        double[] transmission = new double[n];
        ReserveOffers reserves = dispatch.reserves();
        List<TimeSeries> reservePrices = new ArrayList<>();
        for (String product : reserves.products()) {
            TimeSeries ps = inputs.ancillaryPricesUsdPerMwH().get(product);
            reservePrices.add(
                    ps == null ? TimeSeries.builder(product, "USD/MW-h", grid).build() : ps);
        }
        DeferrableWork jobs = dispatch.deferrable();
        double jobEnergy = 0;
        double jobFullEnergy = 0;
        double tagMw = 0;

        double[] loadEnergy = new double[nl];
        double[] loadFullEnergy = new double[nl];
        double[] loadRevenue = new double[nl];
        double[] loadCost = new double[nl];
        double[] loadBtc = new double[nl];
        double ppaSoldMwh = 0;
        double genMwh = 0;
        double spillMwh = 0;
        double importMwh = 0;
        double exportMwh = 0;
        double priceHours = 0;
        double hashHours = 0;
        double dispatchedHours = 0;
        double monthsFraction = 0;
        double depreciation = 0;

        for (int t = 0; t < n; t++) {
            if (!dispatch.dispatched()[t]) {
                continue;
            }
            double p = inputs.priceUsdPerMwh().value(t);
            double bpt = btcPerThDay.value(t);
            double bp = btcPrice.value(t);
            price[t] = p;
            hashPh[t] = bpt * bp * 1000.0;
            double imp = dispatch.importMw()[t];
            double exp = dispatch.exportMw()[t];
            double gen = dispatch.generationMw()[t];
            double spill = dispatch.spillMw()[t];
            double genUsed = gen - exp - spill;
            double totalLoad = dispatch.totalLoadMw(t);
            double exportableUnused = Math.max(0, Math.min(genUsed, exportCap - exp));
            double supplyCost = imp * (p + adders) + (p > 0 ? exportableUnused * p : 0);
            double cbar = totalLoad > 1e-12 ? supplyCost / totalLoad : 0;
            avgCost[t] = cbar;
            for (int l = 0; l < nl; l++) {
                Load load = loads.get(l);
                double x = dispatch.fraction(t, l);
                double mw = x * load.facilityPowerMw();
                double e = mw * h;
                loadEnergy[l] += e;
                loadFullEnergy[l] += load.facilityPowerMw() * h;
                double cost = e * cbar;
                loadCost[l] += cost;
                switch (load) {
                    case MinerFleet f -> {
                        double b = x * f.fleetHashrateThPerS() * bpt * (1 - f.poolFeeFraction()) * h / 24.0;
                        btc[t] += b;
                        loadBtc[l] += b;
                        mining[t] += b * bp;
                        loadRevenue[l] += b * bp;
                        minerCost[t] += cost;
                    }
                    case GpuCloud g -> {
                        double r = x * g.revenueUsdPerHour() * h;
                        ai[t] += r;
                        loadRevenue[l] += r;
                    }
                    case ColocationLease c -> {
                        double r = AiEconomics.colocationRentAccruedUsd(
                                c.criticalItMw(), c.priceUsdPerKwMonth(), grid.start(t), h);
                        if (c.energyPassThrough()) {
                            r += cost;
                        }
                        colo[t] += r;
                        loadRevenue[l] += r;
                    }
                }
            }
            for (int k = 0; k < reservePrices.size(); k++) {
                TimeSeries ps = reservePrices.get(k);
                if (!ps.isMissing(t)) {
                    ancillary[t] += reserves.offerMw(t, k) * ps.value(t) * h;
                }
            }
            for (int j = 0; j < jobs.jobs().size(); j++) {
                double mw = jobs.powerMw(t, j);
                ai[t] += mw * h * jobs.jobs().get(j).valueUsdPerMwh();
                jobEnergy += mw * h;
                jobFullEnergy += jobs.jobs().get(j).maxPowerMw() * h;
            }
            if (terms.coincidentPeak().isPresent()
                    && terms.coincidentPeak().get().isPeak(t)) {
                transmission[t] = imp * terms.coincidentPeak().get().usdPerMwInPeak();
                tagMw += imp / CoincidentPeakCharge.PEAKS_PER_TAG;
            }
            export[t] = exp * p * h;
            if (ppa.isPresent()) {
                double q = ppa.get().quantityMw();
                power[t] = q * ppa.get().priceUsdPerMwh() * h + Math.max(imp - q, 0) * p * h + imp * adders * h;
                double sold = Math.max(q - imp, 0) * h;
                sellback[t] = sold * p;
                ppaSoldMwh += sold;
            } else {
                power[t] = imp * (p + adders) * h;
            }
            genMwh += gen * h;
            spillMwh += spill * h;
            importMwh += imp * h;
            exportMwh += exp * h;
            priceHours += p * h;
            hashHours += hashPh[t] * h;
            dispatchedHours += h;
            monthsFraction += h / AiEconomics.hoursInUtcMonth(grid.start(t));
            for (MinerFleet f : site.minerFleets()) {
                depreciation += f.depreciationUsdPerHour() * h;
            }
        }
        DispatchLedger ledger = new DispatchLedger(
                dispatch,
                price,
                hashPh,
                mining,
                ai,
                colo,
                export,
                sellback,
                ancillary,
                power,
                btc,
                minerCost,
                avgCost,
                transmission);
        DispatchSummary summary = summarize(
                site,
                inputs,
                ledger,
                new Totals(
                        loadEnergy,
                        loadFullEnergy,
                        loadRevenue,
                        loadCost,
                        loadBtc,
                        ppaSoldMwh,
                        genMwh,
                        spillMwh,
                        importMwh,
                        exportMwh,
                        priceHours,
                        hashHours,
                        dispatchedHours,
                        monthsFraction,
                        depreciation,
                        jobEnergy,
                        jobFullEnergy,
                        tagMw));
        FiniteTotals.require(summary, ledger);
        return new DispatchResult(summary, ledger);
    }

    private record Totals(
            double[] loadEnergy,
            double[] loadFullEnergy,
            double[] loadRevenue,
            double[] loadCost,
            double[] loadBtc,
            double ppaSoldMwh,
            double genMwh,
            double spillMwh,
            double importMwh,
            double exportMwh,
            double priceHours,
            double hashHours,
            double dispatchedHours,
            double monthsFraction,
            double depreciation,
            double jobEnergy,
            double jobFullEnergy,
            double tagMw) {}

    private static DispatchSummary summarize(Site site, ScenarioInputs inputs, DispatchLedger ledger, Totals tt) {
        Dispatch d = ledger.dispatch();
        TimeGrid grid = d.grid();
        List<LoadInfo> infos = d.loads();
        double minerE = 0;
        double minerFull = 0;
        double aiE = 0;
        double aiFull = 0;
        double coloE = 0;
        double minerCost = 0;
        double btc = 0;
        List<LoadSummary> loadSummaries = new ArrayList<>();
        for (int l = 0; l < infos.size(); l++) {
            LoadInfo li = infos.get(l);
            switch (li.loadClass()) {
                case MINING -> {
                    minerE += tt.loadEnergy[l];
                    minerFull += tt.loadFullEnergy[l];
                    minerCost += tt.loadCost[l];
                    btc += tt.loadBtc[l];
                }
                case AI_CLOUD -> {
                    aiE += tt.loadEnergy[l];
                    aiFull += tt.loadFullEnergy[l];
                }
                case COLOCATION -> coloE += tt.loadEnergy[l];
            }
            loadSummaries.add(new LoadSummary(
                    li.name(),
                    li.loadClass(),
                    li.firm(),
                    li.maxPowerMw(),
                    tt.loadEnergy[l],
                    ratio(tt.loadEnergy[l], tt.loadFullEnergy[l]),
                    tt.loadRevenue[l],
                    tt.loadCost[l],
                    tt.loadBtc[l]));
        }
        aiE += tt.jobEnergy;
        aiFull += tt.jobFullEnergy;
        double totalE = minerE + aiE + coloE;
        double siteOpex =
                site.opex().fixedUsdPerMonth() * tt.monthsFraction + site.opex().variableUsdPerMwh() * totalE;
        double miningOpex = totalE > 0 ? siteOpex * minerE / totalE : 0;
        CostPerBtc cpb = CostPerBtc.of(btc, minerCost, miningOpex, tt.depreciation);
        int missing = grid.count() - d.dispatchedCount();
        int missingPrice = inputs.priceUsdPerMwh().missingCount();
        int missingBtc = 0;
        for (int t = 0; t < grid.count(); t++) {
            if (inputs.btcPerThDay().isMissing(t) || inputs.btcPriceUsd().isMissing(t)) {
                missingBtc++;
            }
        }
        int missingGen = 0;
        for (int t = 0; t < grid.count(); t++) {
            for (TimeSeries cf : inputs.generatorCapacityFactor()) {
                if (cf.isMissing(t)) {
                    missingGen++;
                    break;
                }
            }
        }
        double mining = sum(ledger.revenueMiningUsd());
        double ai = sum(ledger.revenueAiCloudUsd());
        double colo = sum(ledger.revenueColocationUsd());
        double exp = sum(ledger.revenueExportUsd());
        double sell = sum(ledger.revenuePpaSellbackUsd());
        double anc = sum(ledger.revenueAncillaryUsd());
        double power = sum(ledger.powerCostUsd());
        double transmission = sum(ledger.transmissionChargeUsd());
        double net = mining + ai + colo + exp + sell + anc - power - transmission;
        return new DispatchSummary(
                grid.count(),
                missing,
                tt.importMwh,
                tt.exportMwh,
                minerE,
                btc,
                mining,
                ai,
                colo,
                exp,
                power,
                net,
                ratio(minerE, minerFull),
                cpb.energyOnlyUsd(),
                d.policyName(),
                grid.startUtc().toString(),
                grid.endUtc().toString(),
                grid.step().toMinutes(),
                missingPrice,
                missingBtc,
                missingGen,
                tt.genMwh,
                tt.spillMwh,
                aiE,
                coloE,
                totalE,
                sell,
                tt.ppaSoldMwh,
                anc,
                minerFull - minerE,
                ratio(aiE, aiFull),
                minerCost,
                miningOpex,
                tt.depreciation,
                cpb.cashCostUsd(),
                cpb.allInUsd(),
                siteOpex,
                net - siteOpex,
                tt.dispatchedHours > 0 ? tt.priceHours / tt.dispatchedHours : Double.NaN,
                tt.dispatchedHours > 0 ? tt.hashHours / tt.dispatchedHours : Double.NaN,
                loadSummaries,
                transmission,
                tt.tagMw);
    }

    private static double ratio(double a, double b) {
        return b > 0 ? a / b : 0;
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }
}
