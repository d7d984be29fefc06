package io.minerai.store;

/**
 * A run to queue.
 *
 * @param kind run kind, e.g. {@code backtest}
 * @param scenarioId scenario
 * @param scenarioVersion the scenario version it runs on
 * @param parametersJson kind-specific parameters as a JSON object
 * @param createdBy who started it (token name)
 */
public record NewRun(String kind, long scenarioId, int scenarioVersion, String parametersJson, String createdBy) {}
