package io.minerai.sustainability;

import io.minerai.core.scenario.Scenario;
import io.minerai.core.scenario.SustainabilitySettings;
import io.minerai.core.site.Site;
import io.minerai.dispatch.DispatchResult;
import io.minerai.dispatch.ledger.Ledger;

/**
 * Computes the sustainability report of a settled dispatch: location- and market-based Scope 2, renewable shares,
 * intensity per BTC and per GPU-hour, flexibility and the monthly energy mix. Pure: same inputs, same result.
 */
public final class SustainabilityAnalysis {
    private SustainabilityAnalysis() {}

    /**
     * The report of a scenario's settled dispatch, with the grid factors and settings of its {@code sustainability}
     * section.
     *
     * @param scenario the scenario that was run
     * @param result its settled dispatch
     * @param baseDir folder that relative paths of the scenario resolve against
     */
    public static SustainabilityResult forScenario(
            Scenario scenario, DispatchResult result, java.nio.file.Path baseDir) {
        requireFactorsOfTheSitesGrid(scenario);
        GridFactors f = GridFactorSources.resolve(
                scenario.sustainability().gridFactors(), result.ledger().grid(), baseDir);
        return run(scenario.site(), result, f, scenario.sustainability());
    }

    /**
     * Refuses to compute location-based emissions of a site with another grid's factors: the bundled grid factors are
     * ERCOT's (from its fuel mix); a site in a market without bundled factors must name a factor file.
     *
     * @throws io.minerai.core.validation.ValidationException at {@code sustainability.gridFactors}
     */
    public static void requireFactorsOfTheSitesGrid(Scenario scenario) {
        io.minerai.core.market.pack.MarketPack pack = io.minerai.core.market.pack.MarketPacks.find(
                        scenario.market().pack())
                .orElse(io.minerai.core.market.pack.MarketPacks.GENERIC);
        boolean bundled = scenario.sustainability().gridFactors()
                instanceof io.minerai.core.scenario.SustainabilitySettings.GridFactorSource.ErcotFuelMix;
        if (bundled
                && !pack.bundledGridFactors().filter("ercot-fuel-mix"::equals).isPresent()) {
            throw new io.minerai.core.validation.ValidationException(
                    "scenario " + scenario.name(),
                    new io.minerai.core.validation.Problem(
                            "sustainability.gridFactors",
                            "the site is in the " + pack.name() + " market, which has no grid emission factors bundled"
                                    + " with minerai (the bundled factors are ERCOT's); give this grid's hourly factors"
                                    + " as {source: csv, path: ..., timeColumn: ..., valueColumn: ...} in kg CO2e/MWh"
                                    + " to report location-based emissions"));
        }
    }

    /**
     * @param site the site that was dispatched
     * @param result its settled dispatch
     * @param factors grid factors on the dispatch's grid
     * @param settings instruments and thresholds
     */
    public static SustainabilityResult run(
            Site site, DispatchResult result, GridFactors factors, SustainabilitySettings settings) {
        return run(site, result.ledger(), factors, settings);
    }

    /**
     * @param site the site that was dispatched
     * @param ledger its settled dispatch, interval by interval
     * @param factors grid factors on the dispatch's grid
     * @param settings instruments and thresholds
     */
    public static SustainabilityResult run(
            Site site, Ledger ledger, GridFactors factors, SustainabilitySettings settings) {
        SiteEnergy e = SiteEnergy.of(site, ledger);
        IntervalFactors f = IntervalFactors.of(e, factors);
        LocationBased loc = LocationBased.of(e, f);
        MarketBased market = MarketBased.of(e, loc, settings.market(), site.ppa());
        RenewableShare renewable =
                RenewableShare.of(e, market, settings.market().ppaKgCo2ePerMwh(), factors);
        Intensity intensity = Intensity.of(e, loc, market);
        Flexibility flex = Flexibility.of(e, f, factors, settings.flexibility());
        double sum = 0;
        int count = 0;
        for (int t = 0; t < e.size(); t++) {
            if (e.dispatched()[t]) {
                sum += f.kgCo2ePerMwh()[t];
                count++;
            }
        }
        return new SustainabilityResult(
                site.name(),
                e.grid().startUtc().toString(),
                e.grid().endUtc().toString(),
                e.grid().step().toMinutes(),
                e.size(),
                count,
                factors.description(),
                factors.basis(),
                factors.citation(),
                f.filledIntervals(),
                count > 0 ? sum / count : 0,
                e,
                f,
                loc,
                market,
                renewable,
                intensity,
                flex,
                MonthlyMix.of(e, loc, factors));
    }
}
