package io.minerai.dispatch;

import io.minerai.core.time.TimeGrid;

/**
 * The ERCOT 4CP transmission charge: the site's 4CP tag is its average grid import in the four monthly 15-minute
 * system peaks of June to September, and the charge is tag x tariff ($/kW-year) x 1000 (16 TAC §25.192; see
 * /work/shared/reference/DOMAIN.md 3.1). Each peak interval of the run therefore costs import MW x 1000 x tariff / 4.
 * On a grid coarser than 15 minutes the peak's interval is the one containing the peak, and its average import stands
 * for the import in the peak 15 minutes. The charge is what this year's peaks set (it is billed in the next calendar
 * year).
 *
 * @param tariffUsdPerKwYear transmission rate per kW of 4CP tag per year
 * @param peakInterval per interval of the run's grid: true when it contains one of the peaks
 */
public record CoincidentPeakCharge(double tariffUsdPerKwYear, boolean[] peakInterval) {
    /** Peaks that make up the tag. */
    public static final int PEAKS_PER_TAG = 4;

    /** Charge per MW of import in one peak interval, USD. */
    public double usdPerMwInPeak() {
        return tariffUsdPerKwYear * 1000.0 / PEAKS_PER_TAG;
    }

    public boolean isPeak(int t) {
        return t < peakInterval.length && peakInterval[t];
    }

    /** Checks the mask fits the grid. */
    public void requireGrid(TimeGrid grid) {
        if (peakInterval.length != grid.count()) {
            throw new IllegalArgumentException(
                    "4CP peak mask has " + peakInterval.length + " intervals, the grid " + grid.count());
        }
    }
}
