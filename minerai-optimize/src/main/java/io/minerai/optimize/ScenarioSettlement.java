package io.minerai.optimize;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.Scenario;
import io.minerai.dispatch.Dispatch;
import io.minerai.dispatch.DispatchPolicy;
import io.minerai.dispatch.DispatchResult;
import io.minerai.dispatch.MeritOrderPolicy;
import io.minerai.dispatch.Settlement;
import io.minerai.dispatch.SettlementTerms;
import io.minerai.dispatch.program.MarketTerms;
import java.nio.file.Path;

/**
 * Settles any policy's dispatch under the scenario's market programs, so the backtest, the optimiser, the comparison
 * and the server all charge the same 4CP transmission cost for the same site. Without a 4CP program this is exactly
 * the energy-only settlement of the foundation issue.
 */
public final class ScenarioSettlement {
    private ScenarioSettlement() {}

    /** The terms of the scenario's programs on the inputs' grid, by its market pack ({@link MarketTerms}). */
    public static SettlementTerms terms(Scenario scenario, ScenarioInputs inputs, Path baseDir) {
        return MarketTerms.of(scenario, inputs).terms();
    }

    /** Runs {@code policy} and settles it under the scenario's terms. */
    public static DispatchResult run(Scenario scenario, ScenarioInputs inputs, Path baseDir, DispatchPolicy policy) {
        Dispatch d = policy.decide(scenario.site(), inputs);
        return Settlement.settle(scenario.site(), inputs, d, terms(scenario, inputs, baseDir));
    }

    /**
     * The merit-order backtest settled under the scenario's terms; the policy honours the programs' import limits
     * (events known ahead).
     */
    public static DispatchResult meritOrder(Scenario scenario, ScenarioInputs inputs, Path baseDir) {
        SettlementTerms t = terms(scenario, inputs, baseDir);
        Dispatch d = MeritOrderPolicy.under(t).decide(scenario.site(), inputs);
        return Settlement.settle(scenario.site(), inputs, d, t);
    }
}
