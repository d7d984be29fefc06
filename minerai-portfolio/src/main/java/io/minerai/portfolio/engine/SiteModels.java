package io.minerai.portfolio.engine;

import io.minerai.core.scenario.Scenario;
import io.minerai.core.site.MinerFleet;
import io.minerai.planning.engine.BtcReturns;
import io.minerai.planning.engine.PowerBank;
import io.minerai.planning.engine.PowerDay;
import io.minerai.planning.model.MiningPlan;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.SitePlan;
import io.minerai.planning.model.StrategyPlan;
import io.minerai.planning.model.Uncertainty;
import io.minerai.portfolio.LoadedSite;
import io.minerai.portfolio.model.Portfolio;
import io.minerai.portfolio.model.SiteEntry;
import java.util.ArrayList;
import java.util.List;

/** Builds a {@link SiteModel} from a site's scenario and plan. */
public final class SiteModels {
    private SiteModels() {}

    /**
     * The site on the portfolio's terms: the plan's grid and existing fleet are the scenario's (site.gridMw = the
     * import cap; the fleets' hashrate, MW-weighted efficiency, PUE and pool fee), its Bitcoin market, Monte Carlo,
     * months and discount rate the portfolio's, its power the given days' (from its dispatch).
     *
     * @param ownedFromMonth 0, or an acquisition's closing month
     */
    public static SiteModel of(
            LoadedSite site, Portfolio p, SiteModel.PowerInfo power, BtcReturns returns, int ownedFromMonth) {
        Scenario s = site.scenario();
        Plan plan = site.plan();
        double th = 0;
        double machineMw = 0;
        double facilityMw = 0;
        double poolFeeWeighted = 0;
        for (MinerFleet f : s.site().minerFleets()) {
            th += f.fleetHashrateThPerS();
            machineMw += f.itPowerMw();
            facilityMw += f.facilityPowerMw();
            poolFeeWeighted += f.poolFeeFraction() * f.itPowerMw();
        }
        MiningPlan old = plan.mining();
        MiningPlan mining = th > 0
                ? new MiningPlan(
                        th / 1e6,
                        machineMw * 1e6 / th,
                        facilityMw / machineMw,
                        poolFeeWeighted / machineMw,
                        old.opexUsdPerMwMonth(),
                        old.standbyOpexUsdPerMwMonth(),
                        old.bookValueUsd(),
                        old.remainingLifeMonths())
                : new MiningPlan(
                        0,
                        old.efficiencyJPerTh(),
                        old.pue(),
                        old.poolFeeFraction(),
                        old.opexUsdPerMwMonth(),
                        old.standbyOpexUsdPerMwMonth(),
                        old.bookValueUsd(),
                        old.remainingLifeMonths());
        SitePlan sitePlan = new SitePlan(
                site.name(),
                s.site().grid().importCapMw(),
                plan.site().siteOpexUsdPerMonth(),
                plan.site().overheadUsdPerMonth());
        Plan adapted = Plans.adapt(
                plan,
                p.startMonth(),
                p.horizonMonths(),
                p.bitcoin(),
                p.uncertainty(),
                p.company().discountRatePerYear(),
                sitePlan,
                mining,
                site.entry().powerEscalatorPerYear());
        return of(site.entry(), adapted, power, returns, ownedFromMonth);
    }

    /** A site from an already adapted plan (tests build these directly). */
    public static SiteModel of(
            SiteEntry entry, Plan adapted, SiteModel.PowerInfo power, BtcReturns returns, int ownedFromMonth) {
        List<StrategyPlan> strategies = new ArrayList<>();
        strategies.add(adapted.strategy(entry.currentStrategy()).orElseThrow());
        List<String> names = entry.strategies().isEmpty()
                ? adapted.strategies().stream().map(StrategyPlan::name).toList()
                : entry.strategies();
        for (String n : names) {
            if (!n.equals(entry.currentStrategy())) {
                strategies.add(adapted.strategy(n).orElseThrow());
            }
        }
        return new SiteModel(
                entry.name(),
                adapted,
                bank(power, adapted.uncertainty()),
                returns,
                entry.currentStrategy(),
                strategies,
                ownedFromMonth,
                power);
    }

    /**
     * The site's power bank: months resampled from its real days, or their pooled average month when the Monte Carlo
     * does not resample power. Every site's bank has the same number of entries per month, so every site draws the
     * same random numbers on a path.
     */
    public static PowerBank bank(SiteModel.PowerInfo power, Uncertainty u) {
        return u.powerResampling()
                ? PowerBank.resampled(power.label(), power.days(), u.powerBankMonths(), u.seed())
                : PowerBank.pooled(power.label(), power.days());
    }

    /**
     * Days at one flat price (labelled synthetic: for tests and for a site whose power is a stated flat price), one
     * per calendar month of a non-leap year.
     */
    public static SiteModel.PowerInfo flat(double usdPerMwh) {
        List<PowerDay> days = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            double[] h = new double[24];
            java.util.Arrays.fill(h, usdPerMwh);
            days.add(new PowerDay(java.time.LocalDate.of(2025, m, 1), h));
        }
        return new SiteModel.PowerInfo(
                "flat " + usdPerMwh + " $/MWh (synthetic)", days, usdPerMwh, java.util.Optional.empty());
    }
}
