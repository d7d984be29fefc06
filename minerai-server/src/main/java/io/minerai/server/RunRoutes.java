package io.minerai.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.minerai.core.audit.AuditEntry;
import io.minerai.core.validation.Problem;
import io.minerai.planning.report.CashFlowReport;
import io.minerai.planning.run.CashFlowCase;
import io.minerai.server.run.PlanKind;
import io.minerai.server.run.RunKind;
import io.minerai.server.run.RunKinds;
import io.minerai.server.run.RunService;
import io.minerai.store.ColumnInfo;
import io.minerai.store.NewRun;
import io.minerai.store.Role;
import io.minerai.store.RunRecord;
import io.minerai.store.RunStatus;
import io.minerai.store.ScenarioVersion;
import io.minerai.store.SeriesPage;
import io.minerai.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code /api/runs}: start runs as queued jobs, follow their progress, cancel them, read summaries and series. */
final class RunRoutes {
    static final int MAX_PAGE = 10_000;
    static final int MAX_POINTS = 5_000;
    private final Store store;
    private final RunService runs;
    private final RunKinds kinds;
    private final ServerConfig config;
    private final Clock clock;
    private final ResultCache cache = new ResultCache(64L * 1024 * 1024);

    RunRoutes(Store store, RunService runs, RunKinds kinds, ServerConfig config, Clock clock) {
        this.store = store;
        this.runs = runs;
        this.kinds = kinds;
        this.config = config;
        this.clock = clock;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/run-kinds", Role.VIEWER, this::kinds),
                Route.get("/api/runs", Role.VIEWER, this::list),
                Route.post("/api/runs", Role.OPERATOR, this::start),
                Route.get("/api/runs/{id}", Role.VIEWER, this::get),
                Route.post("/api/runs/{id}/cancel", Role.OPERATOR, this::cancel),
                Route.delete("/api/runs/{id}", Role.ADMIN, this::delete),
                Route.get("/api/runs/{id}/summary", Role.VIEWER, this::summary),
                Route.get("/api/runs/{id}/series", Role.VIEWER, this::series),
                Route.get("/api/runs/{id}/series/columns", Role.VIEWER, this::seriesColumns),
                Route.get("/api/runs/{id}/cashflows.html", Role.VIEWER, this::cashflowsHtml),
                Route.get("/api/runs/{id}/cashflows.csv", Role.VIEWER, this::cashflowsCsv));
    }

    /** A plan run's cash flows, evaluated again from its parameters and the cases of its summary. */
    private CashFlowReport cashFlows(RunRecord r) {
        if (!r.kind().equals(PlanKind.NAME)) {
            throw new ApiException(
                    409,
                    "No cash flows",
                    "run " + r.id() + " (" + r.kind() + ") is not a plan run; month-by-month cash flows exist only for"
                            + " plan runs");
        }
        if (r.status() != RunStatus.SUCCEEDED) {
            throw notReady(r);
        }
        String json = store.runs().summaryJson(r.id()).orElseThrow(() -> notReady(r));
        return PlanKind.cashFlows(r.parametersJson(), Json.tree(json));
    }

    private void cashflowsHtml(Context ctx, Principal who) {
        long id = Http.pathId(ctx, "id");
        String key = "cashflows.html:" + id;
        String body = cache.get(key).orElseGet(() -> {
            RunRecord r = run(ctx);
            CashFlowReport report = cashFlows(r);
            return cache.computeIfAbsent(key, report::html);
        });
        ctx.status(200).contentType("text/html; charset=utf-8").result(body);
    }

    private void cashflowsCsv(Context ctx, Principal who) {
        long id = Http.pathId(ctx, "id");
        String strategy = Http.query(ctx, "strategy");
        String label = Optional.ofNullable(Http.query(ctx, "case")).orElse(CashFlowCase.DETERMINISTIC);
        if (strategy == null || strategy.isBlank()) {
            throw new ApiException(
                    400,
                    "Bad request",
                    "the strategy is missing",
                    List.of(new Problem("strategy", "required: the name of one of the run's strategies")));
        }
        String key = "cashflows.csv:" + id + ":" + strategy + ":" + label;
        Optional<String> hit = cache.get(key);
        String body;
        if (hit.isPresent()) {
            body = hit.get();
        } else {
            RunRecord r = run(ctx);
            CashFlowReport report = cashFlows(r);
            CashFlowReport.CaseTable c = report.find(strategy, label)
                    .orElseThrow(() -> ApiException.notFound("cash flows of strategy '" + Http.shorten(strategy)
                            + "', case '" + Http.shorten(label) + "' in run " + r.id() + "; cases: "
                            + report.cases().stream()
                                    .map(t -> t.cashFlowCase().strategy() + "/"
                                            + t.cashFlowCase().label())
                                    .toList()));
            body = cache.computeIfAbsent(key, () -> report.csv(c));
        }
        ctx.status(200).contentType("text/csv; charset=utf-8").result(body);
    }

    private void kinds(Context ctx, Principal who) {
        var items = kinds.all().stream()
                .map(k -> Map.of("name", k.name(), "description", k.description()))
                .toList();
        Http.json(ctx, 200, Map.of("items", items));
    }

    private void list(Context ctx, Principal who) {
        int limit = Http.intQuery(ctx, "limit", 50, 1, 1000);
        int offset = Http.intQuery(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        List<ObjectNode> items =
                store.runs().list(limit, offset).stream().map(this::view).toList();
        Http.json(ctx, 200, Map.of("items", items, "limit", limit, "offset", offset));
    }

    private void start(Context ctx, Principal who) {
        JsonNode body = Http.jsonObject(ctx, config.maxJsonBytes());
        List<Problem> problems = new ArrayList<>();
        String kindName = body.path("kind").asText("");
        RunKind kind = kinds.get(kindName).orElse(null);
        if (kind == null) {
            problems.add(new Problem(
                    "kind",
                    "must be one of " + kinds.all().stream().map(RunKind::name).toList() + ", was '"
                            + Http.shorten(kindName) + "'"));
        }
        JsonNode sid = body.path("scenarioId");
        JsonNode sv = body.path("scenarioVersion");
        boolean needsScenario = kind == null || kind.needsScenario();
        if (needsScenario) {
            if (!sid.canConvertToLong() || sid.asLong() < 1 || !sid.isIntegralNumber()) {
                problems.add(new Problem("scenarioId", "required: the id of a stored scenario"));
            }
            if (!sv.isMissingNode() && !sv.isNull() && (!sv.isIntegralNumber() || sv.asInt() < 1)) {
                problems.add(new Problem("scenarioVersion", "must be a version number >= 1 when given"));
            }
        } else {
            for (String f : List.of("scenarioId", "scenarioVersion")) {
                if (!body.path(f).isMissingNode() && !body.path(f).isNull()) {
                    problems.add(new Problem(f, "a " + kindName + " run takes no scenario; leave it out"));
                }
            }
        }
        JsonNode params = body.path("parameters");
        if (!params.isMissingNode() && !params.isNull() && !params.isObject()) {
            problems.add(new Problem("parameters", "must be a JSON object when given"));
        } else if (kind != null && params.isObject()) {
            problems.addAll(kind.checkParameters(params));
        }
        if (!problems.isEmpty()) {
            throw new ApiException(422, "Invalid run request", "the run request has problems", problems);
        }
        NewRun request;
        String parameters = params.isObject() ? Json.write(params) : "{}";
        if (needsScenario) {
            long scenarioId = sid.asLong();
            ScenarioVersion version = sv.isIntegralNumber()
                    ? store.scenarios()
                            .version(scenarioId, sv.asInt())
                            .orElseThrow(
                                    () -> ApiException.notFound("scenario " + scenarioId + " version " + sv.asInt()))
                    : store.scenarios()
                            .latest(scenarioId)
                            .orElseThrow(() -> ApiException.notFound("scenario " + scenarioId));
            request = new NewRun(kindName, scenarioId, version.version(), parameters, who.name());
        } else {
            request = NewRun.withoutScenario(kindName, parameters, who.name());
        }
        if (!runs.hasCapacity()) {
            throw new ApiException(503, "Run queue full", "too many runs are queued; try again when some finish");
        }
        RunRecord r = store.runs().create(request);
        runs.submit(r);
        store.auditLog()
                .append(new AuditEntry(
                        0,
                        clock.instant(),
                        "api:" + who.name(),
                        "run:" + r.id(),
                        "start " + kindName,
                        "queued",
                        request.hasScenario()
                                ? Map.of("scenario", request.scenarioId() + "v" + request.scenarioVersion())
                                : Map.of()));
        ctx.header("Location", "/api/runs/" + r.id());
        Http.json(ctx, 202, view(store.runs().get(r.id()).orElse(r)));
    }

    private void get(Context ctx, Principal who) {
        Http.json(ctx, 200, view(run(ctx)));
    }

    private void cancel(Context ctx, Principal who) {
        RunRecord r = run(ctx);
        if (!runs.cancel(r.id(), who.name())) {
            throw new ApiException(
                    409, "Conflict", "run " + r.id() + " has already finished (" + lower(r.status()) + ")");
        }
        store.auditLog()
                .append(new AuditEntry(
                        0, clock.instant(), "api:" + who.name(), "run:" + r.id(), "cancel", "cancelled", Map.of()));
        Http.json(ctx, 200, view(store.runs().get(r.id()).orElse(r)));
    }

    /** Deletes a finished run with its result and ledger (admin; audited), so a store does not only grow. */
    private void delete(Context ctx, Principal who) {
        long id = Http.pathId(ctx, "id");
        switch (store.runs().delete(id)) {
            case NOT_FOUND -> throw ApiException.notFound("run " + id);
            case NOT_FINISHED ->
                throw new ApiException(
                        409, "Conflict", "run " + id + " is queued or running; cancel it first, then delete it");
            case DELETED -> {
                cache.forgetRun(id);
                store.auditLog()
                        .append(new AuditEntry(
                                0, clock.instant(), "api:" + who.name(), "run:" + id, "delete", "deleted", Map.of()));
                ctx.status(204);
            }
        }
    }

    private void summary(Context ctx, Principal who) {
        long id = Http.pathId(ctx, "id");
        String key = "summary:" + id;
        Optional<String> hit = cache.get(key);
        if (hit.isPresent()) {
            ctx.status(200).contentType("application/json").result(hit.get());
            return;
        }
        RunRecord r = run(ctx);
        String json = store.runs().summaryJson(r.id()).orElseThrow(() -> notReady(r));
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("runId", r.id());
        n.put("kind", r.kind());
        putScenario(n, r);
        n.set("summary", Json.tree(json));
        n.set("loads", Json.tree(store.runs().loadsJson(r.id()).orElse("[]")));
        String body = cache.computeIfAbsent(key, () -> Json.write(n));
        ctx.status(200).contentType("application/json").result(body);
    }

    private void series(Context ctx, Principal who) {
        long id = Http.pathId(ctx, "id");
        String requested = Http.query(ctx, "columns");
        boolean downsample = Http.query(ctx, "maxPoints") != null;
        int maxPoints = downsample ? Http.intQuery(ctx, "maxPoints", 500, 1, MAX_POINTS) : 0;
        int offset = downsample ? 0 : Http.intQuery(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = downsample ? 0 : Http.intQuery(ctx, "limit", 1000, 1, MAX_PAGE);
        String key = "series:" + id + ":" + requested + ":" + maxPoints + ":" + offset + ":" + limit;
        Optional<String> hit = cache.get(key);
        if (hit.isPresent()) {
            ctx.status(200).contentType("application/json").result(hit.get());
            return;
        }
        RunRecord r = succeeded(ctx);
        List<String> stored = storedColumns(r);
        List<String> columns = columns(requested, stored);
        SeriesPage page = downsample
                ? store.runs().downsampled(r.id(), columns, maxPoints)
                : store.runs().series(r.id(), columns, offset, limit);
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("runId", r.id());
        n.put("totalIntervals", page.totalIntervals());
        n.put("offset", page.offset());
        if (limit > 0) {
            n.put("limit", limit);
            int next = page.offset() + page.timesUtc().size();
            if (next < page.totalIntervals()) {
                n.put("nextOffset", next);
            }
        }
        n.put("bucketIntervals", page.bucketIntervals());
        ArrayNode times = n.putArray("timesUtc");
        page.timesUtc().forEach(t -> times.add(t.toString()));
        ObjectNode cols = n.putObject("columns");
        for (String c : columns) {
            ArrayNode a = cols.putArray(c);
            for (double v : page.column(c)) {
                if (Double.isNaN(v)) {
                    a.addNull(); // a bucket without dispatched intervals
                } else {
                    a.add(v);
                }
            }
        }
        String body = cache.computeIfAbsent(key, () -> Json.write(n));
        ctx.status(200).contentType("application/json").result(body);
    }

    /** The ledger columns a run has, with how each is reduced when downsampled. */
    private void seriesColumns(Context ctx, Principal who) {
        RunRecord r = succeeded(ctx);
        List<ColumnInfo> stored = store.runs().columns(r.id());
        if (stored.isEmpty()) {
            throw noSeries(r);
        }
        var items = stored.stream()
                .map(c -> Map.of(
                        "name", c.name(), "aggregation", c.aggregation().name().toLowerCase(Locale.ROOT)))
                .toList();
        Http.json(ctx, 200, Map.of("runId", r.id(), "items", items));
    }

    private RunRecord succeeded(Context ctx) {
        RunRecord r = run(ctx);
        if (r.status() != RunStatus.SUCCEEDED) {
            throw notReady(r);
        }
        return r;
    }

    private List<String> storedColumns(RunRecord r) {
        List<String> names =
                store.runs().columns(r.id()).stream().map(ColumnInfo::name).toList();
        if (names.isEmpty()) {
            throw noSeries(r);
        }
        return names;
    }

    private static ApiException noSeries(RunRecord r) {
        return new ApiException(
                409,
                "No series",
                "run " + r.id() + " (" + r.kind() + ") dispatches no intervals; its results are in its summary");
    }

    /** Columns shown when none are asked for, those of them that the run has. */
    static final List<String> DEFAULT_COLUMNS =
            List.of("priceUsdPerMwh", "miningMw", "aiCloudMw", "colocationMw", "netUsd");

    private static List<String> columns(@org.jspecify.annotations.Nullable String param, List<String> stored) {
        if (param == null) {
            return DEFAULT_COLUMNS.stream().filter(stored::contains).toList();
        }
        List<String> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (String name : param.split(",", -1)) {
            String n = name.trim();
            if (stored.contains(n)) {
                if (!out.contains(n)) {
                    out.add(n);
                }
            } else {
                problems.add(new Problem(
                        "columns",
                        "unknown column '" + Http.shorten(n) + "'; this run has: " + String.join(", ", stored)));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(400, "Bad request", "unknown series columns", problems);
        }
        return out;
    }

    private RunRecord run(Context ctx) {
        long id = Http.pathId(ctx, "id");
        return store.runs().get(id).orElseThrow(() -> ApiException.notFound("run " + id));
    }

    private static ApiException notReady(RunRecord r) {
        return new ApiException(
                409,
                "No result",
                "run " + r.id() + " is " + lower(r.status()) + "; results exist only for succeeded runs");
    }

    /** scenarioId and scenarioVersion, null for a run without a scenario (a plan). */
    private static void putScenario(ObjectNode n, RunRecord r) {
        if (r.hasScenario()) {
            n.put("scenarioId", r.scenarioId());
            n.put("scenarioVersion", r.scenarioVersion());
        } else {
            n.putNull("scenarioId");
            n.putNull("scenarioVersion");
        }
    }

    ObjectNode view(RunRecord r) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("id", r.id());
        n.put("kind", r.kind());
        putScenario(n, r);
        n.set("parameters", Json.tree(r.parametersJson()));
        n.put("status", lower(r.status()));
        n.put("progressFraction", r.progressFraction());
        n.put("phase", r.phase());
        if (r.status() == RunStatus.QUEUED) {
            n.put("queuePosition", runs.queuePosition(r.id()));
        }
        r.message().ifPresent(m -> n.put("message", m));
        n.put("createdBy", r.createdBy());
        n.put("queuedUtc", r.queuedUtc().toString());
        r.startedUtc().ifPresent(t -> n.put("startedUtc", t.toString()));
        r.finishedUtc().ifPresent(t -> n.put("finishedUtc", t.toString()));
        r.startedUtc()
                .ifPresent(s -> n.put(
                        "elapsedSeconds",
                        Duration.between(s, r.finishedUtc().orElse(clock.instant()))
                                        .toMillis()
                                / 1000.0));
        r.solverSeconds().ifPresent(s -> n.put("solverSeconds", s));
        return n;
    }

    private static String lower(RunStatus s) {
        return s.name().toLowerCase(Locale.ROOT);
    }
}
