package io.minerai.portfolio;

import io.minerai.core.scenario.Scenario;
import io.minerai.planning.model.Plan;
import io.minerai.portfolio.model.SiteEntry;
import java.nio.file.Path;

/**
 * A site of the portfolio with its documents read and checked.
 *
 * @param entry the site as the portfolio names it
 * @param path where it is in the portfolio document, e.g. {@code portfolio.sites[1]}
 * @param scenario its scenario
 * @param scenarioBaseDir folder the scenario's relative data paths resolve against
 * @param plan its plan as written (the portfolio adapts it: see {@code SiteModels})
 */
public record LoadedSite(SiteEntry entry, String path, Scenario scenario, Path scenarioBaseDir, Plan plan) {
    public String name() {
        return entry.name();
    }
}
