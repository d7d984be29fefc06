package io.minerai.server;

import io.javalin.http.Context;
import io.minerai.store.Role;
import io.minerai.store.Store;
import io.minerai.store.TokenRecord;
import java.util.Optional;

/**
 * Bearer-token authentication: {@code Authorization: Bearer <token>}. Tokens are looked up by their SHA-256; the
 * secret is never logged nor stored. Tokens in query strings are not accepted (they would end up in logs).
 */
final class Auth {
    private final Store store;

    Auth(Store store) {
        this.store = store;
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
        Optional<TokenRecord> token =
                Tokens.wellFormed(secret) ? store.tokens().findActive(Tokens.hash(secret)) : Optional.empty();
        if (token.isEmpty()) {
            throw unauthorized("the API token is not valid (unknown or revoked)");
        }
        Principal p = new Principal(token.get().name(), token.get().role());
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
