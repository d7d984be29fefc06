package io.minerai.data.series;

import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Series read by {@link TimestampedCsvReader}, on the data's own grid (first row to last row, inferred step).
 *
 * @param grid the data's grid
 * @param series one per value column, by column name, in the spec's order
 */
public record TimestampedData(TimeGrid grid, Map<String, TimeSeries> series) {
    public TimestampedData {
        series = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(series));
    }

    /** The series of one value column. */
    public TimeSeries series(String column) {
        TimeSeries s = series.get(column);
        if (s == null) {
            throw new IllegalArgumentException("no column " + column + "; read: " + series.keySet());
        }
        return s;
    }
}
