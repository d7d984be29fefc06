package io.minerai.planning.engine;

import java.util.SplittableRandom;

/**
 * The random numbers of one path, seeded by (seed, path index) only. Normal deviates come from Marsaglia's polar
 * method with {@link StrictMath#log} (and the exactly rounded sqrt), so every platform, thread and JIT tier draws the
 * same bits; {@code Math.exp/log} may differ by an ulp between the interpreter and compiled code, which would break
 * the promise that 1 and N threads give identical results.
 */
public final class PathRandom {
    private final SplittableRandom rng;
    private double spare;
    private boolean hasSpare;

    public PathRandom(long seed, long pathIndex) {
        this.rng = new SplittableRandom(PathSeeds.mix(seed, pathIndex));
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return rng.nextDouble();
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        return rng.nextInt(bound);
    }

    /** Standard normal. */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * rng.nextDouble() - 1;
            v = 2 * rng.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.sqrt(-2 * StrictMath.log(s) / s);
        spare = v * f;
        hasSpare = true;
        return u * f;
    }
}
