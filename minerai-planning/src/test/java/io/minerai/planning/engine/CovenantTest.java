package io.minerai.planning.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.planning.Fixtures;
import io.minerai.planning.PlanReader;
import io.minerai.planning.model.Plan;
import io.minerai.planning.montecarlo.MonteCarloResult;
import io.minerai.planning.montecarlo.PlanSimulation;
import io.minerai.planning.montecarlo.RunSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The DSCR covenant on the paper plan ({@link Fixtures#lenderPlanYaml()}): rent $1,000,000 a month from month 2, no
 * tax, so CFADS = $1,000,000 from month 2 (0 before); the $2 M term loan at 0 % drawn in month 2 is repaid $1,000,000
 * in months 3 and 4. Fails on the code before the fix, whose trailing window in month 3 reached back to month 1
 * (CFADS $2 M / service $1 M = 2.0) and whose lowest DSCR (1.5) hid the breach.
 */
class CovenantTest {
    private final Plan plan = PlanReader.parse(Fixtures.lenderPlanYaml(), "lender");

    @Test
    void theFirstMonthOfServiceIsMeasuredOnServiceMonthsOnly() {
        PlanSimulation sim = PlanSimulation.deterministicOf(plan, MarketData.none());
        CashFlowTable t = sim.deterministicTable(plan.strategy("lease-tl").orElseThrow());
        assertThat(t.schedule().firstServiceMonth()).isEqualTo(3);
        assertThat(t.rows().get(2).covenant().tested()).isFalse(); // drawn, nothing due yet
        // month 3: window 3..3 (not 1..3): CFADS 1,000,000 / service 1,000,000 = 1.0 < 1.25
        MonthRow.Covenant m3 = t.rows().get(3).covenant();
        assertThat(m3.windowFirstMonth()).isEqualTo(3);
        assertThat(m3.windowLastMonth()).isEqualTo(3);
        assertThat(m3.windowCfadsUsd()).isCloseTo(1_000_000, within(1e-6));
        assertThat(m3.windowServiceUsd()).isCloseTo(1_000_000, within(1e-6));
        assertThat(m3.dscr()).isCloseTo(1.0, within(1e-12));
        assertThat(m3.breach()).isTrue();
        // month 4: window 3..4: 2,000,000 / 2,000,000 = 1.0
        MonthRow.Covenant m4 = t.rows().get(4).covenant();
        assertThat(m4.windowFirstMonth()).isEqualTo(3);
        assertThat(m4.dscr()).isCloseTo(1.0, within(1e-12));
        // month 5: window 3..5: 3,000,000 / 2,000,000 = 1.5, a pass; month 6: 4..6: 3,000,000 / 1,000,000 = 3
        assertThat(t.rows().get(5).covenant().dscr()).isCloseTo(1.5, within(1e-12));
        assertThat(t.rows().get(5).covenant().breach()).isFalse();
        assertThat(t.rows().get(6).covenant().dscr()).isCloseTo(3.0, within(1e-12));
        // month 7: window 5..7 has no service: not tested
        assertThat(t.rows().get(7).covenant().tested()).isFalse();
        assertThat(t.baselineOutcome().minDscr().getAsDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(t.baselineOutcome().covenantBreached()).isTrue();
    }

    @Test
    void theFastEngineFindsTheSameBreachOnEveryPath() {
        PlanSimulation sim = new PlanSimulation(plan, MarketData.none());
        MonteCarloResult mc = sim.run(
                List.of(
                        plan.strategy("idle").orElseThrow(),
                        plan.strategy("lease-tl").orElseThrow()),
                12,
                new RunSettings(2, 5, false, 0.1),
                n -> {});
        StrategyPaths p = mc.pathsOf("lease-tl").orElseThrow();
        for (int i = 0; i < p.paths(); i++) {
            assertThat(p.outcome(i).minDscr().getAsDouble()).isCloseTo(1.0, within(1e-12));
            assertThat(p.outcome(i).covenantBreached()).isTrue();
        }
        assertThat(mc.summary("lease-tl").orElseThrow().covenantBreachProbability())
                .isEqualTo(1.0);
    }

    @Test
    void aForwardLookingCovenantTestsThisMonthAndTheNextOnes() {
        Plan forward = PlanReader.parse(
                Fixtures.lenderPlanYaml()
                        .replace("dscrWindowMonths: 3", "dscrWindowMonths: 3\n    dscrDefinition: forward"),
                "lender forward");
        CashFlowTable t = PlanSimulation.deterministicOf(forward, MarketData.none())
                .deterministicTable(forward.strategy("lease-tl").orElseThrow());
        // month 3: window 3..5: CFADS 3,000,000 / service 2,000,000 = 1.5; month 4: 4..6: 3,000,000 / 1,000,000
        MonthRow.Covenant m3 = t.rows().get(3).covenant();
        assertThat(m3.windowFirstMonth()).isEqualTo(3);
        assertThat(m3.windowLastMonth()).isEqualTo(5);
        assertThat(m3.dscr()).isCloseTo(1.5, within(1e-12));
        assertThat(t.rows().get(4).covenant().dscr()).isCloseTo(3.0, within(1e-12));
        assertThat(t.rows().get(5).covenant().tested()).isFalse();
        assertThat(t.baselineOutcome().covenantBreached()).isFalse();
        // the fast engine agrees
        MonteCarloResult mc = new PlanSimulation(forward, MarketData.none())
                .run(
                        List.of(forward.strategy("lease-tl").orElseThrow()),
                        3,
                        new RunSettings(1, 4, false, 0.1),
                        n -> {});
        assertThat(mc.paths().get(0).outcome(0).minDscr().getAsDouble()).isCloseTo(1.5, within(1e-12));
        assertThat(mc.summaries().get(0).covenantBreachProbability()).isZero();
    }
}
