package io.minerai.core.scenario;

import io.minerai.core.site.Site;

/**
 * Everything a run needs: the site, the period and where the market and Bitcoin data come from. One format for the
 * library, the CLI and the API (see docs/SCENARIO.md, generated from {@link ScenarioSchema}).
 *
 * @param name short name
 * @param description free text, including where defaults come from
 * @param period period and step
 * @param prices energy price source
 * @param bitcoin Bitcoin network data source
 * @param site the site
 * @param sustainability inputs of the sustainability report (grid factors, instruments, thresholds); {@link
 *     SustainabilitySettings#DEFAULT} when the file has no {@code sustainability} section
 * @param markets market programs beyond energy (4CP, ancillary services); {@link MarketPrograms#NONE} (energy only)
 *     when the file has no {@code markets} section
 * @param optimize optimiser settings and extra flexibility (deferrable GPU jobs, fleet blocks); {@link
 *     OptimizeSettings#DEFAULT} when the file has no {@code optimize} section
 * @param market the market pack, node, rules, data and exchange rate; inferred from {@code prices} when the file has
 *     no {@code market} section
 * @param computePrecision the number format compute delivered is counted in (dense BF16 by default)
 */
public record Scenario(
        String name,
        String description,
        Period period,
        PriceSource prices,
        BitcoinSource bitcoin,
        Site site,
        SustainabilitySettings sustainability,
        MarketPrograms markets,
        OptimizeSettings optimize,
        MarketSettings market,
        io.minerai.core.ai.ComputePrecision computePrecision) {

    /** A scenario whose market follows from its price source (no {@code market} section). */
    public Scenario(
            String name,
            String description,
            Period period,
            PriceSource prices,
            BitcoinSource bitcoin,
            Site site,
            SustainabilitySettings sustainability,
            MarketPrograms markets,
            OptimizeSettings optimize) {
        this(
                name,
                description,
                period,
                prices,
                bitcoin,
                site,
                sustainability,
                markets,
                optimize,
                MarketSettings.inferred(prices, markets),
                io.minerai.core.ai.ComputePrecision.BF16_DENSE);
    }

    /**
     * An energy-only scenario: default sustainability settings, no market programs, default optimiser settings. (The
     * canonical constructor takes every section; code that rebuilds a scenario should use the {@code with...}
     * methods, which keep the sections it does not change.)
     */
    public static Scenario energyOnly(
            String name, String description, Period period, PriceSource prices, BitcoinSource bitcoin, Site site) {
        return new Scenario(
                name,
                description,
                period,
                prices,
                bitcoin,
                site,
                SustainabilitySettings.DEFAULT,
                MarketPrograms.NONE,
                OptimizeSettings.DEFAULT);
    }

    /** The same scenario over another period (e.g. a command-line override). */
    public Scenario withPeriod(Period newPeriod) {
        return new Scenario(
                name,
                description,
                newPeriod,
                prices,
                bitcoin,
                site,
                sustainability,
                markets,
                optimize,
                market,
                computePrecision);
    }

    /** The same scenario with another site. */
    public Scenario withSite(io.minerai.core.site.Site newSite) {
        return new Scenario(
                name,
                description,
                period,
                prices,
                bitcoin,
                newSite,
                sustainability,
                markets,
                optimize,
                market,
                computePrecision);
    }

    /** The same scenario with other market programs. */
    public Scenario withMarkets(MarketPrograms newMarkets) {
        return new Scenario(
                name,
                description,
                period,
                prices,
                bitcoin,
                site,
                sustainability,
                newMarkets,
                optimize,
                market,
                computePrecision);
    }

    /** The same scenario in another market (pack, node, data, exchange rate) with another price source. */
    public Scenario withMarket(MarketSettings newMarket, PriceSource newPrices) {
        return new Scenario(
                name,
                description,
                period,
                newPrices,
                bitcoin,
                site,
                sustainability,
                markets,
                optimize,
                newMarket,
                computePrecision);
    }

    /** The same scenario counting compute in another precision (e.g. a command-line override). */
    public Scenario withComputePrecision(io.minerai.core.ai.ComputePrecision p) {
        return new Scenario(
                name, description, period, prices, bitcoin, site, sustainability, markets, optimize, market, p);
    }
}
