package io.minerai.dispatch;

import java.util.List;

/**
 * Ancillary-service capacity offered from curtailable running load, per product and interval. Paid at the product's
 * day-ahead clearing price in $/MW-h (see {@link Settlement}). Arrays are owned by this object.
 *
 * @param products product names as keys of {@link io.minerai.core.inputs.ScenarioInputs#ancillaryPricesUsdPerMwH()},
 *     e.g. RRS, ECRS, NSPIN
 * @param offerMw MW offered of product {@code k} in interval {@code t} at index {@code t * products.size() + k}
 */
public record ReserveOffers(List<String> products, double[] offerMw) {
    public ReserveOffers {
        products = List.copyOf(products);
    }

    /** No offers. */
    public static ReserveOffers none() {
        return new ReserveOffers(List.of(), new double[0]);
    }

    public double offerMw(int t, int k) {
        return offerMw[t * products.size() + k];
    }

    /** Total MW offered in interval {@code t}. */
    public double totalMw(int t) {
        double s = 0;
        for (int k = 0; k < products.size(); k++) {
            s += offerMw(t, k);
        }
        return s;
    }
}
