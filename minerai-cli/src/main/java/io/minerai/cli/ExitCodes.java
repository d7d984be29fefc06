package io.minerai.cli;

/** What the exit codes of {@code ./minerai} mean. */
public final class ExitCodes {
    /** Done. */
    public static final int OK = 0;
    /** Failed while running (I/O, solver, internal error). */
    public static final int FAILED = 1;
    /** Bad usage, or an invalid scenario or data file. */
    public static final int INVALID_INPUT = 2;

    private ExitCodes() {}
}
