package io.minerai.planning.finance;

/** Straight-line depreciation on a monthly grid. */
public final class Depreciation {
    private Depreciation() {}

    /**
     * Adds the straight-line depreciation of {@code costUsd}, starting in month {@code startMonth} over
     * {@code lifeMonths} months (cost / lifeMonths each month), into {@code out}; months beyond the array are dropped.
     */
    public static void addStraightLine(double[] out, double costUsd, int startMonth, int lifeMonths) {
        if (lifeMonths <= 0 || costUsd == 0) {
            return;
        }
        double perMonth = costUsd / lifeMonths;
        int end = Math.min(out.length, startMonth + lifeMonths);
        for (int t = Math.max(0, startMonth); t < end; t++) {
            out[t] += perMonth;
        }
    }
}
