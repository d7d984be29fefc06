package io.minerai.server.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.planning.PlanReader;
import io.minerai.planning.PlanResults;
import io.minerai.planning.engine.MarketData;
import io.minerai.planning.history.PlanHistory;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.RiskMeasure;
import io.minerai.planning.montecarlo.PlanSimulation;
import io.minerai.planning.report.CashFlowReport;
import io.minerai.planning.run.PlanRun;
import io.minerai.planning.run.PlanRunner;
import io.minerai.server.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The planning Monte Carlo (docs/PLANNING.md): how to split and convert a site's megawatts between mining, GPU cloud
 * and colocation over years, with NPV/IRR/payback and risk bands for each strategy. A plan run takes no scenario; its
 * parameters (all optional) are {@code plan} (the object under {@code plan:} in a plan file; default: the bundled
 * 300 MW West Texas plan), {@code paths} (1..{@value #MAX_PATHS}; default the plan's), {@code seed}, {@code
 * riskMeasure} ({@code expected}, {@code p10}, {@code cvar}), {@code maxBreachProbability} (0..1, the decision rule's
 * breach limit), {@code deterministic} (the deterministic deck alone) and {@code cashflowPercentiles} (the NPV
 * percentiles whose paths' month-by-month cash flows are served beside the deterministic case). The run is the
 * planning library's use case ({@link PlanRunner}) and its summary the structure of {@code ./minerai plan --format
 * json} ({@link PlanResults}) without search, tornado or charts; the cash flows are served by {@link #cashFlows}.
 */
public final class PlanKind implements RunKind {
    public static final String NAME = "plan";

    /** Upper bound on paths for a server run (the CLI has none). */
    public static final int MAX_PATHS = 200_000;

    private static final List<String> PARAMETERS = List.of(
            "plan", "paths", "seed", "riskMeasure", "maxBreachProbability", "deterministic", "cashflowPercentiles");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Planning Monte Carlo of a plan document (default: the bundled 300 MW West Texas plan): NPV, IRR,"
                + " payback, covenant and risk bands of each strategy for splitting the site between mining, GPU cloud"
                + " and colocation, and their month-by-month cash flows. Takes no scenario.";
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
                case "maxBreachProbability" -> {
                    if (!v.isNumber() || !(v.asDouble() >= 0 && v.asDouble() <= 1)) {
                        out.add(new Problem(
                                "parameters.maxBreachProbability", "must be a number 0..1, was " + Json.write(v)));
                    }
                }
                case "deterministic" -> {
                    if (!v.isBoolean()) {
                        out.add(new Problem("parameters.deterministic", "must be true or false, was " + Json.write(v)));
                    }
                }
                case "cashflowPercentiles" -> {
                    if (!v.isArray() || v.size() > 20) {
                        out.add(new Problem(
                                "parameters.cashflowPercentiles",
                                "must be a list of at most 20 numbers 0..100, was " + Json.write(v)));
                    } else {
                        for (int i = 0; i < v.size(); i++) {
                            JsonNode q = v.get(i);
                            if (!q.isNumber() || !(q.asDouble() >= 0 && q.asDouble() <= 100)) {
                                out.add(new Problem(
                                        "parameters.cashflowPercentiles[" + i + "]",
                                        "must be a number 0..100, was " + Json.write(q)));
                            }
                        }
                    }
                }
                default -> out.add(new Problem("parameters." + n, "unknown parameter; known: " + PARAMETERS));
            }
        });
        return out;
    }

    /** The plan of the parameters with the paths, seed and breach limit overrides applied. */
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
        if (parameters.path("maxBreachProbability").isNumber()) {
            plan = plan.withFinancing(plan.financing()
                    .withMaxBreachProbability(
                            parameters.get("maxBreachProbability").asDouble()));
        }
        return plan;
    }

    /** The run request of the parameters for {@code plan}. */
    static PlanRunner.Request request(Plan plan, JsonNode parameters) {
        PlanRunner.Request d = PlanRunner.Request.defaults(plan);
        RiskMeasure measure = parameters.path("riskMeasure").isTextual()
                ? RiskMeasure.fromKey(parameters.get("riskMeasure").asText())
                : d.measure();
        List<Double> percentiles = d.cashFlowPercentiles();
        if (parameters.path("cashflowPercentiles").isArray()) {
            percentiles = new ArrayList<>();
            for (JsonNode q : parameters.get("cashflowPercentiles")) {
                percentiles.add(q.asDouble());
            }
        }
        return new PlanRunner.Request(
                d.strategies(),
                measure,
                parameters.path("deterministic").asBoolean(false),
                false,
                0,
                Optional.empty(),
                percentiles,
                d.settings());
    }

    @Override
    public RunOutput execute(RunContext ctx) {
        ctx.progress(0.02, "reading the plan");
        Plan plan = plan(ctx.parameters());
        PlanRunner.Request req = request(plan, ctx.parameters());
        ctx.progress(0.05, "loading Bitcoin and power history");
        MarketData data = PlanHistory.load(plan);
        ctx.checkCancelled();
        long total = PlanRunner.totalPaths(plan, req);
        AtomicLong done = new AtomicLong();
        AtomicLong reported = new AtomicLong();
        ctx.progress(
                0.1,
                (req.deterministicOnly() ? "deterministic deck: " : "Monte Carlo: ")
                        + PlanRunner.effectivePlan(plan, req).uncertainty().paths() + " paths x "
                        + req.strategies().size() + " strategies");
        PlanRun run;
        try {
            run = PlanRunner.run(plan, data, req, k -> {
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
        Map<String, Object> summary = PlanResults.toMap(run, List.of());
        summary.remove("charts");
        return new RunOutput(Json.MAPPER.valueToTree(summary), Optional.empty(), run.seconds());
    }

    /**
     * The month-by-month cash flows of a finished plan run, evaluated again from its parameters and the cases its
     * summary lists (path i depends only on (seed, i): the same lines the run had; the NPVs are checked against the
     * summary's).
     *
     * @param parametersJson the run's parameters
     * @param summary the run's stored summary
     */
    public static CashFlowReport cashFlows(String parametersJson, JsonNode summary) {
        JsonNode parameters = Json.tree(parametersJson);
        Plan plan = plan(parameters);
        Plan effective = PlanRunner.effectivePlan(plan, request(plan, parameters));
        PlanSimulation sim = new PlanSimulation(effective, PlanHistory.load(effective));
        return CashFlowReport.of(effective, sim, summary);
    }
}
