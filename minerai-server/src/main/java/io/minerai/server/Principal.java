package io.minerai.server;

import io.minerai.store.Role;

/**
 * Who is calling: the name of the token's holder and its role.
 *
 * @param name token holder, e.g. "alice" (never the secret)
 * @param role role
 */
public record Principal(String name, Role role) {
    static final Principal ANONYMOUS = new Principal("anonymous", Role.VIEWER);
}
