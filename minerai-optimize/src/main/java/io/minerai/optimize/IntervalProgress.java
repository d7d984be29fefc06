package io.minerai.optimize;

/**
 * Told how far an optimisation has got, after each committed window of a rolling horizon (once, at the end, for a
 * single perfect-foresight solve). It may throw an unchecked exception to stop the run, e.g. when a user cancels it;
 * the exception propagates out of {@link Optimizer#run(OptimizationProblem, IntervalProgress)}.
 */
@FunctionalInterface
public interface IntervalProgress {
    /** Reports nothing. */
    IntervalProgress NONE = (decided, total) -> {};

    /**
     * @param decidedIntervals intervals whose decisions are final
     * @param totalIntervals intervals of the run
     */
    void decided(int decidedIntervals, int totalIntervals);
}
