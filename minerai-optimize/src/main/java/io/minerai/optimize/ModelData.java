package io.minerai.optimize;

import io.minerai.core.time.TimeGrid;
import java.util.List;

/**
 * The numbers a formulation reads, flattened to arrays on the run's grid: the prices the plan sees (actual real-time
 * prices under perfect foresight, a forecast otherwise), hashprice, available generation, which intervals can be
 * decided, ancillary prices and the 4CP masks. Arrays are shared, not copied; nobody modifies them.
 *
 * @param grid the run's grid
 * @param priceUsdPerMwh energy price the plan sees per interval
 * @param hashpriceUsdPerThDay hashprice per interval, USD per TH/s per day
 * @param generationMw on-site generation available per interval
 * @param dispatched whether an interval can be decided (it has a price, Bitcoin data and generation data)
 * @param products ancillary products offered
 * @param reservePriceUsdPerMwh per product: clearing price per interval in $/MW-h (0 where missing)
 * @param peakInterval 4CP peak intervals known to the plan (hindsight rule), empty array otherwise
 * @param peakUsdPerMw 4CP charge per MW of import in a peak interval (0 without a 4CP tariff or under the alert rule)
 * @param alertInterval intervals in which the peak-alert rule curtails, empty array otherwise
 */
public record ModelData(
        TimeGrid grid,
        double[] priceUsdPerMwh,
        double[] hashpriceUsdPerThDay,
        double[] generationMw,
        boolean[] dispatched,
        List<String> products,
        List<double[]> reservePriceUsdPerMwh,
        boolean[] peakInterval,
        double peakUsdPerMw,
        boolean[] alertInterval) {

    public ModelData {
        products = List.copyOf(products);
        reservePriceUsdPerMwh = List.copyOf(reservePriceUsdPerMwh);
    }

    public double stepHours() {
        return grid.stepHours();
    }

    public boolean isPeak(int t) {
        return t < peakInterval.length && peakInterval[t];
    }

    public boolean isAlert(int t) {
        return t < alertInterval.length && alertInterval[t];
    }

    /** The same data seen with other energy prices (a forecast). */
    public ModelData withPrices(double[] plannedPriceUsdPerMwh) {
        return new ModelData(
                grid,
                plannedPriceUsdPerMwh,
                hashpriceUsdPerThDay,
                generationMw,
                dispatched,
                products,
                reservePriceUsdPerMwh,
                peakInterval,
                peakUsdPerMw,
                alertInterval);
    }
}
