package io.minerai.server.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minerai.core.scenario.OptimizeSettings;
import io.minerai.core.scenario.OptimizeSettings.ForecastMode;
import io.minerai.core.validation.Problem;
import io.minerai.optimize.OptimizationProblem;
import io.minerai.optimize.OptimizeResult;
import io.minerai.optimize.Optimizer;
import io.minerai.server.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Optimal dispatch of the scenario's site with an LP/MILP solver (docs/OPTIMIZE.md), settled like the backtest and
 * stored with its per-interval ledger, so the dashboard and the series endpoints show it like a backtest. Parameters
 * (all optional) override the scenario's {@code optimize} section: {@code forecast} ({@code perfect}, {@code
 * day-ahead}, {@code persistence}) and {@code solver} (a backend name). The summary adds a {@code solver} object: the
 * backend, models solved, the largest model's size, build/load/solve seconds, the planned objective and the outcome.
 * Progress follows the rolling horizon's committed days, and a cancel stops it after the current window.
 */
public final class OptimizeKind implements RunKind {
    public static final String NAME = "optimize";

    private static final Map<String, ForecastMode> FORECASTS = Map.of(
            "perfect", ForecastMode.PERFECT,
            "day-ahead", ForecastMode.DAY_AHEAD,
            "persistence", ForecastMode.PERSISTENCE);

    private final InputsResolver resolver;

    public OptimizeKind(InputsResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Optimal dispatch with an LP/MILP solver: energy, 4CP, ancillary services, PPA sell-back and flexible GPU"
                + " work stacked; perfect foresight or a rolling horizon on day-ahead or persistence forecasts.";
    }

    @Override
    public List<Problem> checkParameters(JsonNode parameters) {
        List<Problem> out = new ArrayList<>();
        parameters.fieldNames().forEachRemaining(n -> {
            JsonNode v = parameters.get(n);
            switch (n) {
                case "forecast" -> {
                    if (!v.isTextual() || !FORECASTS.containsKey(v.asText())) {
                        out.add(new Problem(
                                "parameters.forecast",
                                "must be one of perfect, day-ahead, persistence, was " + Json.write(v)));
                    }
                }
                case "solver" -> OptimizerRuns.solverProblem(v).ifPresent(out::add);
                default -> out.add(new Problem("parameters." + n, "unknown parameter; known: forecast, solver"));
            }
        });
        return out;
    }

    @Override
    public RunOutput execute(RunContext ctx) {
        JsonNode p = ctx.parameters();
        OptimizeSettings settings = OptimizerRuns.settings(
                ctx.scenario(),
                Optional.ofNullable(FORECASTS.get(p.path("forecast").asText())),
                p);
        OptimizationProblem problem = OptimizerRuns.problem(ctx, resolver, settings);
        Optimizer optimizer = Optimizer.forSettings(settings);
        ctx.progress(0.05, "optimising with " + optimizer.solver().name());
        OptimizeResult r = optimizer.run(problem, (done, total) -> {
            ctx.checkCancelled();
            ctx.progress(0.05 + 0.9 * done / total, "optimising: " + done + " of " + total + " intervals decided");
        });
        ctx.progress(0.97, "storing results");
        ObjectNode summary = Json.MAPPER.valueToTree(
                io.minerai.dispatch.SummaryDocument.of(r.result().summary()));
        summary.set("solver", Json.MAPPER.valueToTree(r.report()));
        return new RunOutput(
                summary, Optional.of(r.result().ledger()), r.report().totalSeconds());
    }
}
