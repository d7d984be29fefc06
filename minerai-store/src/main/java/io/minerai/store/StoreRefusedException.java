package io.minerai.store;

/**
 * The store file is not a usable minerai store (empty, truncated, corrupt, another program's file, an older store
 * format); it was left exactly as found and nothing new was created in its place.
 */
public final class StoreRefusedException extends StoreException {
    private static final long serialVersionUID = 1L;

    public StoreRefusedException(String message) {
        super(message);
    }
}
