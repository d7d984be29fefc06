package io.minerai.core.site;

import io.minerai.core.ai.Cooling;
import io.minerai.core.ai.PueCurve;
import java.util.Optional;

/**
 * A colocation lease of critical IT capacity to a tenant. Always firm.
 *
 * @param name unique name
 * @param tenant tenant name (free text)
 * @param criticalItMw contracted critical IT capacity (power to servers, storage, network; excludes cooling)
 * @param priceUsdPerKwMonth rent per kW of critical IT per month
 * @param pue facility power / IT power for the hall
 * @param loadFactor share of the contracted IT capacity the tenant actually draws, 0..1
 * @param energyPassThrough true when the tenant reimburses the energy its load uses at cost (triple-net style); false
 *     when energy is included in the rent (the site bears it)
 * @param cooling how the hall removes heat
 * @param pueCurve PUE as a function of the ambient temperature; empty = the constant {@code pue}
 */
public record ColocationLease(
        String name,
        String tenant,
        double criticalItMw,
        double priceUsdPerKwMonth,
        double pue,
        double loadFactor,
        boolean energyPassThrough,
        Cooling cooling,
        Optional<PueCurve> pueCurve)
        implements Load {

    /** A lease of an air-cooled hall with a constant PUE. */
    public ColocationLease(
            String name,
            String tenant,
            double criticalItMw,
            double priceUsdPerKwMonth,
            double pue,
            double loadFactor,
            boolean energyPassThrough) {
        this(
                name,
                tenant,
                criticalItMw,
                priceUsdPerKwMonth,
                pue,
                loadFactor,
                energyPassThrough,
                Cooling.AIR,
                Optional.empty());
    }

    /** The same lease with another cooling and PUE curve. */
    public ColocationLease withCooling(Cooling newCooling, Optional<PueCurve> newCurve) {
        return new ColocationLease(
                name,
                tenant,
                criticalItMw,
                priceUsdPerKwMonth,
                pue,
                loadFactor,
                energyPassThrough,
                newCooling,
                newCurve);
    }

    @Override
    public double facilityPowerMw() {
        return criticalItMw * loadFactor * pue;
    }

    @Override
    public boolean firm() {
        return true;
    }
}
