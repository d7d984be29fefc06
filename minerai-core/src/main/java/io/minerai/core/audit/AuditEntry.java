package io.minerai.core.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One audited action and its outcome.
 *
 * @param sequence position in the log, assigned by the log (0 before appending)
 * @param timeUtc when it happened (from the injected clock)
 * @param actor who acted, e.g. "controller", "operator:alice"
 * @param target the device, asset or resource acted on, e.g. "miner:10.0.0.12"
 * @param action what was asked, e.g. "sleep", "power-target 2800W"
 * @param outcome what happened, e.g. "confirmed", "ignored-by-device", "timeout"
 * @param details extra key/value facts (no secrets)
 */
public record AuditEntry(
        long sequence,
        Instant timeUtc,
        String actor,
        String target,
        String action,
        String outcome,
        Map<String, String> details) {
    public AuditEntry {
        details = Map.copyOf(details);
    }
}
