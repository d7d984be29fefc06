package io.minerai.sweep;

import org.apache.commons.rng.UniformRandomProvider;
import org.jspecify.annotations.Nullable;

/**
 * What a kernel may know about the task it evaluates besides the task itself: the sweep's seed, the task's index, and
 * random streams derived from those only. Not thread-safe: one context per task evaluation.
 */
public final class TaskContext {
    private final long seed;
    private final int taskIndex;
    private @Nullable UniformRandomProvider random;

    public TaskContext(long seed, int taskIndex) {
        this.seed = seed;
        this.taskIndex = taskIndex;
    }

    /** The sweep's master seed. */
    public long seed() {
        return seed;
    }

    /** This task's index in the sweep. */
    public int taskIndex() {
        return taskIndex;
    }

    /** This task's own stream, {@link SweepRandom#task(long, long) SweepRandom.task(seed, taskIndex)}. */
    public UniformRandomProvider random() {
        UniformRandomProvider r = random;
        if (r == null) {
            r = SweepRandom.task(seed, taskIndex);
            random = r;
        }
        return r;
    }

    /**
     * A stream shared by every task that asks for the same {@code key}: {@link SweepRandom#common(long, long)
     * SweepRandom.common(seed, key)}. Use it for common random numbers, e.g. key = Monte Carlo path index, so that
     * every site and strategy sees the same BTC price path {@code key}. Each call returns a fresh stream at its start.
     */
    public UniformRandomProvider common(long key) {
        return SweepRandom.common(seed, key);
    }
}
