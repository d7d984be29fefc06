package io.minerai.sweep;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.Philox4x64;

/**
 * Random streams of a sweep from Commons RNG's Philox4x64, a counter-based generator (Salmon et al., "Parallel Random
 * Numbers: As Easy as 1, 2, 3", SC11): its 128-bit key selects an independent stream and its 256-bit counter the
 * position in it. Here the key is (seed, task index or common key) and the counter's top word separates task streams
 * from common streams, so no two streams overlap and none depends on threads, machines or the order of evaluation.
 * Commons RNG's Philox increments its counter before each block, so the counters given here (all ones, wrapping to
 * zero) make a task stream's first block the one of counter 0 (Random123's known-answer vector for seed 0, task 0,
 * checked by a test), and a common stream's first block the one of counter (0, 0, 0, 1).
 * Commons RNG keeps a generator's output for a given seed fixed across its releases.
 */
public final class SweepRandom {
    /** Counter word 3 where common streams start; task streams start at 0 and would need 2^192 blocks to reach it. */
    private static final long COMMON_DOMAIN = 1L;

    private SweepRandom() {}

    /** The stream of task {@code taskIndex} of a sweep seeded {@code seed}. */
    public static UniformRandomProvider task(long seed, long taskIndex) {
        return new Philox4x64(new long[] {seed, taskIndex, -1, -1, -1, -1});
    }

    /** The common stream {@code key} of a sweep seeded {@code seed} (the same for every task asking for it). */
    public static UniformRandomProvider common(long seed, long key) {
        return new Philox4x64(new long[] {seed, key, -1, -1, -1, COMMON_DOMAIN - 1});
    }
}
