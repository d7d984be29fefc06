package io.minerai.sustainability;

/**
 * Carbon intensity of what the site sells. Emissions are attributed to each load class in proportion to the grid
 * energy it drew, interval by interval (location-based), or to its share of the period's imports (market-based).
 *
 * @param btcMined BTC mined
 * @param miningLocationTCo2e location-based emissions attributed to mining
 * @param miningMarketTCo2e market-based emissions attributed to mining
 * @param locationTCo2ePerBtc location-based t CO2e per BTC (0 when no BTC was mined)
 * @param marketTCo2ePerBtc market-based t CO2e per BTC
 * @param gpuHoursSold GPU-hours sold
 * @param aiCloudLocationTCo2e location-based emissions attributed to GPU clouds
 * @param aiCloudMarketTCo2e market-based emissions attributed to GPU clouds
 * @param locationKgCo2ePerGpuHour location-based kg CO2e per GPU-hour sold (0 when none sold)
 * @param marketKgCo2ePerGpuHour market-based kg CO2e per GPU-hour sold
 */
public record Intensity(
        double btcMined,
        double miningLocationTCo2e,
        double miningMarketTCo2e,
        double locationTCo2ePerBtc,
        double marketTCo2ePerBtc,
        double gpuHoursSold,
        double aiCloudLocationTCo2e,
        double aiCloudMarketTCo2e,
        double locationKgCo2ePerGpuHour,
        double marketKgCo2ePerGpuHour) {

    public static Intensity of(SiteEnergy e, LocationBased loc, MarketBased market) {
        double miningImport = 0;
        double aiImport = 0;
        for (int t = 0; t < e.size(); t++) {
            double load = e.loadMwh()[t];
            if (e.dispatched()[t] && load > 0) {
                miningImport += e.importMwh()[t] * e.miningMwh()[t] / load;
                aiImport += e.importMwh()[t] * e.aiCloudMwh()[t] / load;
            }
        }
        double btc = SiteEnergy.sum(e.btcMined());
        double gpuH = SiteEnergy.sum(e.gpuHoursSold());
        double miningMarket = market.attributedTCo2e(miningImport);
        double aiMarket = market.attributedTCo2e(aiImport);
        return new Intensity(
                btc,
                loc.miningTCo2e(),
                miningMarket,
                btc > 0 ? loc.miningTCo2e() / btc : 0,
                btc > 0 ? miningMarket / btc : 0,
                gpuH,
                loc.aiCloudTCo2e(),
                aiMarket,
                gpuH > 0 ? loc.aiCloudTCo2e() * 1000 / gpuH : 0,
                gpuH > 0 ? aiMarket * 1000 / gpuH : 0);
    }
}
