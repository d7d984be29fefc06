package io.minerai.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A run's state.
 *
 * @param id run id
 * @param kind run kind
 * @param scenarioId scenario, {@link NewRun#NO_SCENARIO} (0) for a run without one (a plan)
 * @param scenarioVersion scenario version, 0 without a scenario
 * @param parametersJson parameters as a JSON object
 * @param status life-cycle state
 * @param progressFraction 0..1
 * @param phase what it is doing now, e.g. "resolving inputs"
 * @param message failure reason or note
 * @param createdBy who started it
 * @param queuedUtc when it was queued
 * @param startedUtc when it started running
 * @param finishedUtc when it finished
 * @param solverSeconds time spent deciding the dispatch (the solver or policy), seconds
 */
public record RunRecord(
        long id,
        String kind,
        long scenarioId,
        int scenarioVersion,
        String parametersJson,
        RunStatus status,
        double progressFraction,
        String phase,
        Optional<String> message,
        String createdBy,
        Instant queuedUtc,
        Optional<Instant> startedUtc,
        Optional<Instant> finishedUtc,
        Optional<Double> solverSeconds) {

    public boolean hasScenario() {
        return scenarioId != NewRun.NO_SCENARIO;
    }
}
