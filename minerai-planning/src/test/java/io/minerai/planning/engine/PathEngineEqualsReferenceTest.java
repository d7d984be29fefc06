package io.minerai.planning.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.planning.Fixtures;
import io.minerai.planning.PlanReader;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.StrategyPlan;
import io.minerai.planning.model.Uncertainty;
import io.minerai.planning.montecarlo.MonteCarloResult;
import io.minerai.planning.montecarlo.PlanSimulation;
import io.minerai.planning.montecarlo.RunSettings;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The month-major {@link PathEngine} equals, bit for bit, the path-major engine it replaced ({@link
 * PathEngineReference}) on random plans, seeds, path counts and block sizes (blocks larger and smaller than a chunk):
 * every per-path outcome and the cumulative equity by month. Plans: the small fixture (mining, GPU cloud, lease with
 * tenant default, four kinds of facility), the contract fixture with customer defaults accelerating a contract-backed
 * loan, and the bundled default plan. Data: synthetic (labelled in {@link Fixtures}).
 */
class PathEngineEqualsReferenceTest {
    private static final MarketData DATA = Fixtures.syntheticData();

    private static Plan plan(int which, long seed, int paths) {
        Plan base = switch (which) {
            case 0 -> PlanReader.parse(Fixtures.smallPlanYaml(Fixtures.ERCOT), "small-ercot");
            case 1 -> PlanReader.parse(Fixtures.smallPlanYaml(Fixtures.DECK), "small-deck");
            case 2 ->
                PlanReader.parse(
                        Fixtures.contractPlanYaml(
                                ", refreshWith: g2", ", annualDefaultProbability: 0.25, backstopFraction: 0.3"),
                        "contract");
            default -> PlanReader.bundledDefault();
        };
        Uncertainty u = base.uncertainty();
        return base.withUncertainty(
                new Uncertainty(paths, seed, 1.0, 30, u.historyFrom(), 0.05, 0.5, 0.15, true, 8, true));
    }

    @Property(tries = 24)
    void monthMajorEngineEqualsThePathMajorReference(
            @ForAll @IntRange(min = 0, max = 3) int which,
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 1, max = 150) int paths,
            @ForAll @IntRange(min = 1, max = 140) int blockSize,
            @ForAll boolean keepCumulative) {
        Plan p = plan(which, seed, paths);
        PlanSimulation sim = new PlanSimulation(p, DATA);
        List<StrategySchedule> schedules = new ArrayList<>();
        for (StrategyPlan s : p.strategies()) {
            schedules.add(sim.compile(p, s));
        }
        MonteCarloResult fast =
                sim.runSchedules(schedules, paths, new RunSettings(1, blockSize, keepCumulative, 0.1), n -> {});

        List<StrategyPaths> ref = new ArrayList<>();
        for (StrategySchedule s : schedules) {
            ref.add(new StrategyPaths(s.name(), ref.isEmpty(), paths, sim.grid().months(), keepCumulative));
        }
        MarketModel market = sim.market();
        MarketBlock block = new MarketBlock(
                blockSize, sim.grid().months(), p.leases().size(), p.contracts().size());
        PathEngineReference engine = new PathEngineReference(sim.grid().months(), blockSize);
        for (int first = 0; first < paths; first += blockSize) {
            market.fill(block, first, Math.min(blockSize, paths - first));
            for (int s = 0; s < schedules.size(); s++) {
                engine.evaluate(schedules.get(s), market.bank(), block, first, ref.get(s), s == 0);
            }
        }
        for (int s = 0; s < schedules.size(); s++) {
            StrategyPaths a = fast.paths().get(s);
            StrategyPaths b = ref.get(s);
            String what = p.name() + " " + a.strategy();
            assertThat(a.npvUsd()).as(what + " NPV").containsExactly(b.npvUsd());
            assertThat(a.unleveredNpvUsd()).as(what + " unlevered NPV").containsExactly(b.unleveredNpvUsd());
            assertThat(a.irrPerYear()).as(what + " IRR").containsExactly(b.irrPerYear());
            assertThat(a.paybackMonth()).as(what + " payback").containsExactly(b.paybackMonth());
            assertThat(a.minDscr()).as(what + " min DSCR").containsExactly(b.minDscr());
            assertThat(a.peakEquityNeedUsd()).as(what + " peak equity").containsExactly(b.peakEquityNeedUsd());
            assertThat(a.pureEquityDilution()).as(what + " dilution").containsExactly(b.pureEquityDilution());
            assertThat(a.spotGpuRevenueUsd()).as(what + " spot GPU").containsExactly(b.spotGpuRevenueUsd());
            assertThat(a.contractRevenueUsd()).as(what + " contract").containsExactly(b.contractRevenueUsd());
            for (int i = 0; i < paths; i++) {
                assertThat(a.breached(i)).as(what + " breach " + i).isEqualTo(b.breached(i));
            }
            assertThat(a.cumulativeEquityUsd).as(what + " cumulative").containsExactly(b.cumulativeEquityUsd);
        }
    }
}
