package io.minerai.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A slice of a run's ledger: interval (or bucket) start times and the requested columns.
 *
 * @param totalIntervals intervals in the whole ledger
 * @param offset first interval of this page (0 for a downsampled series)
 * @param bucketIntervals intervals per point (1 unless downsampled)
 * @param timesUtc start of each point
 * @param columns values per requested column (power and prices: mean over a bucket's dispatched intervals, NaN when
 *     none; money and BTC: bucket sum)
 */
public record SeriesPage(
        int totalIntervals,
        int offset,
        int bucketIntervals,
        List<Instant> timesUtc,
        Map<LedgerColumn, double[]> columns) {

    /** The values of a requested column. */
    public double[] column(LedgerColumn c) {
        double[] v = columns.get(c);
        if (v == null) {
            throw new IllegalArgumentException(c.apiName() + " was not requested");
        }
        return v;
    }
}
