package io.minerai.planning.montecarlo;

import io.minerai.planning.engine.StrategyPaths;
import java.util.List;
import java.util.Optional;

/**
 * Per-path outcomes and summaries of every strategy of a run.
 *
 * @param paths per strategy, in strategy order
 * @param summaries per strategy, in strategy order
 * @param seed master seed
 * @param btcHistoryLabel what the BTC bootstrap resampled
 * @param powerLabel what the power months came from
 */
public record MonteCarloResult(
        List<StrategyPaths> paths,
        List<StrategySummary> summaries,
        long seed,
        String btcHistoryLabel,
        String powerLabel) {
    public MonteCarloResult {
        paths = List.copyOf(paths);
        summaries = List.copyOf(summaries);
    }

    public Optional<StrategySummary> summary(String strategy) {
        return summaries.stream().filter(s -> s.strategy().equals(strategy)).findFirst();
    }

    public Optional<StrategyPaths> pathsOf(String strategy) {
        return paths.stream().filter(s -> s.strategy().equals(strategy)).findFirst();
    }
}
