package io.minerai.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.Scenario;
import io.minerai.core.scenario.ScenarioReader;
import io.minerai.dispatch.Backtest;
import io.minerai.dispatch.DispatchSummary;
import io.minerai.optimize.OptimizationProblem;
import io.minerai.optimize.OptimizeResult;
import io.minerai.optimize.Optimizer;
import io.minerai.optimize.ScenarioSettlement;
import io.minerai.planning.PlanReader;
import io.minerai.planning.decision.DecisionRule;
import io.minerai.planning.history.PlanHistory;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.RiskMeasure;
import io.minerai.planning.montecarlo.MonteCarloResult;
import io.minerai.planning.montecarlo.PlanSimulation;
import io.minerai.planning.montecarlo.RunSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The REST API end to end over loopback HTTP: scenarios, runs, results, tokens, OpenAPI, metrics. */
class ApiTest {
    static MineraiServer server;
    static Client admin;
    static Client operator;
    static Client viewer;
    static Client anonymous;

    @BeforeAll
    static void start() {
        server = TestServers.start(TestServers.config());
        admin = new Client(server.port(), TestServers.ADMIN);
        anonymous = admin.as(null);
        operator = admin.as(newToken("olga", "operator"));
        viewer = admin.as(newToken("victor", "viewer"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String newToken(String name, String role) {
        var r = admin.postJson("/api/tokens", "{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().path("role").asText()).isEqualTo(role);
        return r.json().path("token").asText();
    }

    static long createScenario(String yaml) {
        var r = operator.post("/api/scenarios", "application/yaml", yaml);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    static JsonNode runToEnd(long scenarioId) {
        return runToEnd(scenarioId, "backtest", "{}");
    }

    static JsonNode runToEnd(long scenarioId, String kind, String parametersJson) {
        return runToEnd(
                "{\"kind\":\"" + kind + "\",\"scenarioId\":" + scenarioId + ",\"parameters\":" + parametersJson + "}");
    }

    /** A plan run (no scenario) to its end. */
    static JsonNode planRunToEnd(String parametersJson) {
        return runToEnd("{\"kind\":\"plan\",\"parameters\":" + parametersJson + "}");
    }

    private static JsonNode runToEnd(String requestJson) {
        var r = operator.postJson("/api/runs", requestJson);
        assertThat(r.status()).as(r.text()).isEqualTo(202);
        assertThat(r.json().path("status").asText()).isIn("queued", "running", "succeeded");
        long id = r.json().path("id").asLong();
        Waits.until(
                "run " + id + " to finish",
                Duration.ofSeconds(60),
                () -> !Set.of("queued", "running")
                        .contains(viewer.get("/api/runs/" + id)
                                .json()
                                .path("status")
                                .asText()));
        return viewer.get("/api/runs/" + id).json();
    }

    @Test
    void healthAndOpenApiArePublic() {
        var h = anonymous.get("/api/health");
        assertThat(h.status()).isEqualTo(200);
        assertThat(h.json().path("status").asText()).isEqualTo("ok");
        assertThat(h.json().path("storeKind").asText()).isEqualTo("sqlite");
        var o = anonymous.get("/api/openapi.json");
        assertThat(o.status()).isEqualTo(200);
        assertThat(o.json().path("openapi").asText()).startsWith("3.");
    }

    @Test
    void openApiDescribesEveryRouteAndNothingElse() {
        JsonNode paths = anonymous.get("/api/openapi.json").json().path("paths");
        Set<String> documented = new HashSet<>();
        for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String p = it.next();
            paths.path(p)
                    .fieldNames()
                    .forEachRemaining(m -> documented.add(m.toUpperCase(java.util.Locale.ROOT) + " " + p));
        }
        Set<String> served = new HashSet<>();
        for (Route r : server.routes()) {
            served.add(r.method() + " " + r.path());
        }
        assertThat(documented).isEqualTo(served);
        // every non-public route names its error answers
        for (Route r : server.routes()) {
            JsonNode op = paths.path(r.path()).path(r.method().name().toLowerCase(java.util.Locale.ROOT));
            assertThat(op.path("summary").asText()).as(r.toString()).isNotEmpty();
            if (r.role().isPresent()) {
                assertThat(op.path("responses").has("401")).as(r.path()).isTrue();
            }
        }
    }

    @Test
    void requestsWithoutOrWithAWrongTokenAreRefused() {
        var none = anonymous.get("/api/scenarios");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(none.json().path("detail").asText()).contains("Authorization: Bearer");
        assertThat(admin.as("mnr_wrong-token-wrong-token-wrong")
                        .get("/api/scenarios")
                        .status())
                .isEqualTo(401);
        assertThat(admin.as("short").get("/api/runs").status()).isEqualTo(401);
        assertThat(anonymous
                        .post("/api/scenarios", "application/yaml", Scenarios.threeDays())
                        .status())
                .isEqualTo(401);
        assertThat(anonymous.get("/metrics").status()).isEqualTo(401);
    }

    @Test
    void aViewerReadsButCannotWrite() {
        var w = viewer.post("/api/scenarios", "application/yaml", Scenarios.threeDays());
        assertThat(w.status()).isEqualTo(403);
        assertThat(w.json().path("detail").asText()).contains("operator role");
        assertThat(viewer.postJson("/api/runs", "{\"kind\":\"backtest\",\"scenarioId\":1}")
                        .status())
                .isEqualTo(403);
        assertThat(viewer.postJson("/api/tokens", "{\"name\":\"x\",\"role\":\"admin\"}")
                        .status())
                .isEqualTo(403);
        assertThat(operator.postJson("/api/tokens", "{\"name\":\"x\",\"role\":\"admin\"}")
                        .status())
                .isEqualTo(403);
        assertThat(viewer.get("/api/scenarios").status()).isEqualTo(200);
        assertThat(viewer.get("/api/me").json().path("role").asText()).isEqualTo("viewer");
    }

    @Test
    void revokedTokensStopWorking() {
        String t = newToken("temp", "viewer");
        Client c = admin.as(t);
        assertThat(c.get("/api/me").status()).isEqualTo(200);
        long id = admin.get("/api/tokens").json().path("items").findValues("id").stream()
                .mapToLong(JsonNode::asLong)
                .max()
                .orElseThrow();
        assertThat(admin.delete("/api/tokens/" + id).status()).isEqualTo(204);
        assertThat(c.get("/api/me").status()).isEqualTo(401);
        // the token list never shows secrets
        assertThat(admin.get("/api/tokens").text()).doesNotContain(t).doesNotContain(TestServers.ADMIN);
    }

    @Test
    void scenariosAreVersionedThroughTheApi() {
        long id = createScenario(Scenarios.threeDays());
        var v1 = viewer.get("/api/scenarios/" + id);
        assertThat(v1.json().path("version").asInt()).isEqualTo(1);
        assertThat(v1.json()
                        .path("scenario")
                        .path("site")
                        .path("grid")
                        .path("settlementPoint")
                        .asText())
                .isEqualTo("HB_WEST");
        String renamed = Scenarios.threeDays().replaceFirst("(?m)^name: .*$", "name: renamed");
        var v2 = operator.put("/api/scenarios/" + id, "application/yaml", renamed);
        assertThat(v2.status()).as(v2.text()).isEqualTo(200);
        assertThat(v2.json().path("version").asInt()).isEqualTo(2);
        assertThat(viewer.get("/api/scenarios/" + id + "/versions")
                        .json()
                        .path("items")
                        .size())
                .isEqualTo(2);
        assertThat(viewer.get("/api/scenarios/" + id + "/versions/1")
                        .json()
                        .path("name")
                        .asText())
                .isEqualTo("west-texas-2024");
        // JSON bodies work too: the canonical JSON of version 2
        String json = v2.json().path("scenario").toString();
        assertThat(operator.put("/api/scenarios/" + id, "application/json", json)
                        .json()
                        .path("version")
                        .asInt())
                .isEqualTo(3);
        assertThat(operator.delete("/api/scenarios/" + id).status()).isEqualTo(204);
        assertThat(viewer.get("/api/scenarios/" + id).status()).isEqualTo(404);
        assertThat(viewer.get("/api/scenarios/" + id + "/versions/1").status()).isEqualTo(200);
        assertThat(viewer.get("/api/scenarios/abc").status()).isEqualTo(400);
    }

    @Test
    void invalidScenariosAreRefusedWithEveryFieldPath() {
        String bad = Scenarios.threeDays()
                .replace("unitPowerW: 3500", "unitPowerW: -3")
                .replace("importCapMw: 200", "importCapMw: lots");
        var r = operator.post("/api/scenarios", "application/yaml", bad);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("errors").findValuesAsText("path"))
                .contains("site.grid.importCapMw")
                .anySatisfy(p -> assertThat(p).startsWith("site.minerFleets[0].unitPowerW"));
        var syntax = operator.post("/api/scenarios", "application/yaml", "name: [unclosed");
        assertThat(syntax.status()).isEqualTo(422);
        assertThat(syntax.json().path("errors").get(0).path("message").asText()).contains("not valid YAML");
    }

    @Test
    void scenariosMayNotNameServerFiles() {
        String withFile = Scenarios.threeDays()
                .replace("  source: ercot-bundled", "  source: ercot-spp-csv\n  path: ../../etc/passwd")
                .replace("  market: RTM", "");
        var r = operator.post("/api/scenarios", "application/yaml", withFile);
        assertThat(r.status()).as(r.text()).isEqualTo(422);
        assertThat(r.json().path("errors").findValuesAsText("path")).contains("prices.path");
        String peakFile = Scenarios.threeDays()
                .replace(
                        "      source: ercot-fuel-mix ",
                        "      source: csv\n      path: /etc/passwd\n      loadColumn: x\n      #");
        var p = operator.post("/api/scenarios", "application/yaml", peakFile);
        assertThat(p.status()).as(p.text()).isEqualTo(422);
        assertThat(p.json().path("errors").findValuesAsText("path")).contains("markets.coincidentPeak.peakSource.path");
        String missingDataset = withFile.replace("../../etc/passwd", "dataset:999");
        var m = operator.post("/api/scenarios", "application/yaml", missingDataset);
        assertThat(m.status()).isEqualTo(422);
        assertThat(m.json().path("errors").findValuesAsText("path")).contains("dataset:999");
    }

    @Test
    void aBacktestRunsAsAJobAndItsResultsMatchTheEngine() {
        String yaml = Scenarios.threeDays();
        long sid = createScenario(yaml);
        JsonNode run = runToEnd(sid);
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.path("progressFraction").asDouble()).isEqualTo(1.0);
        assertThat(run.path("solverSeconds").asDouble()).isGreaterThanOrEqualTo(0);
        long id = run.path("id").asLong();

        // the same backtest computed directly on the same (synthetic) inputs
        Scenario s = ScenarioReader.parse(yaml, "test");
        DispatchSummary expected = ScenarioSettlement.meritOrder(
                        s, SyntheticInputs.resolve(s, Path.of(".")), Path.of("."))
                .summary();
        JsonNode summary = viewer.get("/api/runs/" + id + "/summary").json().path("summary");
        assertThat(summary.path("netUsd").asDouble()).isEqualTo(expected.netUsd());
        assertThat(summary.path("btcMined").asDouble()).isEqualTo(expected.btcMined());
        assertThat(summary.path("intervals").asInt()).isEqualTo(72);

        // pages of the ledger add up to the summary; so does the downsampled series
        double mining = 0;
        int offset = 0;
        int pages = 0;
        while (true) {
            JsonNode page = viewer.get("/api/runs/" + id
                            + "/series?columns=revenueMiningUsd,priceUsdPerMwh&limit=30&offset=" + offset)
                    .json();
            pages++;
            for (JsonNode v : page.path("columns").path("revenueMiningUsd")) {
                mining += v.asDouble();
            }
            if (!page.has("nextOffset")) {
                break;
            }
            offset = page.path("nextOffset").asInt();
        }
        assertThat(pages).isEqualTo(3);
        assertThat(mining)
                .isCloseTo(
                        expected.streamTotalUsd("mining"), within(1e-6 * Math.abs(expected.streamTotalUsd("mining"))));
        JsonNode down = viewer.get("/api/runs/" + id + "/series?columns=revenueMiningUsd,priceUsdPerMwh&maxPoints=10")
                .json();
        assertThat(down.path("bucketIntervals").asInt()).isEqualTo(8);
        assertThat(down.path("timesUtc").size()).isEqualTo(9);
        double sum = 0;
        for (JsonNode v : down.path("columns").path("revenueMiningUsd")) {
            sum += v.asDouble();
        }
        assertThat(sum)
                .isCloseTo(
                        expected.streamTotalUsd("mining"), within(1e-6 * Math.abs(expected.streamTotalUsd("mining"))));
        var bogus = viewer.get("/api/runs/" + id + "/series?columns=bogus");
        assertThat(bogus.status()).isEqualTo(400);
        assertThat(bogus.text()).contains("unknown column 'bogus'").contains("transmissionChargeUsd");
        // the run's stored columns are listed with their aggregation; each of them is served by name
        JsonNode cols = viewer.get("/api/runs/" + id + "/series/columns").json();
        List<String> names = new java.util.ArrayList<>();
        cols.path("items").forEach(c -> names.add(c.path("name").asText()));
        assertThat(names)
                .startsWith("dispatched", "priceUsdPerMwh")
                .contains("revenueMiningUsd", "netUsd", "btcMined", "transmissionChargeUsd", "runningFractionLoad0");
        assertThat(cols.path("items")
                        .get(names.indexOf("revenueMiningUsd"))
                        .path("aggregation")
                        .asText())
                .isEqualTo("sum");
        JsonNode every = viewer.get("/api/runs/" + id + "/series?limit=3&columns=" + String.join(",", names))
                .json();
        for (String n : names) {
            assertThat(every.path("columns").path(n).size()).as(n).isEqualTo(3);
        }
        assertThat(viewer.get("/api/runs/" + id + "/series?limit=0").status()).isEqualTo(400);
        assertThat(operator.post("/api/runs/" + id + "/cancel", "application/json", "")
                        .status())
                .isEqualTo(409);
    }

    /**
     * The server settles a backtest under the scenario's market programs like the CLI does: the default scenario's 4CP
     * program charges the site's load in August 2024's system peak (a regression: the run once dropped the scenario's
     * markets, sustainability and optimize sections and charged nothing).
     */
    @Test
    void aBacktestChargesTheScenarios4cpTransmissionCost() {
        String yaml = Scenarios.defaultWithPeriod("2024-08-01T05:00:00Z", "2024-09-01T05:00:00Z", "1h");
        Scenario s = ScenarioReader.parse(yaml, "test");
        assertThat(s.markets().coincidentPeak()).isPresent();
        JsonNode run = runToEnd(createScenario(yaml));
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
        JsonNode summary = viewer.get("/api/runs/" + run.path("id").asLong() + "/summary")
                .json()
                .path("summary");
        DispatchSummary expected = ScenarioSettlement.meritOrder(
                        s, SyntheticInputs.resolve(s, Path.of(".")), Path.of("."))
                .summary();
        assertThat(expected.costUsd("transmission_4cp")).isPositive();
        assertThat(summary.path("transmissionChargeUsd").asDouble()).isEqualTo(expected.costUsd("transmission_4cp"));
        assertThat(summary.path("coincidentPeakTagMw").asDouble())
                .isEqualTo(expected.programFactOrZero("ercot-4cp", "tagMw"));
        assertThat(summary.path("netUsd").asDouble()).isEqualTo(expected.netUsd());
        // the stored ledger's per-interval net carries the charge in the peak intervals: it adds up to the net
        JsonNode series = viewer.get("/api/runs/" + run.path("id").asLong() + "/series?columns=netUsd&limit=1000")
                .json();
        double sum = 0;
        for (JsonNode v : series.path("columns").path("netUsd")) {
            sum += v.asDouble();
        }
        assertThat(series.path("columns").path("netUsd").size()).isEqualTo(744);
        assertThat(sum).isCloseTo(expected.netUsd(), within(1e-6 * Math.abs(expected.netUsd())));
        DispatchSummary energyOnly = Backtest.meritOrder(s.site(), SyntheticInputs.resolve(s, Path.of(".")))
                .summary();
        assertThat(expected.netUsd()).isLessThan(energyOnly.netUsd());
    }

    /** An optimize run stores what the optimiser computes on the same inputs, with its solver figures and ledger. */
    @Test
    void anOptimizeRunMatchesTheOptimiserAndEarnsAtLeastTheBacktest() {
        String yaml = Scenarios.threeDays();
        Scenario s = ScenarioReader.parse(yaml, "test");
        long sid = createScenario(yaml);
        JsonNode run = runToEnd(sid, "optimize", "{\"forecast\":\"perfect\",\"solver\":\"glop\"}");
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.path("kind").asText()).isEqualTo("optimize");
        long id = run.path("id").asLong();
        JsonNode summary = viewer.get("/api/runs/" + id + "/summary").json().path("summary");

        ScenarioInputs inputs = SyntheticInputs.resolve(s, Path.of("."));
        OptimizationProblem problem = OptimizationProblem.forScenario(s, inputs, s.optimize());
        OptimizeResult expected = Optimizer.forSettings(s.optimize()).run(problem);
        double net = expected.result().summary().netUsd();
        assertThat(summary.path("netUsd").asDouble()).isCloseTo(net, within(1e-6 * Math.abs(net)));
        assertThat(summary.path("policy").asText()).isEqualTo(Optimizer.PERFECT);
        assertThat(summary.path("solver").path("backend").asText()).isEqualTo("glop");
        assertThat(summary.path("solver").path("windows").asInt()).isEqualTo(1);
        assertThat(summary.path("solver").path("outcome").asText()).isEqualTo("optimal");
        assertThat(summary.path("solver").path("columns").asInt()).isPositive();
        double meritOrder =
                ScenarioSettlement.meritOrder(s, inputs, Path.of(".")).summary().netUsd();
        assertThat(summary.path("netUsd").asDouble()).isGreaterThanOrEqualTo(meritOrder - 1e-6 * Math.abs(meritOrder));
        JsonNode page = viewer.get("/api/runs/" + id + "/series?columns=netUsd&limit=100")
                .json();
        double sum = 0;
        for (JsonNode v : page.path("columns").path("netUsd")) {
            sum += v.asDouble();
        }
        assertThat(page.path("columns").path("netUsd").size()).isEqualTo(72);
        // the ledger's per-interval net already carries each interval's share of the 4CP charge
        assertThat(sum).isCloseTo(net, within(1e-6 * Math.abs(net) + 1e-6));

        // a rolling horizon on persistence forecasts: one plan and one real-time model per day
        JsonNode rolling = runToEnd(sid, "optimize", "{\"forecast\":\"persistence\"}");
        assertThat(rolling.path("status").asText()).as(rolling.toString()).isEqualTo("succeeded");
        JsonNode rs = viewer.get("/api/runs/" + rolling.path("id").asLong() + "/summary")
                .json()
                .path("summary");
        assertThat(rs.path("solver").path("windows").asInt()).isEqualTo(6);
        assertThat(rs.path("netUsd").asDouble())
                .isLessThanOrEqualTo(summary.path("netUsd").asDouble() + 1e-6);
    }

    @Test
    void badRunParametersAreRefusedWithTheirPaths() {
        long sid = createScenario(Scenarios.threeDays());
        var r = operator.postJson(
                "/api/runs",
                "{\"kind\":\"optimize\",\"scenarioId\":" + sid
                        + ",\"parameters\":{\"forecast\":\"tomorrow\",\"solver\":\"cplex\",\"speed\":11}}");
        assertThat(r.status()).as(r.text()).isEqualTo(422);
        assertThat(r.json().path("errors").findValuesAsText("path"))
                .containsExactlyInAnyOrder("parameters.forecast", "parameters.solver", "parameters.speed");
        assertThat(r.text()).contains("perfect, day-ahead, persistence").contains("glop");
        var b = operator.postJson(
                "/api/runs", "{\"kind\":\"backtest\",\"scenarioId\":" + sid + ",\"parameters\":{\"x\":1}}");
        assertThat(b.status()).isEqualTo(422);
        assertThat(b.json().path("errors").findValuesAsText("path")).containsExactly("parameters.x");
        assertThat(viewer.get("/api/run-kinds").json().path("items").findValuesAsText("name"))
                .containsExactly("backtest", "optimize", "compare", "plan", "portfolio");
    }

    /** A plan run takes no scenario, runs the planning Monte Carlo and stores what the library computes. */
    @Test
    void aPlanRunMatchesThePlanningLibrary() {
        var r = operator.postJson("/api/runs", "{\"kind\":\"plan\",\"parameters\":{\"paths\":300,\"seed\":7}}");
        assertThat(r.status()).as(r.text()).isEqualTo(202);
        assertThat(r.json().path("scenarioId").isNull()).isTrue();
        long id = r.json().path("id").asLong();
        Waits.until(
                "plan run " + id + " to finish",
                Duration.ofSeconds(60),
                () -> !Set.of("queued", "running")
                        .contains(viewer.get("/api/runs/" + id)
                                .json()
                                .path("status")
                                .asText()));
        JsonNode run = viewer.get("/api/runs/" + id).json();
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
        JsonNode summary = viewer.get("/api/runs/" + id + "/summary").json().path("summary");
        assertThat(summary.path("paths").asInt()).isEqualTo(300);
        assertThat(summary.path("seed").asLong()).isEqualTo(7);

        Plan plan = PlanReader.bundledDefault();
        plan = plan.withUncertainty(plan.uncertainty().withPaths(300).withSeed(7));
        PlanSimulation sim = new PlanSimulation(plan, PlanHistory.load(plan));
        MonteCarloResult mc = sim.run(plan.strategies(), 300, RunSettings.defaults(), k -> {});
        JsonNode rows = summary.path("strategies");
        assertThat(rows.size()).isEqualTo(mc.summaries().size()).isGreaterThan(1);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).path("strategy").asText())
                    .isEqualTo(mc.summaries().get(i).strategy());
            assertThat(rows.get(i).path("meanNpvUsd").asDouble())
                    .isEqualTo(mc.summaries().get(i).meanNpvUsd());
            assertThat(rows.get(i).path("allocationByYear").size()).isPositive();
        }
        assertThat(summary.path("bestStrategy").asText())
                .isEqualTo(DecisionRule.of(plan, RiskMeasure.CVAR)
                        .choose(mc.summaries())
                        .best()
                        .strategy());
        var series = viewer.get("/api/runs/" + id + "/series?columns=netUsd");
        assertThat(series.status()).isEqualTo(409);
        assertThat(series.text()).contains("dispatches no intervals");
        // the baseline has no IRR and no payback
        assertThat(rows.get(0).path("medianIrrPerYear").isNull()).isTrue();
        assertThat(rows.get(0).path("deterministicPaybackMonth").isNull()).isTrue();
    }

    /** A plan run's month-by-month cash flows: the cases of its summary as CSV, and the lender's page. */
    @Test
    void aPlanRunServesItsCashFlows() {
        JsonNode run =
                planRunToEnd("{\"paths\":120,\"seed\":3,\"maxBreachProbability\":0.05,\"cashflowPercentiles\":[25]}");
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
        long id = run.path("id").asLong();
        JsonNode summary = viewer.get("/api/runs/" + id + "/summary").json().path("summary");
        assertThat(summary.path("maxBreachProbability").asDouble()).isEqualTo(0.05);
        JsonNode colo = java.util.stream.StreamSupport.stream(
                        summary.path("strategies").spliterator(), false)
                .filter(s -> s.path("strategy").asText().equals("colocation"))
                .findFirst()
                .orElseThrow();
        assertThat(colo.path("cashflowCases").findValuesAsText("case")).containsExactly("deterministic", "p25");
        var csv = viewer.get("/api/runs/" + id + "/cashflows.csv?strategy=colocation&case=p25");
        assertThat(csv.status()).as(csv.text()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.text().lines().toList();
        assertThat(lines).hasSize(1 + summary.path("horizonMonths").asInt());
        int col = List.of(lines.get(0).split(",")).indexOf("discountedEquityCashFlowUsd");
        double sum = 0;
        for (String line : lines.subList(1, lines.size())) {
            sum += Double.parseDouble(line.split(",", -1)[col]);
        }
        double npv = colo.path("cashflowCases").get(1).path("npvUsd").asDouble();
        assertThat(sum).isCloseTo(npv, within(1.0));
        var html = viewer.get("/api/runs/" + id + "/cashflows.html");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.text()).contains("Loan schedule: pf-hall-a", "Covenant tests");
        assertThat(viewer.get("/api/runs/" + id + "/cashflows.csv?strategy=nope")
                        .status())
                .isEqualTo(404);
        assertThat(viewer.get("/api/runs/" + id + "/cashflows.csv").status()).isEqualTo(400);
        // a run that is not a plan has no cash flows
        JsonNode backtest = runToEnd(createScenario(Scenarios.threeDays()));
        assertThat(viewer.get("/api/runs/" + backtest.path("id").asLong() + "/cashflows.html")
                        .status())
                .isEqualTo(409);
    }

    /** Policy vs optimal: four runs settled alike; the stored result is the perfect-foresight optimum. */
    @Test
    void aCompareRunRanksMeritOrderRollingAndPerfectForesight() {
        String yaml = Scenarios.threeDays();
        Scenario s = ScenarioReader.parse(yaml, "test");
        JsonNode run = runToEnd(createScenario(yaml), "compare", "{}");
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
        long id = run.path("id").asLong();
        JsonNode summary = viewer.get("/api/runs/" + id + "/summary").json().path("summary");
        JsonNode rows = summary.path("comparison");
        assertThat(rows.findValuesAsText("policy"))
                .containsExactly("merit-order", "rolling-persistence", "rolling-day-ahead", Optimizer.PERFECT);
        ScenarioInputs inputs = SyntheticInputs.resolve(s, Path.of("."));
        double merit =
                ScenarioSettlement.meritOrder(s, inputs, Path.of(".")).summary().netUsd();
        assertThat(rows.get(0).path("netUsd").asDouble()).isEqualTo(merit);
        assertThat(rows.get(0).path("gainOverMeritOrderUsd").asDouble()).isZero();
        double perfect = rows.get(3).path("netUsd").asDouble();
        assertThat(summary.path("netUsd").asDouble()).isEqualTo(perfect);
        assertThat(summary.path("policy").asText()).isEqualTo(Optimizer.PERFECT);
        assertThat(rows.get(3).path("valueOfForesightUsd").asDouble()).isZero();
        for (JsonNode r : rows) {
            assertThat(r.path("netUsd").asDouble())
                    .as(r.path("policy").asText())
                    .isLessThanOrEqualTo(perfect + 1e-6 * Math.abs(perfect));
            assertThat(r.path("valueOfForesightUsd").asDouble())
                    .isCloseTo(perfect - r.path("netUsd").asDouble(), within(1e-6));
        }
        assertThat(viewer.get("/api/runs/" + id + "/series?columns=netUsd&limit=10")
                        .status())
                .isEqualTo(200);
        var bad = operator.postJson(
                "/api/runs", "{\"kind\":\"compare\",\"scenarioId\":1,\"parameters\":{\"forecast\":\"perfect\"}}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().path("errors").findValuesAsText("path")).containsExactly("parameters.forecast");
    }

    /** A portfolio run takes no scenario and stores what the portfolio library computes on the same inputs. */
    @Test
    void aPortfolioRunMatchesThePortfolioLibrary() {
        var bad = operator.postJson("/api/runs", "{\"kind\":\"portfolio\",\"parameters\":{\"paths\":0,\"x\":1}}");
        assertThat(bad.status()).as(bad.text()).isEqualTo(422);
        assertThat(bad.json().path("errors").findValuesAsText("path"))
                .containsExactlyInAnyOrder("parameters.paths", "parameters.x");
        var r = operator.postJson("/api/runs", "{\"kind\":\"portfolio\",\"parameters\":{\"paths\":6,\"seed\":5}}");
        assertThat(r.status()).as(r.text()).isEqualTo(202);
        long id = r.json().path("id").asLong();
        Waits.until(
                "portfolio run " + id + " to finish",
                Duration.ofSeconds(120),
                () -> !Set.of("queued", "running")
                        .contains(viewer.get("/api/runs/" + id)
                                .json()
                                .path("status")
                                .asText()));
        JsonNode run = viewer.get("/api/runs/" + id).json();
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
        JsonNode summary = viewer.get("/api/runs/" + id + "/summary").json().path("summary");
        assertThat(summary.path("paths").asInt()).isEqualTo(6);
        var lp = io.minerai.portfolio.PortfolioReader.bundledExample(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        var req = new io.minerai.portfolio.run.PortfolioRunner.Request(
                java.util.OptionalInt.of(6),
                java.util.OptionalLong.of(5),
                java.util.Optional.empty(),
                false,
                new io.minerai.sweep.InProcessExecutor(1),
                25);
        var lib = io.minerai.portfolio.run.PortfolioRunner.run(lp, req, n -> {});
        assertThat(summary.path("mixes").get(1).path("expectedNpvUsd").asDouble())
                .isEqualTo(lib.result().chosen().summary().meanNpvUsd());
        assertThat(summary.path("sites").get(0).path("recommended").asText())
                .isEqualTo(lib.result()
                        .recommendations()
                        .get(0)
                        .chosen()
                        .candidate()
                        .label());
        assertThat(summary.path("acquisitions").get(0).path("maxPriceUsd").asDouble())
                .isEqualTo(lib.result().acquisitions().get(0).maxPriceUsd());
    }

    @Test
    void badPlanRunRequestsAreRefusedWithTheirPaths() {
        var withScenario = operator.postJson("/api/runs", "{\"kind\":\"plan\",\"scenarioId\":1}");
        assertThat(withScenario.status()).isEqualTo(422);
        assertThat(withScenario.json().path("errors").findValuesAsText("path")).containsExactly("scenarioId");
        var bad = operator.postJson(
                "/api/runs",
                "{\"kind\":\"plan\",\"parameters\":{\"paths\":0,\"riskMeasure\":\"max\","
                        + "\"plan\":{\"name\":\"p\",\"horizonMonths\":-4}}}");
        assertThat(bad.status()).as(bad.text()).isEqualTo(422);
        var paths = bad.json().path("errors").findValuesAsText("path");
        assertThat(paths).contains("parameters.paths", "parameters.riskMeasure");
        assertThat(paths).anySatisfy(p -> assertThat(p).startsWith("parameters.plan."));
        assertThat(paths).allSatisfy(p -> assertThat(p).startsWith("parameters."));
    }

    @Test
    void badRunRequestsAreRefused() {
        var r = operator.postJson("/api/runs", "{\"kind\":\"nope\",\"scenarioId\":\"x\",\"parameters\":3}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("errors").findValuesAsText("path")).contains("kind", "scenarioId", "parameters");
        assertThat(operator.postJson("/api/runs", "{\"kind\":\"backtest\",\"scenarioId\":424242}")
                        .status())
                .isEqualTo(404);
        assertThat(operator.postJson("/api/runs", "not json").status()).isEqualTo(400);
        assertThat(viewer.get("/api/runs/999999").status()).isEqualTo(404);
        assertThat(viewer.get("/api/nothing-here").status()).isEqualTo(404);
    }

    @Test
    void metricsCountRequestsRunsAndSolverTime() {
        long sid = createScenario(Scenarios.threeDays());
        runToEnd(sid);
        var m = viewer.get("/metrics");
        assertThat(m.status()).isEqualTo(200);
        assertThat(m.text())
                .contains("http_server_requests_seconds_count{method=\"POST\",route=\"/api/runs\",status=\"202\"}")
                .contains("minerai_runs_finished_total{status=\"succeeded\"}")
                .contains("minerai_solver_time_seconds_count")
                .contains("minerai_run_duration_seconds_count{kind=\"backtest\",outcome=\"succeeded\"}");
    }

    @Test
    void writesAreAudited() {
        long sid = createScenario(Scenarios.threeDays());
        var audit = admin.get("/api/audit").json().path("items");
        assertThat(audit.findValuesAsText("target")).contains("scenario:" + sid);
        assertThat(audit.findValuesAsText("actor")).contains("api:olga");
        assertThat(viewer.get("/api/audit").status()).isEqualTo(403);
    }

    @Test
    void theDashboardIsServedWithoutExternalResources() {
        var index = anonymous.get("/");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.text())
                .contains("<title>minerai")
                .doesNotContain("http://")
                .doesNotContain("https://");
        assertThat(index.raw().headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'self'");
        assertThat(anonymous.get("/vendor/chart.umd.min.js").status()).isEqualTo(200);
        assertThat(anonymous.get("/app.js").text()).doesNotContain("https://");
    }
}
