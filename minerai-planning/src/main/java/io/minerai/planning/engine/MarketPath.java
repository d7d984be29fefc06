package io.minerai.planning.engine;

/**
 * One market path, month by month.
 *
 * @param priceUsdPerBtc BTC price in each month
 * @param networkHashrateThPerS network hashrate in each month
 * @param feesBtcPerBlock mean fees per block in each month
 * @param powerEntry power bank entry of each month
 * @param gpuDeclineShiftPerYear this path's shift of every GPU cloud's log price decline rate
 * @param leaseDefaultMonth per plan lease (plan order), month its tenant defaults ({@link #NEVER} = no default)
 * @param contractDefaultMonth per plan GPU contract (plan order), month its customer defaults ({@link #NEVER} = no
 *     default)
 */
public record MarketPath(
        double[] priceUsdPerBtc,
        double[] networkHashrateThPerS,
        double[] feesBtcPerBlock,
        int[] powerEntry,
        double gpuDeclineShiftPerYear,
        int[] leaseDefaultMonth,
        int[] contractDefaultMonth) {
    /** Marks a tenant that never defaults. */
    public static final int NEVER = Integer.MAX_VALUE;
}
