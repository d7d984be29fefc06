package io.minerai.core.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Ancillary services the site may offer as a load resource: MW of curtailable running load held as reserve, paid at
 * the day-ahead clearing price of each product.
 *
 * @param offerRrs offer Responsive Reserve Service (RRS)
 * @param offerEcrs offer ERCOT Contingency Reserve Service (ECRS)
 * @param offerNonSpin offer Non-Spinning Reserve
 * @param maxOfferFraction share of curtailable running load that may be offered, 0..1
 */
public record AncillaryProgram(boolean offerRrs, boolean offerEcrs, boolean offerNonSpin, double maxOfferFraction) {

    /** Product keys as in {@link io.minerai.core.inputs.ScenarioInputs#ancillaryPricesUsdPerMwH()}. */
    public List<String> products() {
        List<String> out = new ArrayList<>();
        if (offerRrs) {
            out.add("RRS");
        }
        if (offerEcrs) {
            out.add("ECRS");
        }
        if (offerNonSpin) {
            out.add("NSPIN");
        }
        return out;
    }
}
