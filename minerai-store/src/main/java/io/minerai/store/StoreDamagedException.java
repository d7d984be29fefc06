package io.minerai.store;

/** Stored data failed a check when read (a checksum, a missing chunk, a page SQLite finds malformed). */
public final class StoreDamagedException extends StoreException {
    private static final long serialVersionUID = 1L;

    public StoreDamagedException(String message) {
        super(message);
    }

    public StoreDamagedException(String message, Throwable cause) {
        super(message, cause);
    }
}
