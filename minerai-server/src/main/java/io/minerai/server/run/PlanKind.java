package io.minerai.server.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.planning.PlanReader;
import io.minerai.planning.PlanResults;
import io.minerai.planning.engine.CashFlowTable;
import io.minerai.planning.engine.MarketData;
import io.minerai.planning.history.PlanHistory;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.RiskMeasure;
import io.minerai.planning.montecarlo.MonteCarloResult;
import io.minerai.planning.montecarlo.PlanSimulation;
import io.minerai.planning.montecarlo.RunSettings;
import io.minerai.server.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The planning Monte Carlo (docs/PLANNING.md): how to split and convert a site's megawatts between mining, GPU cloud
 * and colocation over years, with NPV/IRR/payback and risk bands for each strategy. A plan run takes no scenario; its
 * parameters (all optional) are {@code plan} (the object under {@code plan:} in a plan file; default: the bundled
 * 300 MW West Texas plan), {@code paths} (1..{@value #MAX_PATHS}; default the plan's), {@code seed} and {@code
 * riskMeasure} ({@code expected}, {@code p10}, {@code cvar}). The summary is the structure of {@code ./minerai plan
 * --format json} ({@link PlanResults}) without search, tornado or charts.
 */
public final class PlanKind implements RunKind {
    public static final String NAME = "plan";

    /** Upper bound on paths for a server run (the CLI has none). */
    public static final int MAX_PATHS = 200_000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Planning Monte Carlo of a plan document (default: the bundled 300 MW West Texas plan): NPV, IRR,"
                + " payback and risk bands of each strategy for splitting the site between mining, GPU cloud and"
                + " colocation. Takes no scenario.";
    }

    @Override
    public boolean needsScenario() {
        return false;
    }

    @Override
    public List<Problem> checkParameters(JsonNode parameters) {
        List<Problem> out = new ArrayList<>();
        parameters.fieldNames().forEachRemaining(n -> {
            JsonNode v = parameters.get(n);
            switch (n) {
                case "plan" -> {
                    if (!v.isObject()) {
                        out.add(new Problem("parameters.plan", "must be the object under 'plan:' of a plan file"));
                    } else {
                        try {
                            plan(parameters);
                        } catch (ValidationException e) {
                            for (Problem p : e.problems()) {
                                out.add(new Problem(
                                        p.path().isEmpty() ? "parameters.plan" : "parameters." + p.path(),
                                        p.message()));
                            }
                        }
                    }
                }
                case "paths" -> {
                    if (!v.isIntegralNumber() || v.asLong() < 1 || v.asLong() > MAX_PATHS) {
                        out.add(new Problem(
                                "parameters.paths",
                                "must be a whole number 1.." + MAX_PATHS + ", was " + Json.write(v)));
                    }
                }
                case "seed" -> {
                    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                        out.add(new Problem("parameters.seed", "must be a whole number, was " + Json.write(v)));
                    }
                }
                case "riskMeasure" -> {
                    if (!v.isTextual() || !List.of("expected", "p10", "cvar").contains(v.asText())) {
                        out.add(new Problem(
                                "parameters.riskMeasure", "must be one of expected, p10, cvar, was " + Json.write(v)));
                    }
                }
                default ->
                    out.add(new Problem("parameters." + n, "unknown parameter; known: plan, paths, seed, riskMeasure"));
            }
        });
        return out;
    }

    /** The plan of the parameters with the paths and seed overrides applied. */
    static Plan plan(JsonNode parameters) {
        Plan plan;
        if (parameters.path("plan").isObject()) {
            ObjectNode doc = JsonNodeFactory.instance.objectNode();
            doc.set("plan", parameters.get("plan"));
            plan = PlanReader.fromTree(doc, "parameters");
        } else {
            plan = PlanReader.bundledDefault();
        }
        if (parameters.path("paths").isIntegralNumber()) {
            plan = plan.withUncertainty(
                    plan.uncertainty().withPaths(parameters.get("paths").asInt()));
        }
        if (parameters.path("seed").isIntegralNumber()) {
            plan = plan.withUncertainty(
                    plan.uncertainty().withSeed(parameters.get("seed").asLong()));
        }
        return plan;
    }

    @Override
    public RunOutput execute(RunContext ctx) {
        ctx.progress(0.02, "reading the plan");
        Plan plan = plan(ctx.parameters());
        RiskMeasure measure = ctx.parameters().path("riskMeasure").isTextual()
                ? RiskMeasure.fromKey(ctx.parameters().get("riskMeasure").asText())
                : plan.search().map(s -> s.riskMeasure()).orElse(RiskMeasure.CVAR);
        ctx.progress(0.05, "loading Bitcoin and power history");
        MarketData data = PlanHistory.load(plan);
        ctx.checkCancelled();
        PlanSimulation sim = new PlanSimulation(plan, data);
        RunSettings settings = RunSettings.defaults()
                .withCvarAlpha(plan.search().map(s -> s.cvarAlpha()).orElse(0.1));
        int paths = plan.uncertainty().paths();
        long total = (long) paths * plan.strategies().size();
        AtomicLong done = new AtomicLong();
        AtomicLong reported = new AtomicLong();
        long t0 = System.nanoTime();
        ctx.progress(
                0.1, "Monte Carlo: " + paths + " paths x " + plan.strategies().size() + " strategies");
        MonteCarloResult mc;
        try {
            mc = sim.run(plan.strategies(), paths, settings, k -> {
                long d = done.addAndGet(k);
                long pct = 100 * d / Math.max(1, total);
                // a store write per whole percent at most, in order, whichever worker gets there; a cancel thrown
                // here stops the workers
                synchronized (reported) {
                    if (pct > reported.get()) {
                        reported.set(pct);
                        ctx.progress(
                                0.1 + 0.8 * Math.min(1.0, (double) d / total), "Monte Carlo: " + d + " of " + total);
                    }
                }
            });
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof RunCancelledException c) {
                throw c; // a cancel noticed on a worker thread
            }
            throw e;
        }
        ctx.checkCancelled();
        ctx.progress(0.92, "deterministic deck and summary");
        Map<String, CashFlowTable> det = PlanResults.deterministic(sim, plan, mc);
        CashFlowTable baseline =
                Objects.requireNonNull(det.get(mc.summaries().get(0).strategy()));
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> summary = PlanResults.toMap(
                sim, plan, mc, measure, PlanResults.best(mc, measure), det, baseline, null, null, List.of(), seconds);
        summary.remove("charts");
        return new RunOutput(Json.MAPPER.valueToTree(summary), Optional.empty(), seconds);
    }
}
