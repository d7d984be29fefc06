package io.minerai.planning.engine;

/**
 * Daily BTC log-returns for the block bootstrap, with prefix sums so any block's sum is O(1).
 *
 * @see MarketModel
 */
public final class BtcReturns {
    private final String label;
    private final double[] prefix;
    private final double meanDaily;

    /**
     * @param label where the returns come from (shown in reports), e.g. "btc_daily.csv 2018-01-01..2025-03-08"
     * @param dailyLogReturns consecutive daily log-returns (at least 2)
     */
    public BtcReturns(String label, double[] dailyLogReturns) {
        if (dailyLogReturns.length < 2) {
            throw new IllegalArgumentException("need at least 2 daily returns, got " + dailyLogReturns.length);
        }
        this.label = label;
        this.prefix = new double[dailyLogReturns.length + 1];
        for (int i = 0; i < dailyLogReturns.length; i++) {
            if (!Double.isFinite(dailyLogReturns[i])) {
                throw new IllegalArgumentException("daily return " + i + " is not finite");
            }
            prefix[i + 1] = prefix[i] + dailyLogReturns[i];
        }
        this.meanDaily = prefix[dailyLogReturns.length] / dailyLogReturns.length;
    }

    /** Constant zero returns (labelled synthetic): for runs without volatility. */
    public static BtcReturns flat() {
        return new BtcReturns("synthetic: flat", new double[] {0, 0});
    }

    public String label() {
        return label;
    }

    public int size() {
        return prefix.length - 1;
    }

    public double meanDaily() {
        return meanDaily;
    }

    /** Sum of returns [start, start+len). */
    public double blockSum(int start, int len) {
        return prefix[start + len] - prefix[start];
    }

    /** Standard deviation of daily returns (for reports). */
    public double sdDaily() {
        int n = size();
        double s = 0;
        for (int i = 0; i < n; i++) {
            double d = (prefix[i + 1] - prefix[i]) - meanDaily;
            s += d * d;
        }
        return Math.sqrt(s / Math.max(1, n - 1));
    }
}
