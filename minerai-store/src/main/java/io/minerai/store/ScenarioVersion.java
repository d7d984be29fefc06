package io.minerai.store;

import java.time.Instant;

/**
 * One stored version of a scenario.
 *
 * @param scenarioId the scenario
 * @param version 1, 2, ... (each update adds one)
 * @param name the scenario's name in this version
 * @param contentJson the scenario in canonical JSON (as written by ScenarioWriter)
 * @param createdUtc when this version was stored
 * @param createdBy who stored it (token name)
 */
public record ScenarioVersion(
        long scenarioId, int version, String name, String contentJson, Instant createdUtc, String createdBy) {}
