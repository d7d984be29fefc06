package io.minerai.planning.run;

import io.minerai.planning.decision.AllocationSearch;
import io.minerai.planning.decision.DecisionRule;
import io.minerai.planning.decision.Tornado;
import io.minerai.planning.engine.CashFlowTable;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.StrategyPlan;
import io.minerai.planning.montecarlo.MonteCarloResult;
import io.minerai.planning.montecarlo.PlanSimulation;
import java.util.List;
import java.util.Optional;

/**
 * A finished plan run.
 *
 * @param plan the plan run (the deterministic plan when {@code deterministicOnly})
 * @param simulation its simulation (for allocations and for evaluating cash-flow cases again)
 * @param strategies strategies compared, the first being the baseline
 * @param deterministicOnly whether only the deterministic deck ran
 * @param monteCarlo per-path outcomes and summaries (one path when deterministic only)
 * @param deterministic the deterministic case through the same engine (the same object when deterministic only)
 * @param choice the best strategy under the decision rule
 * @param comparisons each strategy's contracts against spot renting and refreshes against selling, on the same paths
 * @param search the search, when it ran
 * @param tornado the tornado, when it ran
 * @param cashFlowCases per strategy, the deterministic case then the percentile paths
 * @param seconds wall time
 */
public record PlanRun(
        Plan plan,
        PlanSimulation simulation,
        List<StrategyPlan> strategies,
        boolean deterministicOnly,
        MonteCarloResult monteCarlo,
        MonteCarloResult deterministic,
        DecisionRule.Choice choice,
        List<VariantComparison> comparisons,
        Optional<AllocationSearch.Result> search,
        Optional<Tornado.Result> tornado,
        List<CashFlowCase> cashFlowCases,
        double seconds) {
    public PlanRun {
        strategies = List.copyOf(strategies);
        cashFlowCases = List.copyOf(cashFlowCases);
        comparisons = List.copyOf(comparisons);
    }

    /** The comparisons of one strategy. */
    public List<VariantComparison> comparisonsOf(String strategy) {
        return comparisons.stream().filter(c -> c.strategy().equals(strategy)).toList();
    }

    /** The cash-flow cases of one strategy. */
    public List<CashFlowCase> casesOf(String strategy) {
        return cashFlowCases.stream().filter(c -> c.strategy().equals(strategy)).toList();
    }

    /** The month-by-month table of a case, evaluated again from its path index (or the deterministic deck). */
    public CashFlowTable table(CashFlowCase c) {
        StrategyPlan s = plan.strategy(c.strategy()).orElseThrow();
        return c.isDeterministic()
                ? simulation.deterministicTable(s)
                : simulation.pathTable(s, c.pathIndex().getAsLong());
    }
}
