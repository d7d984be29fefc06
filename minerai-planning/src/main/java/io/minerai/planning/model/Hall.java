package io.minerai.planning.model;

/**
 * A conversion project: mining megawatts rebuilt into an AI data hall.
 *
 * @param name unique name
 * @param criticalItMw critical IT capacity of the hall (servers, storage, network; excludes cooling)
 * @param cooling cooling type; its PUE sets the facility MW the hall takes from the site
 * @param startMonth month index when construction starts and the MW stop mining
 * @param leadTimeMonths construction months; the hall is ready at startMonth + leadTimeMonths
 * @param capexUsdPerMwCriticalIt shell, electrical and fit-out capex per MW of critical IT, excluding cooling and GPUs
 * @param depreciationYears tax depreciation life of the hall
 */
public record Hall(
        String name,
        double criticalItMw,
        CoolingType cooling,
        int startMonth,
        int leadTimeMonths,
        double capexUsdPerMwCriticalIt,
        double depreciationYears) {

    /** First month the hall can host IT load. */
    public int readyMonth() {
        return startMonth + leadTimeMonths;
    }
}
