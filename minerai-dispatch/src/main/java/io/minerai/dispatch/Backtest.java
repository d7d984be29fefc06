package io.minerai.dispatch;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.site.Site;

/** Runs a policy over resolved inputs and settles the result. */
public final class Backtest {
    private Backtest() {}

    public static DispatchResult run(Site site, ScenarioInputs inputs, DispatchPolicy policy) {
        Dispatch d = policy.decide(site, inputs);
        return Settlement.settle(site, inputs, d);
    }

    /** The merit-order backtest. */
    public static DispatchResult meritOrder(Site site, ScenarioInputs inputs) {
        return run(site, inputs, new MeritOrderPolicy());
    }
}
