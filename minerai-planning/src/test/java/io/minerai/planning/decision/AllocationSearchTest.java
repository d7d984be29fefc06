package io.minerai.planning.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.validation.ValidationException;
import io.minerai.planning.Fixtures;
import io.minerai.planning.PlanReader;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.PowerSource;
import io.minerai.planning.model.StrategyPlan;
import io.minerai.planning.model.Uncertainty;
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

    /**
     * The contract fixture (SYNTHETIC figures) with a lease template and a search over contract shares [0, 0.5, 1] of
     * the whole hall of GPUs, customer defaults on (30 %/yr, the same customer so the same default month on a path).
     */
    private static Plan contractSearchPlan(String searchExtra) {
        String block = String.join(
                "\n",
                "  leases:",
                "    - {name: l, hall: h, criticalItMw: 0.01, usdPerKwMonth: 100, termMonths: 24, startMonth: 0}",
                "  search:",
                "    base: contract-loan",
                "    hall: h",
                "    gpuCloud: g",
                "    lease: l",
                "    buildFractions: [1]",
                "    gpuShares: [1]",
                "    startMonths: [0]",
                "    riskMeasure: expected",
                "    paths: 40",
                searchExtra,
                "  strategies:",
                "");
        String yaml = Fixtures.contractPlanYaml("", ", annualDefaultProbability: 0.3, backstopFraction: 0.2")
                .replace("  strategies:\n", block);
        Plan p = PlanReader.parse(yaml, "contract-search");
        Uncertainty u = p.uncertainty();
        return p.withUncertainty(new Uncertainty(
                40,
                u.seed(),
                u.btcVolatilityScale(),
                u.bootstrapBlockDays(),
                u.historyFrom(),
                u.hashrateNoisePerMonth(),
                u.feesLogSdPerMonth(),
                u.gpuDeclineSdPerYear(),
                u.powerResampling(),
                u.powerBankMonths(),
                true));
    }

    @Test
    void contractedCandidatesEqualTheHandWrittenContractStrategies() {
        Plan p = contractSearchPlan("    contract: c\n    contractShares: [0, 0.5, 1]");
        AllocationSearch.Result r =
                AllocationSearch.run(p, Fixtures.syntheticData(), new RunSettings(2, 16, false, 0.1), n -> {});
        // 1 baseline + 1 build fraction x 1 GPU share x 1 start x 3 contract shares
        assertThat(r.candidates()).hasSize(4);
        MonteCarloResult direct = new PlanSimulation(p, Fixtures.syntheticData())
                .run(
                        List.of(
                                p.strategy("idle").orElseThrow(),
                                p.strategy("spot").orElseThrow(),
                                p.strategy("contract-loan").orElseThrow()),
                        40,
                        new RunSettings(1, 256, false, 0.1),
                        n -> {});
        AllocationSearch.Candidate spot = candidate(r, 0);
        AllocationSearch.Candidate half = candidate(r, 0.5);
        AllocationSearch.Candidate all = candidate(r, 1);
        // all 1,000 GPUs contracted with the contract-backed loan = the hand-written 'contract-loan'
        assertThat(all.strategy().contracts()).hasSize(1);
        assertThat(all.strategy().facilities()).hasSize(1);
        assertThat(all.summary().meanNpvUsd())
                .isCloseTo(
                        direct.summaries().get(2).meanNpvUsd(),
                        within(1e-9 * Math.abs(all.summary().meanNpvUsd())));
        assertThat(all.summary().covenantBreachProbability())
                .isEqualTo(direct.summaries().get(2).covenantBreachProbability())
                .isPositive(); // defaults accelerate the loan on some paths
        // none contracted: the loan on the contract goes too = the hand-written 'spot'
        assertThat(spot.strategy().contracts()).isEmpty();
        assertThat(spot.summary().meanNpvUsd())
                .isCloseTo(
                        direct.summaries().get(1).meanNpvUsd(),
                        within(1e-9 * Math.abs(spot.summary().meanNpvUsd())));
        // half: 500 GPUs on the same terms earn exactly half of the contract cash on every path
        assertThat(half.summary().meanContractRevenueUsd())
                .isCloseTo(all.summary().meanContractRevenueUsd() / 2, within(1e-6));
        assertThat(half.strategy().description()).contains("1000 GPUs (50 % contracted)");
    }

    private static AllocationSearch.Candidate candidate(AllocationSearch.Result r, double share) {
        return r.candidates().stream()
                .filter(c -> c.buildFraction() == 1 && c.contractShare() == share)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aContractShareNeedsAContractOnTheSearchedGpuCloud() {
        assertThatThrownBy(() -> contractSearchPlan("    contractShares: [0.5]"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("plan.search.contract: is required when a contract share is above 0");
        assertThatThrownBy(() -> contractSearchPlan("    contract: nope\n    contractShares: [0.5]"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("plan.search.contract: no GPU contract named 'nope'");
        assertThatThrownBy(() -> contractSearchPlan("    contractShares: [1.5]"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("plan.search.contractShares[0]");
    }
}
