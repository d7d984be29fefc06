package io.minerai.planning.run;

import io.minerai.planning.decision.AllocationSearch;
import io.minerai.planning.decision.DecisionRule;
import io.minerai.planning.decision.Tornado;
import io.minerai.planning.engine.MarketData;
import io.minerai.planning.engine.StrategyPaths;
import io.minerai.planning.history.PlanHistory;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.RiskMeasure;
import io.minerai.planning.model.StrategyPlan;
import io.minerai.planning.montecarlo.MonteCarloResult;
import io.minerai.planning.montecarlo.PlanSimulation;
import io.minerai.planning.montecarlo.RunSettings;
import io.minerai.planning.montecarlo.StrategySummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The plan use case, shared by {@code minerai plan} and the server's {@code plan} run kind: the Monte Carlo of the
 * chosen strategies (or, with {@link Request#deterministicOnly()}, the deterministic deck alone through the same
 * engine), the deterministic case beside it, the decision under the plan's rule, the optional search and tornado,
 * and the paths whose cash flows are reported.
 */
public final class PlanRunner {
    private PlanRunner() {}

    /** Told about progress; both methods may be called from worker threads. */
    public interface Listener {
        /** {@code n} more paths are done. */
        void pathsDone(int n);

        /** A new stage starts ("Monte Carlo", "search", "tornado"). */
        default void stage(String name) {}
    }

    /**
     * What to run.
     *
     * @param strategies strategies of the plan to compare, the first being the baseline
     * @param measure the risk measure of the decision rule
     * @param deterministicOnly run the deterministic deck alone (one path, every random input at its expected path)
     * @param search also run the plan's search
     * @param tornadoPaths paths per tornado setting, 0 for no tornado
     * @param tornadoStrategy strategy of the tornado (default: the best change under the rule)
     * @param cashFlowPercentiles NPV percentiles (0..100) whose paths' cash flows are reported beside the
     *     deterministic case (ignored when deterministic only)
     * @param settings threads, block size, whether to keep cumulative cash for fan charts, CVaR alpha
     */
    public record Request(
            List<StrategyPlan> strategies,
            RiskMeasure measure,
            boolean deterministicOnly,
            boolean search,
            int tornadoPaths,
            Optional<StrategyPlan> tornadoStrategy,
            List<Double> cashFlowPercentiles,
            RunSettings settings) {
        public Request {
            strategies = List.copyOf(strategies);
            cashFlowPercentiles = List.copyOf(cashFlowPercentiles);
            if (strategies.isEmpty()) {
                throw new IllegalArgumentException("at least one strategy");
            }
        }

        /** All of the plan's strategies, its risk measure (search's, else CVaR), P10/P50/P90 cash flows, no extras. */
        public static Request defaults(Plan plan) {
            return new Request(
                    plan.strategies(),
                    plan.search().map(s -> s.riskMeasure()).orElse(RiskMeasure.CVAR),
                    false,
                    false,
                    0,
                    Optional.empty(),
                    List.of(10.0, 50.0, 90.0),
                    RunSettings.defaults()
                            .withCvarAlpha(plan.search().map(s -> s.cvarAlpha()).orElse(0.1)));
        }
    }

    /** The plan actually run: the deterministic plan when only the deterministic deck is asked for. */
    public static Plan effectivePlan(Plan plan, Request req) {
        return req.deterministicOnly() ? plan.deterministicPlan() : plan;
    }

    /** Paths the request will evaluate (for progress bars). */
    public static long totalPaths(Plan plan, Request req) {
        Plan p = effectivePlan(plan, req);
        long total = p.uncertainty().paths();
        if (req.search()) {
            total += (long) AllocationSearch.candidateCount(p)
                    * p.search().map(s -> s.paths()).orElse(0);
        }
        if (req.tornadoPaths() > 0) {
            total += (long) tornadoPaths(req) * (1 + 2 * Tornado.defaultInputs().size());
        }
        return total;
    }

    private static int tornadoPaths(Request req) {
        return req.deterministicOnly() ? 1 : req.tornadoPaths();
    }

    /** Runs {@code req} on {@code plan} (valid; its strategies named in the request) with the bundled history. */
    public static PlanRun run(Plan plan, Request req, Listener listener) {
        return run(plan, PlanHistory.load(plan), req, listener);
    }

    /** Runs {@code req} on {@code plan} with the given market history. */
    public static PlanRun run(Plan plan, MarketData data, Request req, Listener listener) {
        long t0 = System.nanoTime();
        Plan p = effectivePlan(plan, req);
        PlanSimulation sim = new PlanSimulation(p, data);
        RunSettings settings = req.settings();
        listener.stage(req.deterministicOnly() ? "deterministic" : "Monte Carlo");
        MonteCarloResult mc = sim.run(req.strategies(), p.uncertainty().paths(), settings, listener::pathsDone);
        MonteCarloResult det = req.deterministicOnly()
                ? mc
                : sim.deterministicRun(req.strategies(), settings.withKeepCumulative(false));
        List<VariantComparison> comparisons = VariantComparison.compare(
                sim, mc, req.deterministicOnly() ? sim : sim.deterministic(), det, req.strategies(), settings);
        DecisionRule rule = DecisionRule.of(p, req.measure());
        DecisionRule.Choice choice = rule.choose(mc.summaries());
        Optional<AllocationSearch.Result> search = Optional.empty();
        if (req.search()) {
            listener.stage("search");
            search =
                    Optional.of(AllocationSearch.run(p, data, settings.withKeepCumulative(false), listener::pathsDone));
        }
        Optional<Tornado.Result> tornado = Optional.empty();
        if (req.tornadoPaths() > 0) {
            listener.stage("tornado");
            StrategyPlan ts = req.tornadoStrategy()
                    .orElseGet(() -> p.strategy(
                                    rule.chooseChange(mc.summaries()).best().strategy())
                            .orElseThrow());
            tornado = Optional.of(Tornado.run(
                    p,
                    data,
                    ts,
                    Tornado.defaultInputs(),
                    tornadoPaths(req),
                    settings.withKeepCumulative(false),
                    listener::pathsDone));
        }
        List<CashFlowCase> cases = new ArrayList<>();
        for (int s = 0; s < req.strategies().size(); s++) {
            StrategySummary d = det.summaries().get(s);
            cases.add(CashFlowCase.deterministic(d.strategy(), d.meanNpvUsd()));
            if (!req.deterministicOnly()) {
                StrategyPaths paths = mc.paths().get(s);
                for (double q : req.cashFlowPercentiles()) {
                    cases.add(CashFlowCase.atPercentile(paths, q));
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new PlanRun(
                p,
                sim,
                req.strategies(),
                req.deterministicOnly(),
                mc,
                det,
                choice,
                comparisons,
                search,
                tornado,
                cases,
                seconds);
    }
}
