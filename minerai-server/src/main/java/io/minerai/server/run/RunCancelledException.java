package io.minerai.server.run;

/** Thrown inside a run that was cancelled, to stop it between steps. */
public final class RunCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunCancelledException(long runId) {
        super("run " + runId + " was cancelled");
    }
}
