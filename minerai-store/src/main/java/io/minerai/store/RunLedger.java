package io.minerai.store;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A run's per-interval ledger as the store keeps it: the start of each interval, whether it was dispatched, and any
 * number of named double columns. The store knows nothing of what the columns mean; the application maps its results
 * to columns (minerai-server's {@code LedgerColumns}). The dispatched flag is served as the column
 * {@value #DISPATCHED} (1 or 0; its downsampled value is the fraction of dispatched intervals).
 *
 * @param intervalStartsUtc start of each interval
 * @param dispatched whether each interval was dispatched (intervals skipped for missing data hold zeros)
 * @param columns the columns, each with one value per interval, names unique
 */
public record RunLedger(List<Instant> intervalStartsUtc, boolean[] dispatched, List<SeriesColumn> columns) {
    /** Name of the column that serves the dispatched flag. */
    public static final String DISPATCHED = "dispatched";

    public RunLedger {
        intervalStartsUtc = List.copyOf(intervalStartsUtc);
        columns = List.copyOf(columns);
        int n = intervalStartsUtc.size();
        if (dispatched.length != n) {
            throw new IllegalArgumentException(
                    "the dispatched flags have " + dispatched.length + " values for " + n + " intervals");
        }
        Set<String> names = new HashSet<>();
        names.add(DISPATCHED);
        for (SeriesColumn c : columns) {
            if (c.values().length != n) {
                throw new IllegalArgumentException(
                        "column " + c.name() + " has " + c.values().length + " values for " + n + " intervals");
            }
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("column " + c.name() + " is given twice (or is reserved)");
            }
        }
    }

    public int size() {
        return intervalStartsUtc.size();
    }
}
