package io.minerai.planning.engine;

import java.util.Arrays;
import java.util.Optional;

/**
 * Per-path outcomes of one strategy, structure-of-arrays indexed by path. IRR is NaN where the cash flows never
 * change sign, payback {@link #NO_PAYBACK} where cumulative cash ends negative, min DSCR +infinity where no debt service was due (these
 * markers stay inside this array store; {@link #outcome(int)} turns them into Optionals).
 */
public final class StrategyPaths {
    /** Payback marker: the cumulative flows end negative, or the strategy is the baseline (nothing to pay back). */
    public static final int NO_PAYBACK = -1;

    private final String strategy;
    private final boolean baseline;
    private final int months;
    final double[] npvUsd;
    final double[] irrPerYear;
    final int[] paybackMonth;
    final double[] minDscr;
    final boolean[] breached;
    final double[] peakEquityNeedUsd;
    final double[] pureEquityDilution;
    final double[] unleveredNpvUsd;
    /** GPU revenue on the spot market over the horizon (undiscounted). */
    final double[] spotGpuRevenueUsd;
    /** GPU contract revenue (payments, prepayments, renewals, backstop) over the horizon (undiscounted). */
    final double[] contractRevenueUsd;
    /**
     * Minimum DSCR of each path in each plan year ([path * years + y], year y = months 12y .. 12y+11), +infinity in a
     * year without a covenant test.
     */
    final double[] minDscrByYear;
    /** Plan years (the last may be partial). */
    final int years;
    /** GPU-hours delivered by path and plan year ([path * years + y]). */
    final double[] gpuHoursByYear;
    /** exaFLOP-hours delivered at dense BF16 by path and plan year ([path * years + y]). */
    final double[] exaflopHoursByYear;
    /** Contracted GPU-hours curtailed within the contracts' allowances over the horizon, by path. */
    final double[] curtailedGpuHours;
    /** Cumulative equity cash flow by path and month ([path * months + m]) when kept, else empty. */
    final float[] cumulativeEquityUsd;

    /**
     * @param baseline whether this is the run's baseline (no IRR or payback: the others are measured against it)
     */
    public StrategyPaths(String strategy, boolean baseline, int paths, int months, boolean keepCumulative) {
        this.strategy = strategy;
        this.baseline = baseline;
        this.months = months;
        npvUsd = new double[paths];
        irrPerYear = new double[paths];
        paybackMonth = new int[paths];
        minDscr = new double[paths];
        breached = new boolean[paths];
        peakEquityNeedUsd = new double[paths];
        pureEquityDilution = new double[paths];
        unleveredNpvUsd = new double[paths];
        spotGpuRevenueUsd = new double[paths];
        contractRevenueUsd = new double[paths];
        years = (months + 11) / 12;
        minDscrByYear = new double[paths * years];
        gpuHoursByYear = new double[paths * years];
        exaflopHoursByYear = new double[paths * years];
        curtailedGpuHours = new double[paths];
        cumulativeEquityUsd = keepCumulative ? new float[paths * months] : new float[0];
    }

    public String strategy() {
        return strategy;
    }

    /** Whether this is the run's baseline strategy. */
    public boolean baseline() {
        return baseline;
    }

    public int paths() {
        return npvUsd.length;
    }

    public int months() {
        return months;
    }

    public double[] npvUsd() {
        return npvUsd.clone();
    }

    public double npvUsd(int path) {
        return npvUsd[path];
    }

    public double[] irrPerYear() {
        return irrPerYear.clone();
    }

    public double[] minDscr() {
        return minDscr.clone();
    }

    public boolean breached(int path) {
        return breached[path];
    }

    public double[] peakEquityNeedUsd() {
        return peakEquityNeedUsd.clone();
    }

    public double[] pureEquityDilution() {
        return pureEquityDilution.clone();
    }

    public double[] unleveredNpvUsd() {
        return unleveredNpvUsd.clone();
    }

    public double[] spotGpuRevenueUsd() {
        return spotGpuRevenueUsd.clone();
    }

    public double[] contractRevenueUsd() {
        return contractRevenueUsd.clone();
    }

    /** Plan years (the last may be partial). */
    public int years() {
        return years;
    }

    /** Every path's minimum DSCR in plan year y (+infinity where no covenant test fell in that year). */
    public double[] minDscrInYear(int y) {
        double[] out = new double[paths()];
        for (int i = 0; i < out.length; i++) {
            out[i] = minDscrByYear[i * years + y];
        }
        return out;
    }

    /** Every path's GPU-hours delivered in plan year y. */
    public double[] gpuHoursInYear(int y) {
        return column(gpuHoursByYear, y);
    }

    /** Every path's exaFLOP-hours delivered (dense BF16) in plan year y. */
    public double[] exaflopHoursInYear(int y) {
        return column(exaflopHoursByYear, y);
    }

    /** Every path's contracted GPU-hours curtailed within the contracts' allowances over the horizon. */
    public double[] curtailedGpuHours() {
        return curtailedGpuHours.clone();
    }

    private double[] column(double[] byYear, int y) {
        double[] out = new double[paths()];
        for (int i = 0; i < out.length; i++) {
            out[i] = byYear[i * years + y];
        }
        return out;
    }

    public int[] paybackMonth() {
        return paybackMonth.clone();
    }

    /** Cumulative equity cash flow of every path in month m, if kept. */
    public Optional<double[]> cumulativeAt(int m) {
        if (cumulativeEquityUsd.length == 0) {
            return Optional.empty();
        }
        double[] out = new double[paths()];
        for (int i = 0; i < out.length; i++) {
            out[i] = cumulativeEquityUsd[i * months + m];
        }
        return Optional.of(out);
    }

    /** Share of paths with a covenant breach. */
    public double breachProbability() {
        int c = 0;
        for (boolean b : breached) {
            if (b) {
                c++;
            }
        }
        return (double) c / breached.length;
    }

    /** Path i as a record. */
    public PathOutcome outcome(int i) {
        return new PathOutcome(
                npvUsd[i],
                Double.isNaN(irrPerYear[i])
                        ? java.util.OptionalDouble.empty()
                        : java.util.OptionalDouble.of(irrPerYear[i]),
                paybackMonth[i] < 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(paybackMonth[i]),
                minDscr[i] == Double.POSITIVE_INFINITY
                        ? java.util.OptionalDouble.empty()
                        : java.util.OptionalDouble.of(minDscr[i]),
                breached[i],
                peakEquityNeedUsd[i],
                pureEquityDilution[i],
                unleveredNpvUsd[i]);
    }

    @Override
    public String toString() {
        return strategy + " " + Arrays.toString(Arrays.copyOf(npvUsd, Math.min(3, npvUsd.length))) + "...";
    }
}
