package io.minerai.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored API token: only the SHA-256 of the secret is kept.
 *
 * @param id token id
 * @param name who or what holds it, e.g. "alice" or "grafana"
 * @param role what it may do
 * @param createdUtc when it was made
 * @param createdBy who made it
 * @param revokedUtc when it was revoked
 * @param expiresUtc when it stops working, if ever
 */
public record TokenRecord(
        long id,
        String name,
        Role role,
        Instant createdUtc,
        String createdBy,
        Optional<Instant> revokedUtc,
        Optional<Instant> expiresUtc) {
    /** Not revoked and not expired at {@code now}. */
    public boolean activeAt(Instant now) {
        return revokedUtc.isEmpty() && expiresUtc.map(now::isBefore).orElse(true);
    }
}
