package io.minerai.store;

/** What an API token may do: viewers read, operators also write (scenarios, datasets, runs), admins also manage tokens. */
public enum Role {
    VIEWER,
    OPERATOR,
    ADMIN;

    /** Whether this role includes {@code required}. */
    public boolean includes(Role required) {
        return ordinal() >= required.ordinal();
    }
}
