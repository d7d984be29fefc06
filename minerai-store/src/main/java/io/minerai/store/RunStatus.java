package io.minerai.store;

/** Life cycle of a run: QUEUED -> RUNNING -> SUCCEEDED | FAILED | CANCELLED (QUEUED may go straight to CANCELLED). */
public enum RunStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
