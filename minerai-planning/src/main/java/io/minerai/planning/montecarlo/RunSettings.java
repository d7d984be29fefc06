package io.minerai.planning.montecarlo;

/**
 * How a Monte Carlo run is executed (not what it computes: results are identical for any of these).
 *
 * @param threads worker threads
 * @param blockSize paths per block (unit of work and of market-path storage)
 * @param keepCumulative keep each path's cumulative equity cash flow by month (for fan charts)
 * @param cvarAlpha tail share for CVaR in the summaries
 */
public record RunSettings(int threads, int blockSize, boolean keepCumulative, double cvarAlpha) {
    public RunSettings {
        if (threads < 1 || blockSize < 1) {
            throw new IllegalArgumentException("threads and blockSize must be >= 1");
        }
    }

    public static RunSettings defaults() {
        return new RunSettings(Runtime.getRuntime().availableProcessors(), 256, false, 0.1);
    }

    public RunSettings withThreads(int n) {
        return new RunSettings(n, blockSize, keepCumulative, cvarAlpha);
    }

    public RunSettings withKeepCumulative(boolean keep) {
        return new RunSettings(threads, blockSize, keep, cvarAlpha);
    }

    public RunSettings withCvarAlpha(double a) {
        return new RunSettings(threads, blockSize, keepCumulative, a);
    }
}
