package io.minerai.core.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Ancillary services the site may offer as a load resource: MW of curtailable running load held as reserve, paid at
 * the clearing price of each product (ERCOT: day-ahead MCPC, with real-time deviations after RTC+B; NEM: FCAS prices
 * from files).
 *
 * @param offerRrs offer Responsive Reserve Service (RRS)
 * @param offerEcrs offer ERCOT Contingency Reserve Service (ECRS)
 * @param offerNonSpin offer Non-Spinning Reserve
 * @param maxOfferFraction share of curtailable running load that may be offered, 0..1
 * @param offerRegUp offer Regulation Up (ERCOT)
 * @param otherProducts further products of the market pack offered (e.g. NEM {@code RAISE6SEC})
 * @param participation how the load resource takes part after RTC+B
 */
public record AncillaryProgram(
        boolean offerRrs,
        boolean offerEcrs,
        boolean offerNonSpin,
        double maxOfferFraction,
        boolean offerRegUp,
        List<String> otherProducts,
        Participation participation) {

    public AncillaryProgram {
        otherProducts = List.copyOf(otherProducts);
    }

    /** ERCOT's three reserve products as before RTC+B, by a non-controllable load resource. */
    public AncillaryProgram(boolean offerRrs, boolean offerEcrs, boolean offerNonSpin, double maxOfferFraction) {
        this(offerRrs, offerEcrs, offerNonSpin, maxOfferFraction, false, List.of(), Participation.LOAD_RESOURCE);
    }

    /** How a load resource takes part in ERCOT after RTC+B. */
    public enum Participation {
        /**
         * A (non-controllable) load resource: keeps its day-ahead award in real time where it can; a shortfall is bought
         * back at the real-time price.
         */
        LOAD_RESOURCE,
        /**
         * A Controllable Load Resource, dispatched by SCED: its curtailable running load not awarded day-ahead is
         * awarded in real time and paid the real-time price.
         */
        CONTROLLABLE_LOAD_RESOURCE
    }

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
        if (offerRegUp) {
            out.add("REGUP");
        }
        for (String p : otherProducts) {
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }
}
