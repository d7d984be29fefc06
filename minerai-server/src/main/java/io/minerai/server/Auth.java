package io.minerai.server;

import io.javalin.http.Context;
import io.minerai.store.Role;
import io.minerai.store.Store;
import io.minerai.store.TokenRecord;
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
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Principal principal, long expiresNanos) {}

    Auth(Store store) {
        this.store = store;
    }

    /** Forgets every cached token (after a revocation). */
    void clear() {
        cache.clear();
    }

    private Optional<Principal> lookup(String secret) {
        String hash = Tokens.hash(secret);
        long now = System.nanoTime();
        Cached c = cache.get(hash);
        if (c != null && now - c.expiresNanos() < 0) {
            return Optional.of(c.principal());
        }
        Optional<TokenRecord> t = store.tokens().findActive(hash);
        if (t.isEmpty()) {
            cache.remove(hash);
            return Optional.empty();
        }
        Principal p = new Principal(t.get().name(), t.get().role());
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(hash, new Cached(p, now + CACHE_NANOS));
        return Optional.of(p);
    }

    /** The caller, or 401 when there is no valid token, or 403 when its role is below {@code required}. */
    Principal require(Context ctx, Role required) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw unauthorized("this request needs an API token: send the header 'Authorization: Bearer <token>'");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized("the Authorization header must be 'Bearer <token>'");
        }
        String secret = header.substring(7).trim();
        Optional<Principal> found = Tokens.wellFormed(secret) ? lookup(secret) : Optional.empty();
        if (found.isEmpty()) {
            throw unauthorized("the API token is not valid (unknown or revoked)");
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

    private static ApiException unauthorized(String detail) {
        return new ApiException(401, "Unauthorized", detail);
    }
}
