package io.minerai.portfolio;

import io.minerai.planning.PlanReader;
import io.minerai.planning.engine.BtcReturns;
import io.minerai.planning.model.BitcoinPlan;
import io.minerai.planning.model.MiningPlan;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.RiskMeasure;
import io.minerai.planning.model.SitePlan;
import io.minerai.planning.model.Uncertainty;
import io.minerai.portfolio.engine.Plans;
import io.minerai.portfolio.engine.SiteModel;
import io.minerai.portfolio.engine.SiteModels;
import io.minerai.portfolio.model.Company;
import io.minerai.portfolio.model.CorporateDebt;
import io.minerai.portfolio.model.Equity;
import io.minerai.portfolio.model.FleetMoves;
import io.minerai.portfolio.model.Portfolio;
import io.minerai.portfolio.model.SiteDispatch;
import io.minerai.portfolio.model.SiteEntry;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Sites small enough to check on paper. Every figure here is SYNTHETIC (made up for tests), never market data: flat
 * power prices, a Bitcoin network without drift or noise, no tax, no terminal value.
 */
public final class PaperSites {
    private PaperSites() {}

    public static final YearMonth START = YearMonth.of(2026, 1);
    /** Block height of the 2028 halving: the subsidy is 1.5625 BTC for the next 210,000 blocks (about 48 months). */
    public static final long HEIGHT = 1_050_000;

    public static final BitcoinPlan BTC = new BitcoinPlan(100_000, 0, 1_000, 0, 0, 0.02, HEIGHT);

    /** No randomness at all: every path is the deterministic deck. */
    public static Uncertainty deterministic(int paths) {
        return new Uncertainty(paths, 3, 0, 30, LocalDate.of(2018, 1, 1), 0, 0, 0, false, 4, false);
    }

    /** Randomness from SYNTHETIC returns: BTC volatility, hashrate noise, fees. */
    public static Uncertainty random(int paths, long seed) {
        return new Uncertainty(paths, seed, 1, 10, LocalDate.of(2018, 1, 1), 0.03, 0.2, 0.05, true, 4, true);
    }

    /** SYNTHETIC daily BTC log-returns: normal, 3.5 %/day, seeded. */
    public static BtcReturns syntheticReturns(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[1500];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.035 * r.nextGaussian();
        }
        return new BtcReturns("SYNTHETIC normal 3.5 %/day", x);
    }

    /**
     * A site plan (SYNTHETIC): a hall of {@code itMw} MW (air, PUE 1.0, no cooling capex) built over months 0-1 at $1 M
     * per MW, ready in month 2 and leased from then for 22 months at {@code rentUsdPerKwMonth} (NOI margin 1, no
     * escalator, no default); strategies {@code idle} (nothing) and {@code lease}; fleet {@code fleetEh} EH/s at 20
     * J/TH.
     */
    public static String leasePlan(double itMw, double rentUsdPerKwMonth, double fleetEh) {
        return """
                plan:
                  name: paper
                  start: 2026-01
                  horizonMonths: 48
                  site: {name: paper, gridMw: 100}
                  power: {source: deck, usdPerMwh: 40}
                  bitcoin: {startPriceUsdPerBtc: 100000, startNetworkHashrateEhPerS: 1000, startBlockHeight: 1050000}
                  mining: {hashrateEhPerS: %s, efficiencyJPerTh: 20, pue: 1.0}
                  cooling:
                    air: {pue: 1.0, capexUsdPerMwIt: 0}
                  halls:
                    - {name: h, criticalItMw: %s, cooling: air, startMonth: 0, leadTimeMonths: 2, capexUsdPerMwCriticalIt: 1000000}
                  leases:
                    - {name: l, hall: h, criticalItMw: %s, usdPerKwMonth: %s, escalatorPerYear: 0, termMonths: 22,
                       startMonth: 2, noiMarginFraction: 1}
                  valuation: {discountRatePerYear: 0.12, taxRate: 0, terminalEbitdaMultiple: 0}
                  strategies:
                    - {name: idle}
                    - {name: lease, halls: [h], leases: [l]}
                """.formatted(fleetEh, itMw, itMw, rentUsdPerKwMonth);
    }

    /** The company: nothing shared (no cash, G&A, debt or budgets), expected NPV, fleet moves off. */
    public static Company company() {
        return new Company(
                0,
                0,
                List.of(),
                OptionalDouble.empty(),
                new Equity(1_000_000, 10),
                List.<CorporateDebt>of(),
                1.25,
                new FleetMoves(false, 0, 0),
                0.12,
                List.of(0, 12),
                RiskMeasure.EXPECTED,
                0.1,
                1);
    }

    public static Portfolio portfolio(Company c, Uncertainty u, int horizonMonths) {
        return new Portfolio("paper", "", START, horizonMonths, BTC, u, c, List.of(), List.of());
    }

    /**
     * A site from plan text: adapted to {@code p} (its grid, fleet and power given here: gridMw, the plan's own fleet,
     * a flat SYNTHETIC price).
     */
    public static SiteModel site(
            Portfolio p, String name, String planYaml, double gridMw, double usdPerMwh, String current, int ownedFrom) {
        return site(p, name, planYaml, gridMw, usdPerMwh, current, List.of(), ownedFrom);
    }

    /** As above, considering only {@code strategies} (empty = all). */
    public static SiteModel site(
            Portfolio p,
            String name,
            String planYaml,
            double gridMw,
            double usdPerMwh,
            String current,
            List<String> strategies,
            int ownedFrom) {
        Plan plan = PlanReader.parse(planYaml, "plan " + name);
        MiningPlan mining = plan.mining();
        Plan adapted = Plans.adapt(
                plan,
                p.startMonth(),
                p.horizonMonths(),
                p.bitcoin(),
                p.uncertainty(),
                p.company().discountRatePerYear(),
                new SitePlan(name, gridMw, 0, 0),
                mining,
                0);
        SiteEntry e = new SiteEntry(
                name,
                Path.of(name + ".yaml"),
                Path.of(name + "-plan.yaml"),
                current,
                strategies,
                0,
                SiteDispatch.MERIT_ORDER);
        return SiteModels.of(e, adapted, SiteModels.flat(usdPerMwh), syntheticReturns(7), ownedFrom);
    }

    /** Monthly discount factor of month t at 12 %/yr effective: 1.12^(-t/12). */
    public static double d(int t) {
        return Math.pow(1.12, -t / 12.0);
    }

    /**
     * NPV by hand of the {@code lease} strategy started {@code shift} months late, counted from month {@code from}: -$itMw/2
     * M in months shift and shift+1, then itMw x 1000 x rent a month for 22 months.
     */
    public static double leaseNpvByHand(double itMw, double rent, int shift, int from) {
        double v = 0;
        for (int t = from; t < 48; t++) {
            double cf = 0;
            if (t == shift || t == shift + 1) {
                cf -= itMw * 1e6 / 2;
            }
            if (t >= shift + 2 && t < shift + 24) {
                cf += itMw * 1000 * rent;
            }
            v += cf * d(t);
        }
        return v;
    }
}
