package io.minerai.server;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.minerai.core.audit.AuditEntry;
import io.minerai.store.Role;
import io.minerai.store.Store;
import io.minerai.store.TokenRecord;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer-token authentication: {@code Authorization: Bearer <token>}. Tokens are looked up by their SHA-256; the
 * secret is never logged nor stored. Tokens in query strings are not accepted (they would end up in logs).
 */
final class Auth {
    /** How long a looked-up token is trusted without asking the store again (revocations here clear it at once). */
    static final long CACHE_NANOS = 10_000_000_000L;

    private final Store store;
    private final Clock clock;
    private final MeterRegistry meters;
    private final AuthThrottle throttle;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Principal principal, long expiresNanos, Optional<java.time.Instant> validUntil) {}

    Auth(Store store, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.clock = clock;
        this.meters = meters;
        this.throttle = new AuthThrottle(clock);
    }

    /** Forgets every cached token (after a revocation). */
    void clear() {
        cache.clear();
    }

    private Optional<Principal> lookup(String secret) {
        String hash = Tokens.hash(secret);
        long now = System.nanoTime();
        Cached c = cache.get(hash);
        if (c != null
                && now - c.expiresNanos() < 0
                && c.validUntil().map(clock.instant()::isBefore).orElse(true)) {
            return Optional.of(c.principal());
        }
        Optional<TokenRecord> t = store.tokens().findActive(hash);
        if (t.isEmpty()) {
            cache.remove(hash);
            return Optional.empty();
        }
        Principal p = new Principal(t.get().name(), t.get().role(), t.get().id());
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(hash, new Cached(p, now + CACHE_NANOS, t.get().expiresUtc()));
        return Optional.of(p);
    }

    /** The caller, or 401 when there is no valid token, or 403 when its role is below {@code required}. */
    Principal require(Context ctx, Role required) {
        String client = ctx.ip();
        long blocked = throttle.blockedSeconds(client);
        String given = ctx.header("Authorization");
        boolean known = given != null
                && given.regionMatches(true, 0, "Bearer ", 0, 7)
                && cache.containsKey(Tokens.hash(given.substring(7).trim()));
        // a throttled address is refused without looking its token up, unless the token is one that was valid here
        // recently (so a client behind the same address as a guesser keeps working)
        if (blocked > 0 && !known) {
            ctx.header("Retry-After", String.valueOf(blocked));
            meters.counter("minerai.auth.failures", "reason", "throttled").increment();
            throw new ApiException(
                    429,
                    "Too many requests",
                    "too many failed authentications from this address; try again in " + blocked + " s");
        }
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw failed(
                    client,
                    "missing",
                    "this request needs an API token: send the header 'Authorization: Bearer <token>'");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw failed(client, "malformed", "the Authorization header must be 'Bearer <token>'");
        }
        String secret = header.substring(7).trim();
        Optional<Principal> found = Tokens.wellFormed(secret) ? lookup(secret) : Optional.empty();
        if (found.isEmpty()) {
            throw failed(client, "invalid", "the API token is not valid (unknown, revoked or expired)");
        }
        Principal p = found.get();
        if (!p.role().includes(required)) {
            throw new ApiException(
                    403,
                    "Forbidden",
                    "this request needs the " + required.name().toLowerCase(java.util.Locale.ROOT) + " role; the token"
                            + " of " + p.name() + " has " + p.role().name().toLowerCase(java.util.Locale.ROOT));
        }
        return p;
    }

    /**
     * A failed authentication: counted (metric {@code minerai_auth_failures_total} by reason), counted against the
     * client's address for throttling, and audited (up to {@link AuthThrottle#MAX_FAILURES} entries per address and
     * window, so a flood cannot flood the audit log).
     */
    private ApiException failed(String client, String reason, String detail) {
        meters.counter("minerai.auth.failures", "reason", reason).increment();
        int n = throttle.fail(client);
        if (n <= AuthThrottle.MAX_FAILURES) {
            try {
                store.auditLog()
                        .append(new AuditEntry(
                                0,
                                clock.instant(),
                                "client:" + client,
                                "auth",
                                "authenticate",
                                "refused: " + reason,
                                n == AuthThrottle.MAX_FAILURES
                                        ? Map.of("failuresInWindow", String.valueOf(n), "throttled", "true")
                                        : Map.of("failuresInWindow", String.valueOf(n))));
            } catch (io.minerai.store.StoreException e) {
                // the refusal stands even when it cannot be audited
            }
        }
        return new ApiException(401, "Unauthorized", detail);
    }
}
