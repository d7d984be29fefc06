package io.minerai.planning.run;

import io.minerai.planning.engine.StrategyPaths;
import java.util.Comparator;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.IntStream;

/**
 * A path whose month-by-month cash flows are reported for a strategy: the deterministic case, or the Monte Carlo path
 * at a percentile of the strategy's NPV distribution (path i's market depends only on (seed, i), so the path is
 * evaluated again, line by line, from its index).
 *
 * @param strategy strategy name
 * @param label "deterministic" or "p10", "p50"...
 * @param percentile the NPV percentile (0..100), empty for the deterministic case
 * @param pathIndex the Monte Carlo path index, empty for the deterministic case
 * @param npvUsd the NPV of that path as the Monte Carlo computed it
 */
public record CashFlowCase(
        String strategy, String label, OptionalDouble percentile, OptionalLong pathIndex, double npvUsd) {

    /** The label of the deterministic case. */
    public static final String DETERMINISTIC = "deterministic";

    /** The deterministic case of a strategy with its NPV. */
    public static CashFlowCase deterministic(String strategy, double npvUsd) {
        return new CashFlowCase(strategy, DETERMINISTIC, OptionalDouble.empty(), OptionalLong.empty(), npvUsd);
    }

    /** Whether this is the deterministic case. */
    public boolean isDeterministic() {
        return pathIndex.isEmpty();
    }

    /**
     * The path at percentile {@code q} (0..100) of {@code p}'s NPVs: paths ordered by (NPV, index), the order statistic
     * at round(q / 100 x (n - 1)). Independent of thread count and block size like the NPVs themselves.
     */
    public static CashFlowCase atPercentile(StrategyPaths p, double q) {
        if (!(q >= 0 && q <= 100)) {
            throw new IllegalArgumentException("percentile must be 0..100, was " + q);
        }
        double[] npv = p.npvUsd();
        int[] order = IntStream.range(0, npv.length)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> npv[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue)
                .toArray();
        int i = order[(int) Math.round(q / 100.0 * (npv.length - 1))];
        return new CashFlowCase(p.strategy(), label(q), OptionalDouble.of(q), OptionalLong.of(i), npv[i]);
    }

    /** "p10" for 10, "p2.5" for 2.5. */
    static String label(double q) {
        return q == Math.rint(q) ? "p" + (long) q : String.format(Locale.ROOT, "p%s", q);
    }
}
