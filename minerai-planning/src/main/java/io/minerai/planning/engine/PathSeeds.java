package io.minerai.planning.engine;

/**
 * Per-path seeds: path i's generator is seeded by a hash of (master seed, i) only, so a path's draws do not depend on
 * which thread runs it, on the block size, or on which other paths run (a distributed run over many machines gives
 * the same numbers).
 */
public final class PathSeeds {
    private PathSeeds() {}

    /** SplitMix64 finaliser of (seed, index). */
    public static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
        z = mix64(z);
        return mix64(z ^ seed);
    }

    private static long mix64(long z0) {
        long z = (z0 ^ (z0 >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
