package io.minerai.planning.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.planning.Fixtures;
import io.minerai.planning.PlanReader;
import io.minerai.planning.engine.CommonMarket;
import io.minerai.planning.engine.MarketData;
import io.minerai.planning.engine.StrategyPaths;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.Uncertainty;
import java.time.YearMonth;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The common-market entry point (issue 12: several sites on the same BTC, hashrate, fee and GPU paths). Data:
 * synthetic ({@link Fixtures}).
 */
class CommonMarketTest {
    private static final MarketData DATA = Fixtures.syntheticData();

    private static Plan volatilePlan(String power, long seed, int paths) {
        Plan base = PlanReader.parse(Fixtures.smallPlanYaml(power), "small");
        Uncertainty u = base.uncertainty();
        return base.withUncertainty(
                new Uncertainty(paths, seed, 1.0, 30, u.historyFrom(), 0.05, 0.5, 0.15, false, 8, true));
    }

    private static CommonMarket generatedFor(Plan p, int paths) {
        return CommonMarket.generate(
                p.bitcoin(), p.uncertainty(), DATA.btcReturns(), p.startMonth(), p.horizonMonths(), paths);
    }

    private static void assertIdentical(MonteCarloResult a, MonteCarloResult b) {
        for (int s = 0; s < a.paths().size(); s++) {
            StrategyPaths x = a.paths().get(s);
            StrategyPaths y = b.paths().get(s);
            assertThat(x.npvUsd()).as(x.strategy()).containsExactly(y.npvUsd());
            assertThat(x.irrPerYear()).containsExactly(y.irrPerYear());
            assertThat(x.minDscr()).containsExactly(y.minDscr());
            assertThat(x.unleveredNpvUsd()).containsExactly(y.unleveredNpvUsd());
            assertThat(x.peakEquityNeedUsd()).containsExactly(y.peakEquityNeedUsd());
        }
    }

    /**
     * A site whose power has one month per calendar month (a deck, or the pooled month) gets exactly its own run's
     * figures on a common market generated from its bitcoin section and uncertainty: the common market draws the
     * same numbers in the same order.
     */
    @Property(tries = 10)
    void aCommonMarketFromTheSitesOwnModelGivesItsOwnRun(
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 1, max = 60) int paths,
            @ForAll boolean deck,
            @ForAll @IntRange(min = 1, max = 3) int threads) {
        Plan p = volatilePlan(deck ? Fixtures.DECK : Fixtures.ERCOT, seed, paths);
        PlanSimulation sim = new PlanSimulation(p, DATA);
        MonteCarloResult own = sim.run(p.strategies(), paths, new RunSettings(1, 16, false, 0.1), n -> {});
        MonteCarloResult common =
                sim.run(p.strategies(), generatedFor(p, paths), new RunSettings(threads, 7, false, 0.1), n -> {});
        assertIdentical(common, own);
    }

    /**
     * Two sites with different power (a $40 deck and a $20 deck) on one common market see the same BTC paths: with
     * only power differing, the cheaper site's mining NPV is higher on every path (on independent paths it would not
     * be: a bad BTC path for the cheap site against a good one for the dear site).
     */
    @Test
    void twoSitesOnOneCommonMarketDifferOnlyByTheirOwnInputs() {
        Plan dear = volatilePlan("{source: deck, usdPerMwh: 40}", 9, 30);
        Plan cheap = volatilePlan("{source: deck, usdPerMwh: 20}", 9, 30);
        CommonMarket common = generatedFor(dear, 30);
        var mine = dear.strategies().subList(0, 1);
        double[] a = new PlanSimulation(dear, DATA)
                .run(mine, common, new RunSettings(1, 8, false, 0.1), n -> {})
                .paths()
                .get(0)
                .npvUsd();
        double[] b = new PlanSimulation(cheap, DATA)
                .run(mine, common, new RunSettings(2, 5, false, 0.1), n -> {})
                .paths()
                .get(0)
                .npvUsd();
        for (int i = 0; i < a.length; i++) {
            assertThat(b[i]).as("path " + i).isGreaterThan(a[i]);
        }
        // the paths are volatile: the NPVs spread far more than the sites' difference
        double spread =
                Arrays.stream(a).max().orElseThrow() - Arrays.stream(a).min().orElseThrow();
        assertThat(spread).isGreaterThan(b[0] - a[0]);
    }

    /** Supplied constant paths equal the plan's own deterministic market (no drift, no growth, no volatility). */
    @Test
    void suppliedPathsAreUsedAsGiven() {
        String yaml = Fixtures.smallPlanYaml(Fixtures.DECK)
                .replace(
                        "feesBtcPerBlock: 0.03",
                        "feesBtcPerBlock: 0.03\n    priceDriftPerYear: 0\n" + "    hashrateGrowthPerYear: 0");
        Plan read = PlanReader.parse(yaml, "flat");
        Plan p = read.withUncertainty(read.uncertainty().deterministic());
        int months = p.horizonMonths();
        int paths = 4;
        double[][] price = new double[paths][months];
        double[][] hashrate = new double[paths][months];
        double[][] fees = new double[paths][months];
        for (int i = 0; i < paths; i++) {
            Arrays.fill(price[i], 90_000);
            Arrays.fill(hashrate[i], 1100 * 1e6);
            Arrays.fill(fees[i], 0.03);
        }
        CommonMarket supplied = CommonMarket.of(p.startMonth(), price, hashrate, fees, new double[paths]);
        PlanSimulation sim = new PlanSimulation(p, DATA);
        MonteCarloResult r = sim.run(p.strategies(), supplied, new RunSettings(1, 256, false, 0.1), n -> {});
        MonteCarloResult det = sim.deterministicRun(p.strategies(), RunSettings.defaults());
        for (int s = 0; s < r.paths().size(); s++) {
            for (int i = 0; i < paths; i++) {
                assertThat(r.paths().get(s).npvUsd(i))
                        .as(r.paths().get(s).strategy())
                        .isEqualTo(det.paths().get(s).npvUsd(0));
            }
        }
    }

    @Test
    void badSuppliedPathsAreReportedWithPathAndMonth() {
        double[][] price = {{90_000, -1}, {90_000, 90_000}};
        double[][] hashrate = {{1e9, 1e9}, {1e9, 0}};
        double[][] fees = {{0.03, 0.03}, {Double.NaN, 0.03}};
        assertThatThrownBy(() -> CommonMarket.of(YearMonth.of(2026, 1), price, hashrate, fees, new double[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 problem(s)")
                .hasMessageContaining("path 0 month 1: BTC price -1.0 must be > 0")
                .hasMessageContaining("path 1 month 1: network hashrate 0.0 must be > 0")
                .hasMessageContaining("path 1 month 0: fees NaN must be >= 0");
    }

    @Test
    void aCommonMarketOfOtherMonthsIsRefused() {
        Plan p = volatilePlan(Fixtures.DECK, 1, 5);
        CommonMarket other = CommonMarket.generate(
                p.bitcoin(), p.uncertainty(), DATA.btcReturns(), YearMonth.of(2027, 1), p.horizonMonths(), 5);
        assertThatThrownBy(
                        () -> new PlanSimulation(p, DATA).run(p.strategies(), other, RunSettings.defaults(), n -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("60 months from 2027-01")
                .hasMessageContaining("60 months from 2026-01");
    }
}
