package io.minerai.planning.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.planning.Fixtures;
import io.minerai.planning.PlanReader;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.PowerSource;
import io.minerai.planning.model.StrategyPlan;
import io.minerai.planning.montecarlo.MonteCarloResult;
import io.minerai.planning.montecarlo.PlanSimulation;
import io.minerai.planning.montecarlo.RunSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The search on the bundled plan with a flat deck and synthetic BTC returns (labelled synthetic). */
class AllocationSearchTest {
    private static Plan plan() {
        Plan p = PlanReader.bundledDefault();
        return p.withPower(new PowerSource.Deck(35, 0.02, 5))
                .withUncertainty(p.uncertainty().withPaths(300));
    }

    @Test
    void candidateEqualToAHandWrittenStrategyGivesTheSameNumbersOnTheSamePaths() {
        Plan p = plan();
        AllocationSearch.Result r =
                AllocationSearch.run(p, Fixtures.syntheticData(), new RunSettings(2, 64, false, 0.1), n -> {});
        // 1 baseline + 2 build fractions x 4 GPU shares x 3 start months
        assertThat(r.candidates()).hasSize(25);
        AllocationSearch.Candidate full = r.candidates().stream()
                .filter(c -> c.buildFraction() == 1 && c.gpuShare() == 0 && c.startMonth() == 3)
                .findFirst()
                .orElseThrow();
        AllocationSearch.Candidate none = r.candidates().stream()
                .filter(c -> c.buildFraction() == 0)
                .findFirst()
                .orElseThrow();
        // the hand-written 'colocation' strategy is the same plan: 200 MW hall from month 3, 200 MW lease, 80 % LTC
        MonteCarloResult direct = new PlanSimulation(p, Fixtures.syntheticData())
                .run(
                        List.of(
                                p.strategy("stay-mining").orElseThrow(),
                                p.strategy("colocation").orElseThrow()),
                        p.search().orElseThrow().paths(),
                        new RunSettings(1, 256, false, 0.1),
                        n -> {});
        assertThat(full.summary().meanNpvUsd())
                .isCloseTo(
                        direct.summaries().get(1).meanNpvUsd(),
                        within(1e-6 * Math.abs(full.summary().meanNpvUsd())));
        assertThat(full.summary().covenantBreachProbability())
                .isEqualTo(direct.summaries().get(1).covenantBreachProbability());
        assertThat(none.summary().meanNpvUsd())
                .isCloseTo(
                        direct.summaries().get(0).meanNpvUsd(),
                        within(1e-6 * Math.abs(none.summary().meanNpvUsd())));
        // best first under the risk measure
        for (int i = 1; i < r.candidates().size(); i++) {
            assertThat(r.candidates().get(i - 1).score())
                    .isGreaterThanOrEqualTo(r.candidates().get(i).score());
        }
    }

    @Test
    void gpuCountFollowsTheShare() {
        Plan p = plan();
        Plan ext = AllocationSearch.candidates(p, p.search().orElseThrow());
        StrategyPlan half = ext.strategy("build 0.50 gpu 0.50 start 12").orElseThrow();
        // 0.5 x 200 MW = 100 MW; half of it at 1.275 kW per GPU = 39,215 GPUs; the rest (50.0 MW) leased
        assertThat(ext.gpuCloud(half.gpuClouds().get(0)).orElseThrow().gpuCount())
                .isEqualTo(39_215);
        assertThat(ext.lease(half.leases().get(0)).orElseThrow().criticalItMw()).isCloseTo(50.0, within(0.001));
        // lease starts when the hall is ready (12 + 12), as in the template (15 = 3 + 12)
        assertThat(ext.lease(half.leases().get(0)).orElseThrow().startMonth()).isEqualTo(24);
        assertThat(half.facilities()).hasSize(2);
    }

    @Test
    void tornadoBarsAreSortedAndIgnoreIrrelevantInputs() {
        Plan p = plan();
        Tornado.Result t = Tornado.run(
                p,
                Fixtures.syntheticData(),
                p.strategy("colocation").orElseThrow(),
                Tornado.defaultInputs(),
                100,
                new RunSettings(2, 64, false, 0.1),
                n -> {});
        assertThat(t.bars()).hasSize(10);
        for (int i = 1; i < t.bars().size(); i++) {
            assertThat(t.bars().get(i - 1).swingUsd())
                    .isGreaterThanOrEqualTo(t.bars().get(i).swingUsd());
        }
        Tornado.Bar gpu = t.bars().stream()
                .filter(b -> b.input().equals("GPU rental price"))
                .findFirst()
                .orElseThrow();
        assertThat(gpu.swingUsd()).isZero(); // colocation owns no GPUs
        Tornado.Bar lease = t.bars().stream()
                .filter(b -> b.input().equals("lease rate"))
                .findFirst()
                .orElseThrow();
        assertThat(lease.highNpvUsd()).isGreaterThan(lease.lowNpvUsd());
    }
}
