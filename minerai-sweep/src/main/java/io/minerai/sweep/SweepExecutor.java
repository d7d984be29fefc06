package io.minerai.sweep;

/**
 * Runs sweeps. Every executor returns, for the same sweep and kernel, the same results bit for bit, in task-index
 * order. Get one with {@link SweepExecutors#create}; close it when done (a Spark executor stops its session).
 */
public interface SweepExecutor extends AutoCloseable {
    /** The executor's name as the CLI spells it ({@code local}, {@code spark}). */
    String name();

    /**
     * Evaluates every task of {@code sweep} with {@code kernel}.
     *
     * @param progress told the number of tasks done as they finish
     * @return the results in task-index order
     * @throws SweepFailedException if a task's evaluation throws (naming the first failing task index)
     */
    <T extends Record, R extends Record> SweepResult<R> run(
            Sweep<T> sweep, SweepKernel<T, R> kernel, SweepProgress progress);

    /** Runs without progress reports. */
    default <T extends Record, R extends Record> SweepResult<R> run(Sweep<T> sweep, SweepKernel<T, R> kernel) {
        return run(sweep, kernel, SweepProgress.NONE);
    }

    @Override
    default void close() {}
}
