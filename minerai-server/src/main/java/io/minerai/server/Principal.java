package io.minerai.server;

import io.minerai.store.Role;

/**
 * Who is calling: the name of the token's holder, its role and the token's id (logged with each request; never the
 * secret).
 *
 * @param name token holder, e.g. "alice"
 * @param role role
 * @param tokenId the token's id, 0 for a request without a token
 */
public record Principal(String name, Role role, long tokenId) {
    static final Principal ANONYMOUS = new Principal("anonymous", Role.VIEWER, 0);
}
