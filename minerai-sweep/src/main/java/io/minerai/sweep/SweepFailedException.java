package io.minerai.sweep;

import org.jspecify.annotations.Nullable;

/** A task's evaluation threw; names the sweep and the task index. */
public final class SweepFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int taskIndex;

    public SweepFailedException(String sweepName, int taskIndex, String message, @Nullable Throwable cause) {
        super(
                "sweep '" + sweepName + "' failed" + (taskIndex >= 0 ? " at task " + taskIndex : "") + ": " + message,
                cause);
        this.taskIndex = taskIndex;
    }

    /** The index of the task that failed, or -1 when the executor could not tell. */
    public int taskIndex() {
        return taskIndex;
    }
}
