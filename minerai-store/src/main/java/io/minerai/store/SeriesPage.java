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
 * @param columns values per requested column name, reduced per bucket by the column's {@link Aggregation} (NaN for
 *     a mean over no dispatched interval)
 */
public record SeriesPage(
        int totalIntervals, int offset, int bucketIntervals, List<Instant> timesUtc, Map<String, double[]> columns) {

    /** The values of a requested column. */
    public double[] column(String name) {
        double[] v = columns.get(name);
        if (v == null) {
            throw new IllegalArgumentException(name + " was not requested");
        }
        return v;
    }
}
