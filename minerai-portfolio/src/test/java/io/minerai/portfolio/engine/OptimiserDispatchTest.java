package io.minerai.portfolio.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.DocumentText;
import io.minerai.core.scenario.Scenario;
import io.minerai.core.scenario.ScenarioReader;
import io.minerai.data.resolve.InputResolver;
import io.minerai.dispatch.ledger.Ledger;
import io.minerai.optimize.OptimizationProblem;
import io.minerai.optimize.Optimizer;
import io.minerai.portfolio.model.SiteDispatch;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A site dispatched by the optimiser (portfolio field {@code dispatch: optimiser}) gets its power from the optimiser's
 * settled dispatch, as {@code minerai optimize} runs it, not from the merit order. The bundled portfolio site (HB_WEST,
 * real 2024 ERCOT prices, 4CP at $60/kW-year, an assumption of that example), cut to August 2024 to stay quick: the
 * merit order mines through the month's 4CP peak hour (the price is below its revenue per MWh) and pays the peak
 * charge; the optimiser, knowing the peak (perfect foresight, the scenario's default), sits it out.
 */
class OptimiserDispatchTest {
    private static Scenario august() {
        return ScenarioReader.parse(
                DocumentText.resource(DispatchedPower.class, "/io/minerai/portfolio/example/site-west-texas.yaml")
                        .replace("start: 2024-01-01T00:00:00-06:00", "start: 2024-08-01T00:00:00-06:00")
                        .replace("end: 2025-01-01T00:00:00-06:00", "end: 2024-09-01T00:00:00-06:00"),
                "site-west-texas, August 2024");
    }

    @Test
    void anOptimiserSiteIsPricedFromTheOptimisersSettledDispatch() {
        Scenario s = august();
        Path dir = Path.of(".");
        SiteModel.PowerInfo merit = DispatchedPower.of(s, dir, SiteDispatch.MERIT_ORDER);
        SiteModel.PowerInfo optimal = DispatchedPower.of(s, dir, SiteDispatch.OPTIMISER);

        // the same figures as the optimiser run directly (what `minerai optimize` does with this scenario)
        ScenarioInputs inputs = InputResolver.resolve(s, dir);
        Ledger ledger = Optimizer.forSettings(s.optimize())
                .run(OptimizationProblem.forScenario(s, inputs, s.optimize()))
                .result()
                .ledger();
        double energyCost = 0;
        for (double a : ledger.amountsOrZero("power_cost")) {
            energyCost -= a;
        }
        SiteModel.DispatchFacts o = optimal.dispatch().orElseThrow();
        SiteModel.DispatchFacts m = merit.dispatch().orElseThrow();
        assertThat(o.energyCostUsd()).isCloseTo(energyCost, within(1e-6));
        assertThat(optimal.label()).startsWith("HB_WEST optimiser dispatch (perfect, ");
        assertThat(merit.label()).startsWith("HB_WEST merit-order dispatch ");
        assertThat(optimal.days()).hasSameSizeAs(merit.days()).hasSize(31);

        // the merit order pays August's 4CP peak; the optimiser avoids it, so it pays less in program charges
        assertThat(m.programChargesUsd()).isPositive();
        assertThat(o.programChargesUsd()).isLessThan(m.programChargesUsd());
    }
}
