package io.minerai.store;

/**
 * A run to queue.
 *
 * @param kind run kind, e.g. {@code backtest}
 * @param scenarioId scenario; {@link #NO_SCENARIO} for a run of a kind that takes none (e.g. a plan)
 * @param scenarioVersion the scenario version it runs on ({@link #NO_SCENARIO} without a scenario)
 * @param parametersJson kind-specific parameters as a JSON object
 * @param createdBy who started it (token name)
 */
public record NewRun(String kind, long scenarioId, int scenarioVersion, String parametersJson, String createdBy) {
    /** Scenario id and version of a run without a scenario (stored as NULL). */
    public static final int NO_SCENARIO = 0;

    public NewRun {
        if ((scenarioId == NO_SCENARIO) != (scenarioVersion == NO_SCENARIO) || scenarioId < 0 || scenarioVersion < 0) {
            throw new IllegalArgumentException(
                    "a run has a scenario id and version >= 1, or neither; was " + scenarioId + " v" + scenarioVersion);
        }
    }

    /** A run of a kind that takes no scenario. */
    public static NewRun withoutScenario(String kind, String parametersJson, String createdBy) {
        return new NewRun(kind, NO_SCENARIO, NO_SCENARIO, parametersJson, createdBy);
    }

    public boolean hasScenario() {
        return scenarioId != NO_SCENARIO;
    }
}
