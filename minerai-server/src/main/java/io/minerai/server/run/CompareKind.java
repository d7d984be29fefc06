package io.minerai.server.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minerai.core.scenario.OptimizeSettings;
import io.minerai.core.validation.Problem;
import io.minerai.dispatch.DispatchSummary;
import io.minerai.optimize.Comparison;
import io.minerai.optimize.OptimizationProblem;
import io.minerai.optimize.Optimizer;
import io.minerai.server.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Policy versus optimal (the CLI's {@code compare}, docs/OPTIMIZE.md): merit order, the rolling-horizon optimiser on
 * persistence and on day-ahead forecasts, and perfect foresight, all settled under the scenario's terms. The stored
 * summary and ledger are the perfect-foresight run's (so the dashboard charts show the optimum), and the summary adds
 * {@code comparison}: one row per policy with its net, what it earns over merit order, the value of foresight (what
 * perfect foresight earns over it), the 4CP charge, ancillary revenue, BTC mined and miner uptime. Parameter (optional):
 * {@code solver}.
 */
public final class CompareKind implements RunKind {
    public static final String NAME = "compare";

    private final InputsResolver resolver;

    public CompareKind(InputsResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Merit order vs the rolling-horizon optimiser (persistence, day-ahead forecasts) vs perfect foresight,"
                + " settled alike: net of each, gain over merit order and the value of foresight.";
    }

    @Override
    public List<Problem> checkParameters(JsonNode parameters) {
        List<Problem> out = new ArrayList<>();
        parameters.fieldNames().forEachRemaining(n -> {
            JsonNode v = parameters.get(n);
            if (!n.equals("solver")) {
                out.add(new Problem("parameters." + n, "unknown parameter; known: solver"));
            } else {
                OptimizerRuns.solverProblem(v).ifPresent(out::add);
            }
        });
        return out;
    }

    @Override
    public RunOutput execute(RunContext ctx) {
        OptimizeSettings settings = OptimizerRuns.settings(ctx.scenario(), Optional.empty(), ctx.parameters());
        OptimizationProblem problem = OptimizerRuns.problem(ctx, resolver, settings);
        Optimizer optimizer = Optimizer.forSettings(settings);
        long t0 = System.nanoTime();
        Comparison c = Comparison.run(
                problem, optimizer, (stage, policy) -> ctx.progress(0.05 + 0.22 * stage, "comparing: " + policy));
        double seconds = (System.nanoTime() - t0) / 1e9;
        ctx.progress(0.97, "storing results");
        ObjectNode summary = Json.MAPPER.valueToTree(
                io.minerai.dispatch.SummaryDocument.of(c.perfect().result().summary()));
        ArrayNode rows = summary.putArray("comparison");
        double merit = c.merit().netUsd();
        for (Comparison.Row r : c.rows()) {
            DispatchSummary d = r.result().summary();
            ObjectNode row = rows.addObject();
            row.put("policy", r.policy());
            row.put("netUsd", d.netUsd());
            row.put("gainOverMeritOrderUsd", d.netUsd() - merit);
            row.put("valueOfForesightUsd", c.valueOfForesightUsd(r.policy()));
            row.put("transmissionChargeUsd", d.costUsd("transmission_4cp"));
            row.put("revenueAncillaryUsd", d.streamTotalUsd("ancillary"));
            row.put("btcMined", d.btcMined());
            row.put("minerUptimeFraction", d.bitcoin().minerUptimeFraction());
            r.report().ifPresent(rep -> row.put("solveSeconds", rep.totalSeconds()));
        }
        return new RunOutput(summary, Optional.of(c.perfect().result().ledger()), seconds);
    }
}
