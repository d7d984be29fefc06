package io.minerai.sustainability;

/**
 * GHG Protocol Scope 2, location-based: the grid's average emission factor times the energy imported, interval by
 * interval: {@code sum_t importMwh(t) x factor(t)}. Own generation consumed on site has no Scope 2 emissions.
 * Emissions are attributed to loads in proportion to what each drew in the interval.
 *
 * @param importMwh grid energy consumed
 * @param emissionsTCo2e total, t CO2e
 * @param importWeightedFactorKgCo2ePerMwh emissions / import
 * @param miningTCo2e attributed to miner fleets
 * @param aiCloudTCo2e attributed to GPU clouds
 * @param colocationTCo2e attributed to colocation tenants
 * @param intervalKgCo2e per interval, kg CO2e
 */
public record LocationBased(
        double importMwh,
        double emissionsTCo2e,
        double importWeightedFactorKgCo2ePerMwh,
        double miningTCo2e,
        double aiCloudTCo2e,
        double colocationTCo2e,
        double[] intervalKgCo2e) {

    public static LocationBased of(SiteEnergy e, IntervalFactors f) {
        int n = e.size();
        double[] kg = new double[n];
        double imp = 0;
        double total = 0;
        double mining = 0;
        double ai = 0;
        double colo = 0;
        for (int t = 0; t < n; t++) {
            if (!e.dispatched()[t]) {
                continue;
            }
            kg[t] = e.importMwh()[t] * f.kgCo2ePerMwh()[t];
            imp += e.importMwh()[t];
            total += kg[t];
            double load = e.loadMwh()[t];
            if (load > 0) {
                mining += kg[t] * e.miningMwh()[t] / load;
                ai += kg[t] * e.aiCloudMwh()[t] / load;
                colo += kg[t] * e.colocationMwh()[t] / load;
            }
        }
        return new LocationBased(
                imp, total / 1000, imp > 0 ? total / imp : 0, mining / 1000, ai / 1000, colo / 1000, kg);
    }
}
