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
 */
public record Scenario(
        String name, String description, Period period, PriceSource prices, BitcoinSource bitcoin, Site site) {}
