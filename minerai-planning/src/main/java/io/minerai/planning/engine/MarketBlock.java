package io.minerai.planning.engine;

/**
 * Market paths of a block of paths, structure-of-arrays, month-major: the value of path b (0-based within the block) in
 * month m is at {@code [m * capacity + b]}, so the engine's loop over the paths of one month reads consecutive values.
 * Reused across blocks; filled by {@link MarketModel#fill}.
 */
public final class MarketBlock {
    final int capacity;
    final int months;
    final int leaseCount;
    final int contractCount;
    int size;
    /** ln(BTC price in USD) at the start of each month. */
    final double[] logPriceUsdPerBtc;
    /** ln(network hashrate in TH/s). */
    final double[] logNetworkHashrateThPerS;
    /** BTC price / network hashrate (USD per BTC per TH/s), from one exp of the log difference. */
    final double[] priceOverHashrate;

    final double[] feesBtcPerBlock;
    final int[] powerEntry;
    final double[] gpuDeclineShiftPerYear;
    final int[] leaseDefaultMonth;
    /** Per path, per plan GPU contract: the month its customer defaults ({@link MarketPath#NEVER} = never). */
    final int[] contractDefaultMonth;

    public MarketBlock(int capacity, int months, int leaseCount, int contractCount) {
        this.capacity = capacity;
        this.months = months;
        this.leaseCount = leaseCount;
        this.contractCount = contractCount;
        this.logPriceUsdPerBtc = new double[capacity * months];
        this.logNetworkHashrateThPerS = new double[capacity * months];
        this.priceOverHashrate = new double[capacity * months];
        this.feesBtcPerBlock = new double[capacity * months];
        this.powerEntry = new int[capacity * months];
        this.gpuDeclineShiftPerYear = new double[capacity];
        this.leaseDefaultMonth = new int[capacity * Math.max(1, leaseCount)];
        this.contractDefaultMonth = new int[capacity * Math.max(1, contractCount)];
    }

    /** Paths filled. */
    public int size() {
        return size;
    }

    /** Index of path b in month m. */
    int at(int b, int m) {
        return m * capacity + b;
    }

    /** Copy of path b as a {@link MarketPath}. */
    public MarketPath path(int b) {
        int[] defaults = new int[leaseCount];
        System.arraycopy(leaseDefaultMonth, b * leaseCount, defaults, 0, leaseCount);
        int[] contractDefaults = new int[contractCount];
        System.arraycopy(contractDefaultMonth, b * contractCount, contractDefaults, 0, contractCount);
        double[] price = new double[months];
        double[] hashrate = new double[months];
        double[] fees = new double[months];
        int[] entries = new int[months];
        for (int m = 0; m < months; m++) {
            price[m] = StrictMath.exp(logPriceUsdPerBtc[at(b, m)]);
            hashrate[m] = StrictMath.exp(logNetworkHashrateThPerS[at(b, m)]);
            fees[m] = feesBtcPerBlock[at(b, m)];
            entries[m] = powerEntry[at(b, m)];
        }
        return new MarketPath(price, hashrate, fees, entries, gpuDeclineShiftPerYear[b], defaults, contractDefaults);
    }
}
