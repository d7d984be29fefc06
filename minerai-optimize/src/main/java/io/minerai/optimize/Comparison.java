package io.minerai.optimize;

import io.minerai.core.scenario.OptimizeSettings.ForecastMode;
import io.minerai.dispatch.DispatchResult;
import io.minerai.dispatch.MeritOrderPolicy;
import io.minerai.dispatch.Settlement;
import java.util.ArrayList;
import java.util.List;

/**
 * Policy versus optimal: the merit-order policy, the rolling-horizon optimum with day-ahead and with persistence
 * forecasts, and the perfect-foresight optimum, all settled under the same terms (4CP included). The value of foresight
 * is what perfect foresight earns over each forecast mode.
 *
 * @param rows one row per run, merit order first and perfect foresight last
 */
public record Comparison(List<Row> rows) {
    public Comparison {
        rows = List.copyOf(rows);
    }

    /**
     * One run.
     *
     * @param policy policy name
     * @param result settled result
     * @param report solver figures (absent for merit order)
     */
    public record Row(String policy, DispatchResult result, java.util.Optional<SolveReport> report) {
        public double netUsd() {
            return result.summary().netUsd();
        }

        public RevenueStack stack() {
            return RevenueStack.of(result.summary());
        }
    }

    /** Runs every policy on the problem. */
    public static Comparison run(OptimizationProblem p, Optimizer optimizer) {
        return run(p, optimizer, (stage, policy) -> {});
    }

    /** Told before each of the four runs (0..3) which policy runs next; may throw to stop the comparison. */
    @FunctionalInterface
    public interface StageListener {
        void starting(int stage, String policy);
    }

    /** As {@link #run(OptimizationProblem, Optimizer)}, telling {@code stages} before each run. */
    public static Comparison run(OptimizationProblem p, Optimizer optimizer, StageListener stages) {
        List<Row> rows = new ArrayList<>();
        stages.starting(0, MeritOrderPolicy.NAME);
        DispatchResult merit = Settlement.settle(
                p.site(),
                p.inputs(),
                MeritOrderPolicy.under(p.settlementTerms()).decide(p.site(), p.inputs()),
                p.settlementTerms());
        rows.add(new Row(MeritOrderPolicy.NAME, merit, java.util.Optional.empty()));
        RollingHorizon rh = new RollingHorizon(optimizer);
        int stage = 1;
        for (ForecastMode m : List.of(ForecastMode.PERSISTENCE, ForecastMode.DAY_AHEAD)) {
            stages.starting(stage++, RollingHorizon.policyName(m));
            OptimizeResult r = rh.run(p, m);
            rows.add(new Row(RollingHorizon.policyName(m), r.result(), java.util.Optional.of(r.report())));
        }
        stages.starting(3, Optimizer.PERFECT);
        OptimizeResult perfect = optimizer.perfectForesight(p);
        rows.add(new Row(Optimizer.PERFECT, perfect.result(), java.util.Optional.of(perfect.report())));
        return new Comparison(rows);
    }

    public Row merit() {
        return rows.get(0);
    }

    public Row perfect() {
        return rows.get(rows.size() - 1);
    }

    /** Perfect-foresight net minus the net of the named run: what knowing the prices is worth against it. */
    public double valueOfForesightUsd(String policy) {
        for (Row r : rows) {
            if (r.policy().equals(policy)) {
                return perfect().netUsd() - r.netUsd();
            }
        }
        throw new IllegalArgumentException("no run named " + policy);
    }
}
