package io.minerai.data.market;

import io.minerai.core.time.TimeSeries;
import io.minerai.data.Coverage;
import io.minerai.data.resolve.GapReport;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How well a resolved series covers the run's grid: the span the data has, the run intervals left missing and in
 * which runs, and notes about the data (e.g. hours interpolated upstream). Missing values are never filled.
 *
 * @param data the data's own span (first published interval start .. last end)
 * @param intervals intervals of the run's grid
 * @param missing run intervals without a value
 * @param gaps the runs of missing intervals (UTC, end exclusive)
 * @param notes facts about the data a user should see
 */
public record MarketDataCoverage(
        Optional<Coverage> data, int intervals, int missing, List<TimeSeries.Gap> gaps, List<String> notes) {
    public MarketDataCoverage {
        Objects.requireNonNull(data, "data");
        gaps = List.copyOf(gaps);
        notes = List.copyOf(notes);
    }

    /** The coverage of {@code onGrid} by data spanning {@code data}. */
    public static MarketDataCoverage of(Optional<Coverage> data, TimeSeries onGrid, List<String> notes) {
        return new MarketDataCoverage(data, onGrid.size(), onGrid.missingCount(), onGrid.gaps(), notes);
    }

    /** Whether every run interval has a value. */
    public boolean isComplete() {
        return missing == 0;
    }

    /** The entry for the run's {@link GapReport}, labelled {@code input}. */
    public GapReport.Entry gapReportEntry(String input) {
        return new GapReport.Entry(input, missing, gaps);
    }

    /** One line, e.g. {@code 105120 intervals, 2 missing (0.00 %) in 1 gap; data 2024-12-31T14:00Z .. ...}. */
    public String summary() {
        return String.format(
                        Locale.ROOT,
                        "%d intervals, %d missing (%.2f %%) in %d gap%s",
                        intervals,
                        missing,
                        intervals == 0 ? 0.0 : 100.0 * missing / intervals,
                        gaps.size(),
                        gaps.size() == 1 ? "" : "s")
                + data.map(d -> "; data " + d).orElse("; no data")
                + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
    }
}
