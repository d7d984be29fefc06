package io.minerai.planning.finance;

/** Equity dilution of funding a need by issuing new shares at the pre-money value. */
public final class Dilution {
    private Dilution() {}

    /**
     * Share of the company new investors would own after raising {@code raiseUsd} at a pre-money equity value of
     * {@code preMoneyUsd}: raise / (pre-money + raise). Zero when nothing is raised.
     */
    public static double fraction(double raiseUsd, double preMoneyUsd) {
        if (raiseUsd <= 0) {
            return 0;
        }
        return raiseUsd / (preMoneyUsd + raiseUsd);
    }

    /**
     * Peak cumulative funding need of monthly cash flows: the largest drop of the running sum below zero, i.e. the
     * money that must be raised up front to never run out. Zero if the running sum never goes negative.
     */
    public static double peakFundingNeedUsd(double[] cashFlows, int n) {
        double cum = 0;
        double min = 0;
        for (int t = 0; t < n; t++) {
            cum += cashFlows[t];
            min = Math.min(min, cum);
        }
        return -min;
    }
}
