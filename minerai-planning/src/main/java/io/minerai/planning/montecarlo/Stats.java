package io.minerai.planning.montecarlo;

import java.util.Arrays;

/** Distribution statistics over paths, computed on sorted copies so results never depend on path order. */
public final class Stats {
    private Stats() {}

    /** Sorted copy without NaN. */
    public static double[] sorted(double[] values) {
        double[] s = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        Arrays.sort(s);
        return s;
    }

    /** Quantile q (0..1) of sorted values, linear interpolation between order statistics; NaN when empty. */
    public static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        double w = pos - lo;
        return sorted[lo] * (1 - w) + sorted[hi] * w;
    }

    /** Mean; NaN when empty. Summed in sorted order for reproducibility. */
    public static double mean(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double v : sorted) {
            s += v;
        }
        return s / sorted.length;
    }

    /** Conditional value at risk: mean of the worst ceil(alpha n) values of sorted values (ascending). */
    public static double cvar(double[] sorted, double alpha) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int k = Math.max(1, (int) Math.ceil(alpha * sorted.length - 1e-9));
        double s = 0;
        for (int i = 0; i < k; i++) {
            s += sorted[i];
        }
        return s / k;
    }
}
