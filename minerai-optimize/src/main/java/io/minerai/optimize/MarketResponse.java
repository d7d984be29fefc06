package io.minerai.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the site takes part in its market's programs, beyond what settlement needs: which reserve products it offers and
 * within which limits, and which coincident-peak programs it follows with a peak-alert rule instead of known peaks.
 *
 * @param reserves reserve products offered from curtailable running load
 * @param peakAlerts per coincident-peak program id: the intervals in which a peak-alert rule curtails; a program not
 *     listed is priced on its known peaks (hindsight)
 */
public record MarketResponse(ReserveOffering reserves, Map<String, boolean[]> peakAlerts) {
    /** No reserves, every peak known. */
    public static final MarketResponse NONE = new MarketResponse(ReserveOffering.NONE, Map.of());

    public MarketResponse {
        peakAlerts = Map.copyOf(peakAlerts);
    }

    /** The same response with other reserve offers. */
    public MarketResponse withReserves(ReserveOffering r) {
        return new MarketResponse(r, peakAlerts);
    }

    /**
     * Reserve products offered as a load resource: at most {@code maxOfferFraction} of the curtailable load that is
     * running is held as reserve in all products together; each product may have limits of its own.
     *
     * @param maxOfferFraction share of curtailable running load that may be offered, 0..1
     * @param products products offered, in order
     */
    public record ReserveOffering(double maxOfferFraction, List<ReserveLimit> products) {
        public static final ReserveOffering NONE = new ReserveOffering(1.0, List.of());

        public ReserveOffering {
            products = List.copyOf(products);
            if (!(maxOfferFraction >= 0 && maxOfferFraction <= 1)) {
                throw new IllegalArgumentException("maxOfferFraction must be in [0, 1], was " + maxOfferFraction);
            }
        }

        /** These products without limits of their own. */
        public static ReserveOffering of(List<String> products, double maxOfferFraction) {
            List<ReserveLimit> out = new ArrayList<>();
            for (String p : products) {
                out.add(ReserveLimit.unlimited(p));
            }
            return new ReserveOffering(maxOfferFraction, out);
        }

        public List<String> productIds() {
            return products.stream().map(ReserveLimit::product).toList();
        }
    }

    /**
     * One product's own limits.
     *
     * @param product product key as in the inputs' ancillary prices, e.g. RRS, ECRS, NSPIN, REGUP, RAISE6SEC
     * @param maxShare at most this share of the offerable capacity (maxOfferFraction x curtailable running load) in
     *     this product, 0..1 (1 = no limit)
     * @param maxMw at most this many MW per interval ({@link Double#POSITIVE_INFINITY} = no limit)
     * @param excludedLoads names of loads that may not provide this product (e.g. a fleet registered as a
     *     non-controllable load resource cannot provide regulation)
     */
    public record ReserveLimit(String product, double maxShare, double maxMw, List<String> excludedLoads) {
        public ReserveLimit {
            excludedLoads = List.copyOf(excludedLoads);
            if (!(maxShare >= 0 && maxShare <= 1)) {
                throw new IllegalArgumentException(product + ": maxShare must be in [0, 1], was " + maxShare);
            }
            if (!(maxMw >= 0)) {
                throw new IllegalArgumentException(product + ": maxMw must be >= 0, was " + maxMw);
            }
        }

        public static ReserveLimit unlimited(String product) {
            return new ReserveLimit(product, 1.0, Double.POSITIVE_INFINITY, List.of());
        }
    }
}
