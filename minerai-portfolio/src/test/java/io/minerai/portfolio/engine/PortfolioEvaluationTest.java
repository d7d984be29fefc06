package io.minerai.portfolio.engine;

import static io.minerai.portfolio.PaperSites.d;
import static io.minerai.portfolio.PaperSites.leaseNpvByHand;
import static io.minerai.portfolio.PaperSites.leasePlan;
import static io.minerai.portfolio.PaperSites.site;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minerai.planning.model.RiskMeasure;
import io.minerai.portfolio.PaperSites;
import io.minerai.portfolio.model.Acquisition;
import io.minerai.portfolio.model.AcquisitionFinancing;
import io.minerai.portfolio.model.Company;
import io.minerai.portfolio.model.FleetMoves;
import io.minerai.portfolio.model.Portfolio;
import io.minerai.sweep.InProcessExecutor;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Hand-computed portfolios (every figure SYNTHETIC, see {@link PaperSites}). */
class PortfolioEvaluationTest {
    private static final PortfolioEvaluation.Listener QUIET = n -> {};

    static PortfolioEvaluation.Settings settings(int paths, int threads) {
        return new PortfolioEvaluation.Settings(paths, 3, false, new InProcessExecutor(threads));
    }

    static Company company(List<Double> budget, List<Integer> delays, FleetMoves fleet) {
        Company c = PaperSites.company();
        return new Company(
                c.cashUsd(),
                c.generalAdministrativeUsdPerMonth(),
                budget,
                OptionalDouble.empty(),
                c.equity(),
                c.debt(),
                c.minCorporateDscr(),
                fleet,
                c.discountRatePerYear(),
                delays,
                c.riskMeasure(),
                c.cvarAlpha(),
                c.maxBreachProbability());
    }

    private static void close(double expected, double actual) {
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)));
    }

    @Test
    void twoSitesSharingNothingAreWorthTheSumOfTheirNpvs() {
        Portfolio p = PaperSites.portfolio(
                company(List.of(), List.of(0), new FleetMoves(false, 0, 0)), PaperSites.deterministic(4), 48);
        SiteModel a = site(p, "a", leasePlan(10, 100, 0), 100, 40, "lease", 0);
        SiteModel b = site(p, "b", leasePlan(20, 150, 0), 100, 40, "lease", 0);
        PortfolioEvaluation.Result r = PortfolioEvaluation.run(p, List.of(a, b), List.of(), settings(4, 1), QUIET);
        double na = leaseNpvByHand(10, 100, 0, 0);
        double nb = leaseNpvByHand(20, 150, 0, 0);
        // by hand: -5 M in months 0 and 1, then 1 M a month for 22 months, at 1.12^(-t/12)
        assertEquals(9.632430e6, na, 1.0);
        close(na, r.candidates().get(0).get(0).meanNpvUsd());
        close(nb, r.candidates().get(1).get(0).meanNpvUsd());
        close(na + nb, r.current().summary().meanNpvUsd());
        for (double v : r.current().npvUsd()) {
            close(na + nb, v);
        }
        assertEquals(0, r.current().summary().breachProbability());
        assertEquals(0, r.current().summary().meanDilution());
    }

    @Test
    void onRandomPathsThePortfolioNpvIsThePathwiseSumWhenNothingIsShared() {
        Portfolio p = PaperSites.portfolio(
                company(List.of(), List.of(0), new FleetMoves(false, 0, 0)), PaperSites.random(12, 21), 36);
        SiteModel a = site(p, "a", leasePlan(10, 100, 0.3), 30, 35, "idle", 0);
        SiteModel b = site(p, "b", leasePlan(5, 140, 0.2), 20, 25, "lease", 0);
        PortfolioEvaluation.Result r = PortfolioEvaluation.run(p, List.of(a, b), List.of(), settings(12, 2), QUIET);
        double[] sa = r.candidates().get(0).get(0).npvUsd();
        double[] sb = r.candidates().get(1).get(0).npvUsd();
        for (int i = 0; i < 12; i++) {
            assertEquals(sa[i] + sb[i], r.current().npvUsd()[i], 0.0);
        }
        // the mining site's NPV does vary with the (synthetic) BTC paths
        assertTrue(sa[0] != sa[1]);
    }

    @Test
    void aCapexBudgetForcesALaterStartForTheSiteThatLosesLeastByWaiting() {
        List<Integer> delays = List.of(0, 12);
        Portfolio free = PaperSites.portfolio(
                company(List.of(), delays, new FleetMoves(false, 0, 0)), PaperSites.deterministic(2), 48);
        Portfolio tight = PaperSites.portfolio(
                company(List.of(15e6), delays, new FleetMoves(false, 0, 0)), PaperSites.deterministic(2), 48);
        for (Portfolio p : List.of(free, tight)) {
            SiteModel a = site(p, "a", leasePlan(10, 100, 0), 100, 40, "idle", 0);
            SiteModel b = site(p, "b", leasePlan(10, 150, 0), 100, 40, "idle", 0);
            PortfolioEvaluation.Result r = PortfolioEvaluation.run(p, List.of(a, b), List.of(), settings(2, 1), QUIET);
            var ra = r.recommendations().get(0);
            var rb = r.recommendations().get(1);
            assertEquals("lease", ra.chosen().candidate().strategy());
            assertEquals("lease", rb.chosen().candidate().strategy());
            assertEquals(0, rb.chosen().candidate().delayMonths());
            if (p == free) {
                assertEquals(0, ra.chosen().candidate().delayMonths());
                close(
                        leaseNpvByHand(10, 100, 0, 0) + leaseNpvByHand(10, 150, 0, 0),
                        r.chosen().summary().meanNpvUsd());
            } else {
                // both in year 1 would spend $20 M > $15 M: a (the smaller lease) waits a year
                assertEquals(12, ra.chosen().candidate().delayMonths());
                assertEquals(YearMonth.of(2027, 1), ra.startMonth().orElseThrow());
                double delayed = leaseNpvByHand(10, 100, 12, 0);
                close(d(12) * leaseNpvByHand(10, 100, 0, 0), delayed);
                close(
                        delayed + leaseNpvByHand(10, 150, 0, 0),
                        r.chosen().summary().meanNpvUsd());
                assertEquals(10e6, ra.chosen().facts().capexUsdByYear()[1], 1e-6);
            }
        }
    }

    /** Mining margin of {@code eh} EH/s at 20 J/TH in month t on the paper network, at {@code usdPerMwh}. */
    private static double miningMarginByHand(int t, double eh, double usdPerMwh) {
        int days = YearMonth.of(2026, 1).plusMonths(t).lengthOfMonth();
        double usdPerThDay = (1.5625 + 0.02) * 144 * 100_000 / 1_000e6;
        double revenue = eh * 1e6 * usdPerThDay * days;
        double power = eh * 20 * 24 * days * usdPerMwh; // MW = EH/s x J/TH
        return revenue - power;
    }

    @Test
    void aFleetMoveThatPaysIsMadeAndWorthItsMarginLessItsCost() {
        FleetMoves fleet = new FleetMoves(true, 50_000, 1);
        Portfolio p = PaperSites.portfolio(company(List.of(), List.of(0), fleet), PaperSites.deterministic(2), 36);
        // a: 10 MW of machines (0.5 EH/s at 20 J/TH) on a 10 MW grid; its lease hall takes all of it from month 0
        SiteModel a = site(p, "a", leasePlan(10, 100, 0.5), 10, 40, "lease", List.of("lease"), 0);
        // b: 10 MW of the same machines on a 30 MW grid at $20/MWh: 20 MW spare
        SiteModel b = site(p, "b", leasePlan(1, 100, 0.5), 30, 20, "idle", List.of("idle"), 0);
        PortfolioEvaluation.Result r = PortfolioEvaluation.run(p, List.of(a, b), List.of(), settings(2, 1), QUIET);
        assertEquals(1, r.moves().size());
        FleetMove m = r.moves().get(0).move();
        assertEquals("a", m.fromSite());
        assertEquals("b", m.toSite());
        assertEquals(0, m.leaveMonth());
        assertEquals(1, m.arriveMonth());
        assertEquals(10, m.machineMw(), 1e-9);
        assertEquals(500_000, m.costUsd(), 1e-6);
        double byHand = -500_000 * d(1);
        for (int t = 1; t < 36; t++) {
            byHand += miningMarginByHand(t, 0.5, 20) * d(t);
        }
        assertTrue(byHand > 0);
        close(byHand, r.moves().get(0).valueUsd());
        close(
                r.choice().result().summary().meanNpvUsd() + byHand,
                r.chosen().summary().meanNpvUsd());
        assertTrue(r.recommendations().get(1).chosen().candidate().moveIn().isPresent());
    }

    @Test
    void aFleetMoveThatDoesNotPayIsNotMade() {
        FleetMoves fleet = new FleetMoves(true, 5_000_000, 1);
        Portfolio p = PaperSites.portfolio(company(List.of(), List.of(0), fleet), PaperSites.deterministic(2), 36);
        SiteModel a = site(p, "a", leasePlan(10, 100, 0.5), 10, 40, "lease", List.of("lease"), 0);
        SiteModel b = site(p, "b", leasePlan(1, 100, 0.5), 30, 20, "idle", List.of("idle"), 0);
        PortfolioEvaluation.Result r = PortfolioEvaluation.run(p, List.of(a, b), List.of(), settings(2, 1), QUIET);
        assertTrue(r.moves().isEmpty());
        close(r.choice().result().summary().meanNpvUsd(), r.chosen().summary().meanNpvUsd());
    }

    @Test
    void anAcquisitionWithoutSynergiesIsWorthTheNpvOfItsSitesUnderTheCompanysFinancing() {
        Portfolio p = PaperSites.portfolio(
                company(List.of(), List.of(0), new FleetMoves(false, 0, 0)), PaperSites.deterministic(2), 48);
        SiteModel a = site(p, "a", leasePlan(10, 100, 0), 100, 40, "lease", 0);
        int k = 6; // closing 2026-07-15: the company owns the target's site from month 6
        SiteModel t = site(p, "t", leasePlan(10, 120, 0), 100, 40, "idle", k);
        Acquisition acq = new Acquisition(
                "target",
                List.of(),
                5e6,
                LocalDate.of(2026, 7, 15),
                new AcquisitionFinancing(1, 0, 0, 0.1, 60),
                0,
                RiskMeasure.EXPECTED);
        PortfolioEvaluation.Result r = PortfolioEvaluation.run(
                p, List.of(a), List.of(new PortfolioEvaluation.Target(acq, List.of(t), k)), settings(2, 1), QUIET);
        PortfolioEvaluation.AcquisitionValue v = r.acquisitions().get(0);
        // its lease starts at closing: the cash flows of months 6.. at the company's 12 %/yr
        double byHand = leaseNpvByHand(10, 120, k, k);
        close(d(k) * leaseNpvByHand(10, 120, 0, 0), byHand);
        close(byHand, v.valueWithoutSynergiesUsd());
        close(byHand, v.valueWithSynergiesUsd());
        assertEquals("lease", v.standalone().get(0).candidate().strategy());
        // paid in cash at closing: accretive while price x d(6) <= its value, i.e. price <= its NPV at closing
        double maxByHand = byHand / d(k);
        assertEquals(maxByHand, v.maxPriceUsd(), 1e-6 * maxByHand);
        assertTrue(v.atAsk().accretive());
        assertFalse(v.curve().get(v.curve().size() - 1).accretive());
    }

    @Test
    void resultsAreIdenticalForAnyNumberOfThreads() {
        Portfolio p = PaperSites.portfolio(
                company(List.of(25e6), List.of(0, 12), new FleetMoves(true, 50_000, 2)), PaperSites.random(10, 4), 36);
        SiteModel a = site(p, "a", leasePlan(10, 100, 0.3), 10, 35, "idle", 0);
        SiteModel b = site(p, "b", leasePlan(8, 140, 0.2), 30, 25, "idle", 0);
        PortfolioEvaluation.Result one = PortfolioEvaluation.run(p, List.of(a, b), List.of(), settings(10, 1), QUIET);
        PortfolioEvaluation.Result three = PortfolioEvaluation.run(p, List.of(a, b), List.of(), settings(10, 3), QUIET);
        assertArrayEquals(one.chosen().npvUsd(), three.chosen().npvUsd());
        assertArrayEquals(one.current().npvUsd(), three.current().npvUsd());
        assertArrayEquals(one.choice().index(), three.choice().index());
    }

    @Test
    void everySiteSeesTheSameBitcoinPathsCommonRandomNumbers() {
        Portfolio p = PaperSites.portfolio(
                company(List.of(), List.of(0), new FleetMoves(false, 0, 0)), PaperSites.random(5, 8), 36);
        SiteModel a = site(p, "a", leasePlan(10, 100, 0.3), 10, 35, "idle", 0);
        SiteModel b = site(p, "b", leasePlan(8, 140, 0.2), 30, 25, "lease", 0);
        SiteEvaluation ea = new SiteEvaluation(
                a, PortfolioEvaluation.candidates(a, 0, List.of(0), false).get(0));
        SiteEvaluation eb = new SiteEvaluation(
                b, PortfolioEvaluation.candidates(b, 1, List.of(0), false).get(0));
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(
                    ea.market().path(i).priceUsdPerBtc(), eb.market().path(i).priceUsdPerBtc());
            assertArrayEquals(
                    ea.market().path(i).networkHashrateThPerS(),
                    eb.market().path(i).networkHashrateThPerS());
            assertArrayEquals(
                    ea.market().path(i).feesBtcPerBlock(), eb.market().path(i).feesBtcPerBlock());
            assertEquals(
                    ea.market().path(i).gpuDeclineShiftPerYear(),
                    eb.market().path(i).gpuDeclineShiftPerYear());
        }
        assertTrue(
                ea.market().path(0).priceUsdPerBtc()[5] != ea.market().path(1).priceUsdPerBtc()[5]);
    }
}
