package io.minerai.store;

/** Another process holds the store's lease (another server serves it); nothing was changed. */
public final class StoreLockedException extends StoreException {
    private static final long serialVersionUID = 1L;

    public StoreLockedException(String message) {
        super(message);
    }
}
