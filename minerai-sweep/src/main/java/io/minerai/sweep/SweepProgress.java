package io.minerai.sweep;

/**
 * Told how many tasks are done. Executors call it one call at a time (never concurrently), with {@code done}
 * non-decreasing, from any thread; the last call has {@code done == total}.
 */
@FunctionalInterface
public interface SweepProgress {
    /** Ignores every update. */
    SweepProgress NONE = (done, total) -> {};

    void update(long done, long total);
}
