package io.minerai.portfolio.engine;

import io.minerai.planning.model.RiskMeasure;
import io.minerai.planning.montecarlo.Stats;

/**
 * The distribution of a mix's portfolio NPV and the company's risks over the paths.
 *
 * @param meanNpvUsd expected portfolio NPV
 * @param p10NpvUsd 10th percentile
 * @param p50NpvUsd median
 * @param p90NpvUsd 90th percentile
 * @param cvarNpvUsd mean of the worst alpha share of paths
 * @param probabilityNegative share of paths with a negative NPV
 * @param breachProbability share of paths on which the corporate DSCR covenant is breached in some plan year
 * @param meanDilution mean share of the company new shares would own after funding every cash shortfall at the
 *     share price
 */
public record MixSummary(
        double meanNpvUsd,
        double p10NpvUsd,
        double p50NpvUsd,
        double p90NpvUsd,
        double cvarNpvUsd,
        double probabilityNegative,
        double breachProbability,
        double meanDilution) {

    /** The value of {@code measure}. */
    public double measure(RiskMeasure m) {
        return switch (m) {
            case EXPECTED -> meanNpvUsd;
            case P10 -> p10NpvUsd;
            case CVAR -> cvarNpvUsd;
        };
    }

    /** Summary of per-path values (any order). */
    static MixSummary of(double[] npv, boolean[] breached, double[] dilution, double cvarAlpha) {
        double[] s = Stats.sorted(npv);
        int neg = 0;
        int br = 0;
        double dil = 0;
        for (int i = 0; i < npv.length; i++) {
            if (npv[i] < 0) {
                neg++;
            }
            if (breached[i]) {
                br++;
            }
            dil += dilution[i];
        }
        int n = npv.length;
        return new MixSummary(
                Stats.mean(s),
                Stats.quantile(s, 0.10),
                Stats.quantile(s, 0.50),
                Stats.quantile(s, 0.90),
                Stats.cvar(s, cvarAlpha),
                (double) neg / n,
                (double) br / n,
                dil / n);
    }

    /** {@code measure} of per-path values. */
    static double measureOf(double[] values, RiskMeasure m, double cvarAlpha) {
        double[] s = Stats.sorted(values);
        return switch (m) {
            case EXPECTED -> Stats.mean(s);
            case P10 -> Stats.quantile(s, 0.10);
            case CVAR -> Stats.cvar(s, cvarAlpha);
        };
    }
}
