package io.minerai.sustainability;

import io.minerai.core.time.TimeSeries;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;

/**
 * The grid factor of every dispatched interval. Where the factor data has a gap in a dispatched interval, the
 * time-weighted mean of the run's present factors fills it; the filled intervals are counted and reported, never
 * hidden.
 *
 * @param kgCo2ePerMwh factor per interval (0 in skipped intervals)
 * @param filled whether the interval's factor was filled
 * @param filledIntervals number of dispatched intervals with a filled factor
 * @param fillKgCo2ePerMwh the value used to fill (mean of present factors over dispatched intervals)
 */
public record IntervalFactors(double[] kgCo2ePerMwh, boolean[] filled, int filledIntervals, double fillKgCo2ePerMwh) {

    /** Aligns {@code factors} with the dispatched intervals of {@code energy}. */
    public static IntervalFactors of(SiteEnergy energy, GridFactors factors) {
        if (!factors.grid().equals(energy.grid())) {
            throw new IllegalArgumentException(
                    "grid factors are on " + factors.grid() + " but the dispatch is on " + energy.grid());
        }
        TimeSeries s = factors.kgCo2ePerMwh();
        int n = energy.size();
        double sum = 0;
        int present = 0;
        int dispatched = 0;
        for (int t = 0; t < n; t++) {
            if (energy.dispatched()[t]) {
                dispatched++;
                if (!s.isMissing(t)) {
                    sum += s.value(t);
                    present++;
                }
            }
        }
        if (dispatched > 0 && present == 0) {
            throw new ValidationException(
                    "sustainability",
                    new Problem(
                            "sustainability.gridFactors",
                            "no grid emission factor for any dispatched interval of " + energy.grid()
                                    + " (" + factors.description()
                                    + "); the bundled ERCOT fuel mix covers 2023 and 2024:"
                                    + " set sustainability.gridFactors.year to 2023 or 2024, or give a CSV of factors"));
        }
        double fill = present > 0 ? sum / present : 0;
        double[] k = new double[n];
        boolean[] filled = new boolean[n];
        int filledCount = 0;
        for (int t = 0; t < n; t++) {
            if (!energy.dispatched()[t]) {
                continue;
            }
            if (s.isMissing(t)) {
                k[t] = fill;
                filled[t] = true;
                filledCount++;
            } else {
                k[t] = s.value(t);
            }
        }
        return new IntervalFactors(k, filled, filledCount, fill);
    }
}
