package io.minerai.dispatch;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.site.Site;

/** Decides the physical dispatch of a site over the inputs' grid. */
public interface DispatchPolicy {
    /** Short name for reports, e.g. "merit-order". */
    String name();

    /** Decides every interval of {@code inputs.grid()}. */
    Dispatch decide(Site site, ScenarioInputs inputs);
}
