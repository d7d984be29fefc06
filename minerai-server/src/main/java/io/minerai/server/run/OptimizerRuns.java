package io.minerai.server.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.OptimizeSettings;
import io.minerai.core.scenario.OptimizeSettings.ForecastMode;
import io.minerai.core.scenario.Scenario;
import io.minerai.core.validation.Problem;
import io.minerai.optimize.OptimizationProblem;
import io.minerai.server.Json;
import io.minerai.solver.Solvers;
import java.util.Optional;

/** What the optimize and compare run kinds share: the solver parameter and the problem built from the scenario. */
final class OptimizerRuns {
    private OptimizerRuns() {}

    /** A problem with a {@code solver} parameter, if any. */
    static Optional<Problem> solverProblem(JsonNode v) {
        if (v.isTextual() && Solvers.NAMES.contains(v.asText())) {
            return Optional.empty();
        }
        return Optional.of(new Problem(
                "parameters.solver", "must be one of " + String.join(", ", Solvers.NAMES) + ", was " + Json.write(v)));
    }

    /** The scenario's optimiser settings with the run's overrides of the forecast mode and the solver. */
    static OptimizeSettings settings(Scenario s, Optional<ForecastMode> forecast, JsonNode parameters) {
        return s.optimize()
                .withOverrides(
                        forecast,
                        parameters.path("solver").isTextual()
                                ? Optional.of(parameters.path("solver").asText())
                                : Optional.empty());
    }

    /** The scenario's problem on its resolved inputs, 4CP peaks included (progress "resolving inputs"). */
    static OptimizationProblem problem(RunContext ctx, InputsResolver resolver, OptimizeSettings settings) {
        Scenario s = ctx.scenario();
        ctx.progress(0.02, "resolving inputs");
        ScenarioInputs inputs = resolver.resolve(s, ctx.workDir());
        OptimizationProblem p = OptimizationProblem.forScenario(s, inputs, settings);
        ctx.checkCancelled();
        return p;
    }
}
