package io.minerai.planning.decision;

import io.minerai.planning.model.BitcoinPlan;
import io.minerai.planning.model.Facility;
import io.minerai.planning.model.GpuCloudPlan;
import io.minerai.planning.model.Hall;
import io.minerai.planning.model.LeasePlan;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.PowerSource;
import io.minerai.planning.model.Valuation;
import java.util.List;

/** Copies of a plan with one input changed, for sensitivities. Each returns a new plan; the input is not touched. */
public final class PlanTweaks {
    private PlanTweaks() {}

    /** BTC start price x factor. */
    public static Plan btcPrice(Plan p, double factor) {
        BitcoinPlan b = p.bitcoin();
        return p.withBitcoin(new BitcoinPlan(
                b.startPriceUsdPerBtc() * factor,
                b.priceDriftPerYear(),
                b.startNetworkHashrateEhPerS(),
                b.hashrateGrowthPerYear(),
                b.hashratePriceElasticity(),
                b.feesBtcPerBlock(),
                b.startBlockHeight()));
    }

    /** BTC price drift + delta per year. */
    public static Plan btcDrift(Plan p, double delta) {
        BitcoinPlan b = p.bitcoin();
        return p.withBitcoin(new BitcoinPlan(
                b.startPriceUsdPerBtc(),
                b.priceDriftPerYear() + delta,
                b.startNetworkHashrateEhPerS(),
                b.hashrateGrowthPerYear(),
                b.hashratePriceElasticity(),
                b.feesBtcPerBlock(),
                b.startBlockHeight()));
    }

    /** Network hashrate growth + delta per year. */
    public static Plan hashrateGrowth(Plan p, double delta) {
        BitcoinPlan b = p.bitcoin();
        return p.withBitcoin(new BitcoinPlan(
                b.startPriceUsdPerBtc(),
                b.priceDriftPerYear(),
                b.startNetworkHashrateEhPerS(),
                b.hashrateGrowthPerYear() + delta,
                b.hashratePriceElasticity(),
                b.feesBtcPerBlock(),
                b.startBlockHeight()));
    }

    /** Power adder + delta $/MWh (moves every hour's price by the same amount). */
    public static Plan powerAdder(Plan p, double deltaUsdPerMwh) {
        PowerSource s = switch (p.power()) {
            case PowerSource.Deck d ->
                new PowerSource.Deck(d.usdPerMwh(), d.escalatorPerYear(), d.adderUsdPerMwh() + deltaUsdPerMwh);
            case PowerSource.ErcotResampled e ->
                new PowerSource.ErcotResampled(
                        e.settlementPoint(), e.market(), e.escalatorPerYear(), e.adderUsdPerMwh() + deltaUsdPerMwh);
        };
        return p.withPower(s);
    }

    /** Every GPU cloud's rental price x factor. */
    public static Plan gpuPrice(Plan p, double factor) {
        return p.withBlocks(
                p.halls(),
                p.gpuClouds().stream()
                        .map(g -> gpu(g, g.priceUsdPerGpuHour() * factor, g.usdPerGpu()))
                        .toList(),
                p.leases(),
                p.financing());
    }

    /** Every GPU's all-in cost x factor. */
    public static Plan gpuCost(Plan p, double factor) {
        return p.withBlocks(
                p.halls(),
                p.gpuClouds().stream()
                        .map(g -> gpu(g, g.priceUsdPerGpuHour(), g.usdPerGpu() * factor))
                        .toList(),
                p.leases(),
                p.financing());
    }

    private static GpuCloudPlan gpu(GpuCloudPlan g, double price, double cost) {
        return g.withPrices(price, cost);
    }

    /** Every lease's rent x factor. */
    public static Plan leaseRate(Plan p, double factor) {
        List<LeasePlan> leases = p.leases().stream()
                .map(l -> new LeasePlan(
                        l.name(),
                        l.hall(),
                        l.tenant(),
                        l.criticalItMw(),
                        l.usdPerKwMonth() * factor,
                        l.escalatorPerYear(),
                        l.termMonths(),
                        l.startMonth(),
                        l.tenantCredit(),
                        l.annualDefaultProbability(),
                        l.backstopFraction(),
                        l.noiMarginFraction()))
                .toList();
        return p.withBlocks(p.halls(), p.gpuClouds(), leases, p.financing());
    }

    /** Every hall's capex per MW x factor. */
    public static Plan hallCapex(Plan p, double factor) {
        List<Hall> halls = p.halls().stream()
                .map(h -> new Hall(
                        h.name(),
                        h.criticalItMw(),
                        h.cooling(),
                        h.startMonth(),
                        h.leadTimeMonths(),
                        h.capexUsdPerMwCriticalIt() * factor,
                        h.depreciationYears()))
                .toList();
        return p.withBlocks(halls, p.gpuClouds(), p.leases(), p.financing());
    }

    /** Discount rate + delta. */
    public static Plan discountRate(Plan p, double delta) {
        Valuation v = p.valuation();
        return p.withValuation(new Valuation(
                Math.max(0, v.discountRatePerYear() + delta),
                v.taxRate(),
                v.terminalEbitdaMultiple(),
                v.preMoneyEquityUsd()));
    }

    /** Every facility's interest rate + delta. */
    public static Plan interestRate(Plan p, double delta) {
        List<Facility> fs = p.financing().facilities().stream()
                .map(f -> withRate(f, Math.max(0, f.ratePerYear() + delta)))
                .toList();
        return p.withBlocks(p.halls(), p.gpuClouds(), p.leases(), p.financing().withFacilities(fs));
    }

    static Facility withRate(Facility f, double rate) {
        return switch (f) {
            case Facility.TermLoan t ->
                new Facility.TermLoan(
                        t.name(),
                        t.amountUsd(),
                        t.drawMonth(),
                        rate,
                        t.amortization(),
                        t.tenorMonths(),
                        t.interestOnlyMonths());
            case Facility.ProjectFinance pf ->
                new Facility.ProjectFinance(
                        pf.name(),
                        pf.finances(),
                        pf.loanToCost(),
                        rate,
                        pf.amortization(),
                        pf.tenorMonths(),
                        pf.interestOnlyMonths());
            case Facility.LeaseBackedNotes n ->
                new Facility.LeaseBackedNotes(
                        n.name(),
                        n.lease(),
                        n.advanceFraction(),
                        rate,
                        n.amortization(),
                        n.tenorMonths(),
                        n.interestOnlyMonths());
            case Facility.ContractBacked cb ->
                new Facility.ContractBacked(
                        cb.name(),
                        cb.contract(),
                        cb.sizingDscr(),
                        cb.maxLoanToCost(),
                        rate,
                        cb.amortization(),
                        cb.tenorMonths(),
                        cb.interestOnlyMonths());
        };
    }

    /** Every project-finance loan-to-cost x factor (capped at 1), and term loan amounts x factor. */
    public static Plan leverage(Plan p, double factor) {
        List<Facility> fs = p.financing().facilities().stream()
                .<Facility>map(f -> switch (f) {
                    case Facility.TermLoan t ->
                        new Facility.TermLoan(
                                t.name(),
                                t.amountUsd() * factor,
                                t.drawMonth(),
                                t.ratePerYear(),
                                t.amortization(),
                                t.tenorMonths(),
                                t.interestOnlyMonths());
                    case Facility.ProjectFinance pf ->
                        new Facility.ProjectFinance(
                                pf.name(),
                                pf.finances(),
                                Math.min(1, pf.loanToCost() * factor),
                                pf.ratePerYear(),
                                pf.amortization(),
                                pf.tenorMonths(),
                                pf.interestOnlyMonths());
                    case Facility.LeaseBackedNotes n ->
                        new Facility.LeaseBackedNotes(
                                n.name(),
                                n.lease(),
                                Math.min(1, n.advanceFraction() * factor),
                                n.ratePerYear(),
                                n.amortization(),
                                n.tenorMonths(),
                                n.interestOnlyMonths());
                    case Facility.ContractBacked cb ->
                        new Facility.ContractBacked(
                                cb.name(),
                                cb.contract(),
                                cb.sizingDscr(),
                                Math.min(1, cb.maxLoanToCost() * factor),
                                cb.ratePerYear(),
                                cb.amortization(),
                                cb.tenorMonths(),
                                cb.interestOnlyMonths());
                })
                .toList();
        return p.withBlocks(p.halls(), p.gpuClouds(), p.leases(), p.financing().withFacilities(fs));
    }
}
