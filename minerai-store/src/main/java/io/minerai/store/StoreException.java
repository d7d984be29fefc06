package io.minerai.store;

/** A database operation failed (connection, constraint, I/O); the transaction was rolled back. */
public sealed class StoreException extends RuntimeException
        permits StoreLockedException, StoreRefusedException, StoreDamagedException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
