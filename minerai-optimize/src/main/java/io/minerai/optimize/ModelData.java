package io.minerai.optimize;

import io.minerai.core.time.TimeGrid;
import io.minerai.dispatch.program.CoincidentPeakCharge;
import java.util.List;

/**
 * The numbers a formulation reads, flattened to arrays on the run's grid: the prices the plan sees (actual real-time
 * prices under perfect foresight, a forecast otherwise), hashprice, available generation, which intervals can be
 * decided, the reserve products with their planning prices and limits, the coincident-peak charges the plan prices,
 * the intervals a peak-alert rule curtails and the import limits of demand-response programs. Arrays are shared, not
 * copied; nobody modifies them.
 *
 * @param grid the run's grid
 * @param priceUsdPerMwh energy price the plan sees per interval
 * @param hashpriceUsdPerThDay hashprice per interval, USD per TH/s per day
 * @param generationMw on-site generation available per interval
 * @param dispatched whether an interval can be decided (it has a price, Bitcoin data and generation data)
 * @param reserves reserve products the site may offer, with the prices the plan values them at
 * @param peakCharges coincident-peak charges whose peaks the plan knows (hindsight); those under an alert rule are not
 *     priced, their alert intervals are in {@code curtailInterval}
 * @param curtailInterval intervals in which a peak-alert rule curtails every curtailable load and job (empty array
 *     for none)
 * @param importLimits import limits of demand-response programs, per interval
 */
public record ModelData(
        TimeGrid grid,
        double[] priceUsdPerMwh,
        double[] hashpriceUsdPerThDay,
        double[] generationMw,
        boolean[] dispatched,
        List<ReserveProduct> reserves,
        List<PeakCharge> peakCharges,
        boolean[] curtailInterval,
        List<ImportLimit> importLimits) {

    public ModelData {
        reserves = List.copyOf(reserves);
        peakCharges = List.copyOf(peakCharges);
        importLimits = List.copyOf(importLimits);
    }

    /**
     * A reserve product as the plan sees it.
     *
     * @param id product key, e.g. RRS
     * @param priceUsdPerMwh price per MW offered per hour that the plan values an offer at, per interval (0 where
     *     missing): the day-ahead clearing price (the award's price)
     * @param maxShare at most this share of the offerable capacity (1 = no limit of its own)
     * @param maxMw at most this many MW per interval ({@link Double#POSITIVE_INFINITY} = no limit)
     * @param eligibleLoad per load of the site: may provide this product
     */
    public record ReserveProduct(
            String id, double[] priceUsdPerMwh, double maxShare, double maxMw, boolean[] eligibleLoad) {

        /** Whether the product has no limit of its own beyond a share (the offer can then be reduced exactly). */
        boolean shareLimitedOnly(boolean[] curtailable) {
            if (maxMw != Double.POSITIVE_INFINITY) {
                return false;
            }
            for (int l = 0; l < curtailable.length; l++) {
                if (curtailable[l] && !eligibleLoad[l]) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * A coincident-peak charge the plan prices.
     *
     * @param charge the program's settler (peaks, rate, minimum billing demand)
     * @param lastPeakInterval the last decided interval of the run holding a peak (-1 for none): where settlement books
     *     the minimum billing demand's top-up
     */
    public record PeakCharge(CoincidentPeakCharge charge, int lastPeakInterval) {}

    /**
     * A demand-response program's import limit.
     *
     * @param program program id
     * @param maxImportMw per interval: the most the site may import ({@link Double#POSITIVE_INFINITY} = no limit)
     */
    public record ImportLimit(String program, double[] maxImportMw) {}

    public double stepHours() {
        return grid.stepHours();
    }

    /** The reserve products' ids, in order. */
    public List<String> products() {
        return reserves.stream().map(ReserveProduct::id).toList();
    }

    public boolean isCurtailed(int t) {
        return t < curtailInterval.length && curtailInterval[t];
    }

    /** The same data seen with other energy prices (a forecast). */
    public ModelData withPrices(double[] plannedPriceUsdPerMwh) {
        return new ModelData(
                grid,
                plannedPriceUsdPerMwh,
                hashpriceUsdPerThDay,
                generationMw,
                dispatched,
                reserves,
                peakCharges,
                curtailInterval,
                importLimits);
    }
}
