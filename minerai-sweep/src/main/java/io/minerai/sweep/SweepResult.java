package io.minerai.sweep;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A sweep's results in task-index order: {@code results().get(i)} is task i's result, whatever executor ran it and in
 * whatever order its tasks finished.
 *
 * @param name the sweep's name
 * @param seed the sweep's seed
 * @param results one result per task, in task-index order
 * @param <R> the result record type
 */
public record SweepResult<R extends Record>(String name, long seed, List<R> results) {
    public SweepResult {
        results = List.copyOf(results);
    }

    /** Number of results (= tasks). */
    public int size() {
        return results.size();
    }

    /** Task {@code index}'s result. */
    public R get(int index) {
        return results.get(index);
    }

    /**
     * The sum of {@code value} over the results, added in task-index order (floating-point addition is not
     * associative, so a fixed order keeps sums bit-identical across executors).
     */
    public double sum(ToDoubleFunction<R> value) {
        double sum = 0;
        for (R r : results) {
            sum += value.applyAsDouble(r);
        }
        return sum;
    }
}
