package io.minerai.portfolio.model;

import java.nio.file.Path;
import java.util.List;

/**
 * One site: a site scenario in its own market (its grid, fleets, market and prices: one source of truth for the
 * site) and a plan whose strategies and financing it may follow.
 *
 * @param name unique name in the portfolio (with its acquisition targets' sites)
 * @param scenario the scenario file (absolute, or relative to the portfolio file)
 * @param plan the plan file with the site's strategies and financing
 * @param currentStrategy the strategy the site follows today (a strategy of its plan)
 * @param strategies strategies of the plan considered (empty = all)
 * @param powerEscalatorPerYear yearly escalation of the dispatched power prices over the plan years
 * @param dispatch how the site's real period is dispatched (merit order or the optimiser)
 */
public record SiteEntry(
        String name,
        Path scenario,
        Path plan,
        String currentStrategy,
        List<String> strategies,
        double powerEscalatorPerYear,
        SiteDispatch dispatch) {
    public SiteEntry {
        strategies = List.copyOf(strategies);
    }
}
