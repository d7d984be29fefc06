package io.minerai.planning.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.planning.Fixtures;
import io.minerai.planning.PlanReader;
import io.minerai.planning.engine.MarketData;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.PowerSource;
import io.minerai.planning.model.RiskMeasure;
import io.minerai.planning.montecarlo.MonteCarloResult;
import io.minerai.planning.montecarlo.PlanSimulation;
import io.minerai.planning.montecarlo.RunSettings;
import org.junit.jupiter.api.Test;

/**
 * Covenant-aware choices on the paper plan: 'lease-tl' borrows at 0 % and has the best NPV, but its DSCR is 1.0 in
 * both months of service, below the 1.25 covenant, on every path; 'lease-pf' never breaches.
 */
class DecisionRuleTest {
    private static MonteCarloResult run(Plan plan) {
        return new PlanSimulation(plan, MarketData.none()).run(new RunSettings(2, 8, false, 0.1), n -> {});
    }

    @Test
    void theBestByExpectedNpvIsFlaggedWhenItBreachesInMostPaths() {
        Plan plan = PlanReader.parse(Fixtures.lenderPlanYaml(), "lender");
        MonteCarloResult mc = run(plan);
        DecisionRule.Choice c = DecisionRule.of(plan, RiskMeasure.EXPECTED).choose(mc.summaries());
        assertThat(c.best().strategy()).isEqualTo("lease-tl");
        assertThat(c.best().covenantBreachProbability()).isEqualTo(1.0);
        assertThat(DecisionRule.breachesInMostPaths(c.best())).isTrue();
        assertThat(c.withinLimit()).isTrue(); // no limit set
        assertThat(c.warning()).hasValueSatisfying(w -> assertThat(w).contains("100% of paths", "most paths"));
    }

    @Test
    void withABreachLimitTheBestChanges() {
        Plan plan = PlanReader.parse(Fixtures.lenderPlanYaml(), "lender");
        Plan limited = plan.withFinancing(plan.financing().withMaxBreachProbability(0.05));
        DecisionRule.Choice c = DecisionRule.of(limited, RiskMeasure.EXPECTED)
                .choose(run(limited).summaries());
        assertThat(c.best().strategy()).isEqualTo("lease-pf");
        assertThat(c.best().covenantBreachProbability()).isZero();
        assertThat(c.unconstrainedBest().strategy()).isEqualTo("lease-tl");
        assertThat(c.limitChangedBest()).isTrue();
        assertThat(c.warning()).isEmpty();
        // with nothing within the limit, the best is reported with the flag, never silently
        DecisionRule none = new DecisionRule(RiskMeasure.EXPECTED, 0.05);
        var onlyBreaching = run(limited).summaries().stream()
                .filter(s -> s.strategy().equals("lease-tl"))
                .toList();
        DecisionRule.Choice c2 = none.choose(onlyBreaching);
        assertThat(c2.withinLimit()).isFalse();
        assertThat(c2.warning()).hasValueSatisfying(w -> assertThat(w).contains("no strategy meets the breach limit"));
    }

    @Test
    void theSearchRanksCandidatesOverTheLimitLast() {
        Plan p = PlanReader.bundledDefault();
        p = p.withPower(new PowerSource.Deck(35, 0.02, 5))
                .withUncertainty(p.uncertainty().withPaths(200));
        p = p.withFinancing(p.financing().withMaxBreachProbability(0.05));
        AllocationSearch.Result r =
                AllocationSearch.run(p, Fixtures.syntheticData(), new RunSettings(2, 64, false, 0.1), n -> {});
        assertThat(r.best().withinBreachLimit()).isTrue();
        assertThat(r.best().summary().covenantBreachProbability()).isLessThanOrEqualTo(0.05);
        boolean seenOver = false;
        for (AllocationSearch.Candidate c : r.candidates()) {
            assertThat(c.withinBreachLimit()).isEqualTo(c.summary().covenantBreachProbability() <= 0.05);
            if (!c.withinBreachLimit()) {
                seenOver = true;
            } else {
                assertThat(seenOver)
                        .as("a candidate within the limit after one over it")
                        .isFalse();
            }
        }
        assertThat(seenOver)
                .as("the bundled plan has leveraged candidates that breach")
                .isTrue();
    }
}
