package io.minerai.dispatch.program;

import io.minerai.core.time.TimeGrid;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Coincident peaks found on a system-load series and placed on a run's grid (see {@link PeakFinder}).
 *
 * @param peaksUtc starts of the peak intervals, in time order
 * @param peakLength length of each peak interval (the definition's, or the load series' step when that is coarser)
 * @param peakWeight per run interval: the share of a peak interval it covers (1 for the run interval containing a
 *     peak on a grid at least as coarse as the peak; 1/3 for each of the three 5-minute intervals of a 15-minute peak)
 * @param peakInterval per run interval: holds the start of a peak, one interval per peak (the mask a {@link
 *     CoincidentPeakCharge} charges: on a grid finer than the peak the interval where the peak starts stands for it,
 *     so no peak is counted twice)
 * @param alertInterval per run interval: the alert rule fires in at least part of it (all false without an alert
 *     rule)
 */
public record CoincidentPeaks(
        List<Instant> peaksUtc,
        Duration peakLength,
        double[] peakWeight,
        boolean[] peakInterval,
        boolean[] alertInterval) {

    public CoincidentPeaks {
        peaksUtc = List.copyOf(peaksUtc);
        if (peakWeight.length != alertInterval.length || peakInterval.length != alertInterval.length) {
            throw new IllegalArgumentException("peak weights, peak mask and alert mask differ in length");
        }
    }

    /** The same peaks with another alert mask. */
    public CoincidentPeaks withAlerts(boolean[] alerts) {
        return new CoincidentPeaks(peaksUtc, peakLength, peakWeight, peakInterval, alerts);
    }

    /** No peaks on the grid. */
    public static CoincidentPeaks none(TimeGrid runGrid) {
        int n = runGrid.count();
        return new CoincidentPeaks(List.of(), Duration.ZERO, new double[n], new boolean[n], new boolean[n]);
    }

    /** Peaks given as instants (e.g. a published list) of {@code length} each; no alerts. */
    public static CoincidentPeaks ofPeaks(TimeGrid runGrid, List<Instant> peaksUtc, Duration length) {
        double[] w = new double[runGrid.count()];
        boolean[] start = new boolean[runGrid.count()];
        for (Instant p : peaksUtc) {
            spread(runGrid, p, length, w, 1.0);
            int i = runGrid.indexContaining(p);
            if (i >= 0) {
                start[i] = true;
            }
        }
        return new CoincidentPeaks(peaksUtc.stream().sorted().toList(), length, w, start, new boolean[runGrid.count()]);
    }

    /**
     * Adds {@code amount} x the share of [start, start + length) that each run interval covers to {@code out}: the whole
     * amount to the one interval containing it on a coarser grid, a share to each interval on a finer one.
     */
    static void spread(TimeGrid runGrid, Instant start, Duration length, double[] out, double amount) {
        long step = runGrid.stepSeconds();
        long a = start.getEpochSecond() - runGrid.startUtc().getEpochSecond();
        long len = Math.max(1, length.toSeconds());
        long b = a + len;
        long first = Math.floorDiv(a, step);
        long last = Math.floorDiv(b - 1, step);
        for (long i = Math.max(0, first); i <= Math.min(runGrid.count() - 1L, last); i++) {
            long lo = Math.max(a, i * step);
            long hi = Math.min(b, (i + 1) * step);
            if (hi > lo) {
                out[(int) i] += amount * (hi - lo) / (double) len;
            }
        }
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
