package io.minerai.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.DefaultScenario;
import io.minerai.core.scenario.Scenario;
import io.minerai.data.resolve.InputResolver;
import io.minerai.dispatch.DispatchResult;
import io.minerai.dispatch.MeritOrderPolicy;
import io.minerai.dispatch.Settlement;
import io.minerai.dispatch.program.CoincidentPeaks;
import io.minerai.dispatch.program.MarketTerms;
import io.minerai.solver.OrToolsSolver;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The bundled baseline scenario (the default until 2026-12-05) on real ERCOT 2024 data (the acceptance case): the perfect-foresight optimum,
 * settled like the backtest and under the same 4CP and ancillary terms, earns at least the merit-order policy. The
 * golden net is the LP optimum of 2026-11-25; an LP optimum's value is unique, so the tolerance only covers solver
 * tolerances (1e-6 relative); a change beyond it means the data, the scenario or the formulation changed.
 */
class BaselineScenarioGoldenTest {
    @Test
    void optimalIsAtLeastMeritOrderOnErcot2024() {
        Scenario s = DefaultScenario.loadBaseline();
        ScenarioInputs inputs = InputResolver.resolve(s, Path.of("."));
        OptimizationProblem p = OptimizationProblem.forScenario(s, inputs, s.optimize());
        CoincidentPeaks peaks = MarketTerms.of(s, inputs).peaks().get("ercot-4cp");
        assertThat(peaks).isNotNull();
        assertThat(java.util.Objects.requireNonNull(peaks).peaksUtc())
                .containsExactly(
                        Instant.parse("2024-06-27T21:45:00Z"),
                        Instant.parse("2024-07-02T21:15:00Z"),
                        Instant.parse("2024-08-20T21:45:00Z"),
                        Instant.parse("2024-09-19T21:15:00Z"));
        OptimizeResult opt = new Optimizer(new OrToolsSolver(OrToolsSolver.Backend.GLOP)).perfectForesight(p);
        DispatchResult merit = Settlement.settle(
                s.site(), inputs, new MeritOrderPolicy().decide(s.site(), inputs), p.settlementTerms());
        assertThat(opt.netUsd()).isGreaterThanOrEqualTo(merit.summary().netUsd());
        assertThat(opt.netUsd()).isCloseTo(208_457_478, within(208_457_478 * 1e-6));
        assertThat(merit.summary().netUsd()).isCloseTo(189_002_668, within(1.0));
        assertThat(merit.summary().costUsd("transmission_4cp")).isCloseTo(7_623_669, within(1.0));
        assertThat(opt.result().summary().costUsd("transmission_4cp")).isCloseTo(0, within(1e-3));
        OptimalNeverWorseProperties.everyConstraintHolds(
                s.site(), opt.result().ledger().dispatch(), 1.0);
    }
}
