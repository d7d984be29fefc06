package io.minerai.portfolio.engine;

import io.minerai.planning.model.AsicPurchase;
import io.minerai.planning.model.BitcoinPlan;
import io.minerai.planning.model.Facility;
import io.minerai.planning.model.GpuContract;
import io.minerai.planning.model.Hall;
import io.minerai.planning.model.LeasePlan;
import io.minerai.planning.model.MiningPlan;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.PowerSource;
import io.minerai.planning.model.SitePlan;
import io.minerai.planning.model.StrategyPlan;
import io.minerai.planning.model.Uncertainty;
import io.minerai.planning.model.Valuation;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Copies of a site plan for the portfolio: adapted to the company, a strategy delayed, a fleet move added. */
public final class Plans {
    private Plans() {}

    /**
     * The plan on the portfolio's months, Bitcoin market, Monte Carlo and discount rate, with the site's grid and fleet
     * (from its scenario) and its power escalator; the power prices themselves come from the site's bank.
     */
    public static Plan adapt(
            Plan p,
            YearMonth start,
            int horizonMonths,
            BitcoinPlan bitcoin,
            Uncertainty uncertainty,
            double discountRatePerYear,
            SitePlan site,
            MiningPlan mining,
            double powerEscalatorPerYear) {
        Valuation v = p.valuation();
        return new Plan(
                p.name(),
                p.description(),
                start,
                horizonMonths,
                site,
                new PowerSource.Deck(0, powerEscalatorPerYear, 0),
                bitcoin,
                mining,
                p.cooling(),
                p.halls(),
                p.gpuClouds(),
                p.leases(),
                p.asicPurchases(),
                p.contracts(),
                p.financing(),
                new Valuation(discountRatePerYear, v.taxRate(), v.terminalEbitdaMultiple(), v.preMoneyEquityUsd()),
                p.strategies(),
                uncertainty,
                Optional.empty());
    }

    /** Whether a strategy has any dated block (a hall, an ASIC purchase, a term loan) that a delay would move. */
    public static boolean hasDatedBlocks(Plan p, StrategyPlan s) {
        if (!s.halls().isEmpty() || !s.asicPurchases().isEmpty()) {
            return true;
        }
        for (String f : s.facilities()) {
            if (p.facility(f).orElseThrow() instanceof Facility.TermLoan) {
                return true;
            }
        }
        return false;
    }

    /**
     * The plan with every dated block of strategy {@code s} moved {@code months} later: its halls' construction, its
     * leases' rent start, its ASIC purchases, its term loans' draws and its contracts' prepayments (GPUs follow their
     * halls, project finance its assets). Empty when a block would move past the horizon.
     */
    public static Optional<Plan> delayed(Plan p, StrategyPlan s, int months) {
        if (months == 0) {
            return Optional.of(p);
        }
        int h = p.horizonMonths();
        Set<String> halls = Set.copyOf(s.halls());
        Set<String> leases = Set.copyOf(s.leases());
        Set<String> asics = Set.copyOf(s.asicPurchases());
        Set<String> facilities = Set.copyOf(s.facilities());
        Set<String> contracts = Set.copyOf(s.contracts());
        List<Hall> newHalls = new ArrayList<>();
        for (Hall x : p.halls()) {
            if (halls.contains(x.name())) {
                if (x.startMonth() + months >= h) {
                    return Optional.empty();
                }
                x = new Hall(
                        x.name(),
                        x.criticalItMw(),
                        x.cooling(),
                        x.startMonth() + months,
                        x.leadTimeMonths(),
                        x.capexUsdPerMwCriticalIt(),
                        x.depreciationYears());
            }
            newHalls.add(x);
        }
        List<LeasePlan> newLeases = new ArrayList<>();
        for (LeasePlan l : p.leases()) {
            if (leases.contains(l.name())) {
                if (l.startMonth() + months >= h) {
                    return Optional.empty();
                }
                l = new LeasePlan(
                        l.name(),
                        l.hall(),
                        l.tenant(),
                        l.criticalItMw(),
                        l.usdPerKwMonth(),
                        l.escalatorPerYear(),
                        l.termMonths(),
                        l.startMonth() + months,
                        l.tenantCredit(),
                        l.annualDefaultProbability(),
                        l.backstopFraction(),
                        l.noiMarginFraction());
            }
            newLeases.add(l);
        }
        List<AsicPurchase> newAsics = new ArrayList<>();
        for (AsicPurchase a : p.asicPurchases()) {
            if (asics.contains(a.name())) {
                if (a.month() + months >= h) {
                    return Optional.empty();
                }
                a = new AsicPurchase(
                        a.name(),
                        a.month() + months,
                        a.hashrateEhPerS(),
                        a.usdPerTh(),
                        a.efficiencyJPerTh(),
                        a.depreciationYears());
            }
            newAsics.add(a);
        }
        List<Facility> newFacilities = new ArrayList<>();
        for (Facility f : p.financing().facilities()) {
            if (facilities.contains(f.name()) && f instanceof Facility.TermLoan t) {
                if (t.drawMonth() + months >= h) {
                    return Optional.empty();
                }
                f = new Facility.TermLoan(
                        t.name(),
                        t.amountUsd(),
                        t.drawMonth() + months,
                        t.ratePerYear(),
                        t.amortization(),
                        t.tenorMonths(),
                        t.interestOnlyMonths());
            }
            newFacilities.add(f);
        }
        List<GpuContract> newContracts = new ArrayList<>();
        for (GpuContract c : p.contracts()) {
            if (contracts.contains(c.name()) && c.prepaymentMonth().isPresent()) {
                int m = c.prepaymentMonth().get() + months;
                if (m >= h) {
                    return Optional.empty();
                }
                c = c.withPrepaymentMonth(Optional.of(m));
            }
            newContracts.add(c);
        }
        Plan out = new Plan(
                p.name(),
                p.description(),
                p.startMonth(),
                p.horizonMonths(),
                p.site(),
                p.power(),
                p.bitcoin(),
                p.mining(),
                p.cooling(),
                newHalls,
                p.gpuClouds(),
                newLeases,
                newAsics,
                newContracts,
                p.financing().withFacilities(newFacilities),
                p.valuation(),
                p.strategies(),
                p.uncertainty(),
                p.search());
        return Optional.of(out);
    }

    /**
     * The plan and strategy with miners moved in: an ASIC purchase of {@code hashrateEhPerS} at {@code efficiencyJPerTh}
     * hashing from {@code month}, whose capex is the move's cost.
     */
    public static Plan withMoveIn(
            Plan p, String name, int month, double hashrateEhPerS, double efficiencyJPerTh, double costUsd) {
        List<AsicPurchase> asics = new ArrayList<>(p.asicPurchases());
        double usdPerTh = hashrateEhPerS > 0 ? costUsd / (hashrateEhPerS * 1e6) : 0;
        asics.add(new AsicPurchase(name, month, hashrateEhPerS, usdPerTh, efficiencyJPerTh, 3.0));
        return new Plan(
                p.name(),
                p.description(),
                p.startMonth(),
                p.horizonMonths(),
                p.site(),
                p.power(),
                p.bitcoin(),
                p.mining(),
                p.cooling(),
                p.halls(),
                p.gpuClouds(),
                p.leases(),
                asics,
                p.contracts(),
                p.financing(),
                p.valuation(),
                p.strategies(),
                p.uncertainty(),
                p.search());
    }

    /** The strategy with one more ASIC purchase. */
    public static StrategyPlan withPurchase(StrategyPlan s, String purchase) {
        List<String> a = new ArrayList<>(s.asicPurchases());
        a.add(purchase);
        return new StrategyPlan(
                s.name(), s.description(), s.halls(), s.gpuClouds(), s.leases(), a, s.facilities(), s.contracts());
    }
}
