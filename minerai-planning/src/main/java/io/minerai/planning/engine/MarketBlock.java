package io.minerai.planning.engine;

/**
 * Market paths of a block of paths, structure-of-arrays: value of path b (0-based within the block) in month m is at
 * {@code [b * months + m]}. Reused across blocks; filled by {@link MarketModel#fill}.
 */
public final class MarketBlock {
    final int capacity;
    final int months;
    final int leaseCount;
    int size;
    final double[] priceUsdPerBtc;
    final double[] networkHashrateThPerS;
    final double[] feesBtcPerBlock;
    final int[] powerEntry;
    final double[] gpuDeclineShiftPerYear;
    final int[] leaseDefaultMonth;

    public MarketBlock(int capacity, int months, int leaseCount) {
        this.capacity = capacity;
        this.months = months;
        this.leaseCount = leaseCount;
        this.priceUsdPerBtc = new double[capacity * months];
        this.networkHashrateThPerS = new double[capacity * months];
        this.feesBtcPerBlock = new double[capacity * months];
        this.powerEntry = new int[capacity * months];
        this.gpuDeclineShiftPerYear = new double[capacity];
        this.leaseDefaultMonth = new int[capacity * Math.max(1, leaseCount)];
    }

    /** Paths filled. */
    public int size() {
        return size;
    }

    /** Copy of path b as a {@link MarketPath}. */
    public MarketPath path(int b) {
        int o = b * months;
        int[] defaults = new int[leaseCount];
        System.arraycopy(leaseDefaultMonth, b * leaseCount, defaults, 0, leaseCount);
        return new MarketPath(
                java.util.Arrays.copyOfRange(priceUsdPerBtc, o, o + months),
                java.util.Arrays.copyOfRange(networkHashrateThPerS, o, o + months),
                java.util.Arrays.copyOfRange(feesBtcPerBlock, o, o + months),
                java.util.Arrays.copyOfRange(powerEntry, o, o + months),
                gpuDeclineShiftPerYear[b],
                defaults);
    }
}
