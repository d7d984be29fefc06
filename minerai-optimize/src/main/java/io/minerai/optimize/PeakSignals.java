package io.minerai.optimize;

import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import java.time.Instant;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ERCOT 4CP signals on a run's grid: which intervals contain the four monthly system peaks of June-September, and in
 * which intervals a peak-alert rule ("system load within x % of the month's running peak") would curtail. Months are
 * taken in Central Prevailing Time (America/Chicago), ERCOT's clock.
 *
 * @param peaksUtc starts of the 15-minute (or coarser) system-load intervals that are the monthly peaks
 * @param peakInterval per interval of the run's grid: contains a peak
 * @param alertInterval per interval of the run's grid: the alert rule fires in at least part of it
 */
public record PeakSignals(List<Instant> peaksUtc, boolean[] peakInterval, boolean[] alertInterval) {
    private static final java.time.ZoneId ERCOT = java.time.ZoneId.of("America/Chicago");

    public PeakSignals {
        peaksUtc = List.copyOf(peaksUtc);
    }

    /** No peaks (no 4CP program). */
    public static PeakSignals none(TimeGrid runGrid) {
        return new PeakSignals(List.of(), new boolean[runGrid.count()], new boolean[runGrid.count()]);
    }

    /** Peaks given as instants (e.g. from ERCOT's published 4CP list); no alerts. */
    public static PeakSignals ofPeaks(TimeGrid runGrid, List<Instant> peaksUtc) {
        boolean[] mask = new boolean[runGrid.count()];
        for (Instant p : peaksUtc) {
            int i = runGrid.indexContaining(p);
            if (i >= 0) {
                mask[i] = true;
            }
        }
        return new PeakSignals(peaksUtc, mask, new boolean[runGrid.count()]);
    }

    /**
     * Signals from a system-load series within the run's period: the peak of each June-September month (Central time)
     * and the alert intervals
     * where load is at least {@code (1 - alertWithinFraction)} x the month's running maximum so far.
     *
     * @param systemLoadMw system load (any step; missing values are skipped)
     * @param runGrid the run's grid
     * @param alertWithinFraction e.g. 0.03; NaN for no alert mask
     */
    public static PeakSignals fromSystemLoad(TimeSeries systemLoadMw, TimeGrid runGrid, double alertWithinFraction) {
        TimeGrid lg = systemLoadMw.grid();
        Map<YearMonth, Integer> peakIndex = new HashMap<>();
        Map<YearMonth, Double> runningMax = new HashMap<>();
        boolean[] alert = new boolean[runGrid.count()];
        for (int i = 0; i < lg.count(); i++) {
            if (systemLoadMw.isMissing(i)
                    || lg.start(i).isBefore(runGrid.startUtc())
                    || !lg.start(i).isBefore(runGrid.endUtc())) {
                continue;
            }
            ZonedDateTime local = lg.start(i).atZone(ERCOT);
            Month m = local.getMonth();
            if (m.getValue() < 6 || m.getValue() > 9) {
                continue;
            }
            YearMonth ym = YearMonth.from(local);
            double v = systemLoadMw.value(i);
            double max = Math.max(runningMax.getOrDefault(ym, Double.NEGATIVE_INFINITY), v);
            runningMax.put(ym, max);
            Integer pk = peakIndex.get(ym);
            if (pk == null || v > systemLoadMw.value(pk)) {
                peakIndex.put(ym, i);
            }
            if (!Double.isNaN(alertWithinFraction) && v >= (1 - alertWithinFraction) * max) {
                int r = runGrid.indexContaining(lg.start(i));
                if (r >= 0) {
                    alert[r] = true;
                }
            }
        }
        List<Instant> peaks = new ArrayList<>();
        new java.util.TreeMap<>(peakIndex).values().forEach(i -> peaks.add(lg.start(i)));
        PeakSignals p = ofPeaks(runGrid, peaks);
        return new PeakSignals(peaks, p.peakInterval(), alert);
    }

    /** Number of run intervals in which the alert rule fires. */
    public int alertCount() {
        int c = 0;
        for (boolean b : alertInterval) {
            if (b) {
                c++;
            }
        }
        return c;
    }

    /** The peaks as text in UTC, for reports. */
    public List<String> peaksText() {
        return peaksUtc.stream().map(p -> p.atOffset(ZoneOffset.UTC).toString()).toList();
    }
}
