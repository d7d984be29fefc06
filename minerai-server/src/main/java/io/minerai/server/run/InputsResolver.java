package io.minerai.server.run;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.Scenario;
import java.nio.file.Path;

/** Resolves a scenario's data sources to inputs on its grid (minerai-data's resolver in production). */
@FunctionalInterface
public interface InputsResolver {
    ScenarioInputs resolve(Scenario scenario, Path baseDir);
}
