package io.minerai.core.site;

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
 */
public record ColocationLease(
        String name,
        String tenant,
        double criticalItMw,
        double priceUsdPerKwMonth,
        double pue,
        double loadFactor,
        boolean energyPassThrough)
        implements Load {

    @Override
    public double facilityPowerMw() {
        return criticalItMw * loadFactor * pue;
    }

    @Override
    public boolean firm() {
        return true;
    }
}
