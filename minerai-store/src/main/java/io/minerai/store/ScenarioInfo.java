package io.minerai.store;

import java.time.Instant;

/**
 * A scenario and its latest version.
 *
 * @param id scenario id
 * @param name name in the latest version
 * @param latestVersion latest version number
 * @param createdUtc when the first version was stored
 * @param updatedUtc when the latest version was stored
 */
public record ScenarioInfo(long id, String name, int latestVersion, Instant createdUtc, Instant updatedUtc) {}
