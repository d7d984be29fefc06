package io.minerai.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.minerai.core.audit.AuditEntry;
import io.minerai.core.scenario.Scenario;
import io.minerai.core.scenario.ScenarioReader;
import io.minerai.core.scenario.ScenarioWriter;
import io.minerai.core.validation.ValidationException;
import io.minerai.server.run.ScenarioFiles;
import io.minerai.store.Role;
import io.minerai.store.ScenarioInfo;
import io.minerai.store.ScenarioVersion;
import io.minerai.store.Store;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** {@code /api/scenarios}: versioned scenario CRUD; bodies in the scenario file format (YAML or JSON). */
final class ScenarioRoutes {
    private final Store store;
    private final ServerConfig config;
    private final Clock clock;

    ScenarioRoutes(Store store, ServerConfig config, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/scenarios", Role.VIEWER, this::list),
                Route.post("/api/scenarios", Role.OPERATOR, this::create),
                Route.get("/api/scenarios/{id}", Role.VIEWER, this::latest),
                Route.put("/api/scenarios/{id}", Role.OPERATOR, this::update),
                Route.delete("/api/scenarios/{id}", Role.OPERATOR, this::delete),
                Route.get("/api/scenarios/{id}/versions", Role.VIEWER, this::versions),
                Route.get("/api/scenarios/{id}/versions/{version}", Role.VIEWER, this::version));
    }

    private void list(Context ctx, Principal who) {
        int limit = Http.intQuery(ctx, "limit", 100, 1, 1000);
        int offset = Http.intQuery(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        List<ScenarioInfo> items = store.scenarios().list(limit, offset);
        Http.json(ctx, 200, Map.of("items", items, "limit", limit, "offset", offset));
    }

    private void create(Context ctx, Principal who) {
        Scenario s = parse(ctx);
        ScenarioVersion v = store.scenarios().create(s.name(), ScenarioWriter.toJson(s), who.name());
        audit(who, "scenario:" + v.scenarioId(), "create", Map.of("version", "1"));
        ctx.header("Location", "/api/scenarios/" + v.scenarioId());
        Http.json(ctx, 201, view(v));
    }

    private void update(Context ctx, Principal who) {
        long id = Http.pathId(ctx, "id");
        Scenario s = parse(ctx);
        ScenarioVersion v = store.scenarios()
                .update(id, s.name(), ScenarioWriter.toJson(s), who.name())
                .orElseThrow(() -> ApiException.notFound("scenario " + id));
        audit(who, "scenario:" + id, "update", Map.of("version", String.valueOf(v.version())));
        Http.json(ctx, 200, view(v));
    }

    private void latest(Context ctx, Principal who) {
        long id = Http.pathId(ctx, "id");
        Http.json(
                ctx,
                200,
                view(store.scenarios().latest(id).orElseThrow(() -> ApiException.notFound("scenario " + id))));
    }

    private void version(Context ctx, Principal who) {
        long id = Http.pathId(ctx, "id");
        long version = Http.pathId(ctx, "version");
        ScenarioVersion v = store.scenarios()
                .version(id, (int) Math.min(version, Integer.MAX_VALUE))
                .orElseThrow(() -> ApiException.notFound("scenario " + id + " version " + version));
        Http.json(ctx, 200, view(v));
    }

    private void versions(Context ctx, Principal who) {
        long id = Http.pathId(ctx, "id");
        if (store.scenarios().latest(id).isEmpty()) {
            throw ApiException.notFound("scenario " + id);
        }
        var items = store.scenarios().versions(id).stream()
                .map(v -> Map.of(
                        "version",
                        v.version(),
                        "name",
                        v.name(),
                        "createdUtc",
                        v.createdUtc(),
                        "createdBy",
                        v.createdBy()))
                .toList();
        Http.json(ctx, 200, Map.of("scenarioId", id, "items", items));
    }

    private void delete(Context ctx, Principal who) {
        long id = Http.pathId(ctx, "id");
        if (!store.scenarios().delete(id)) {
            throw ApiException.notFound("scenario " + id);
        }
        audit(who, "scenario:" + id, "delete", Map.of());
        ctx.status(204);
    }

    /** Parses, validates and checks the body; every problem is reported with its field path (422). */
    private Scenario parse(Context ctx) {
        Http.requireContentType(
                ctx, List.of("application/json", "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"));
        String text = Http.text(Http.body(ctx, config.maxJsonBytes()), "the scenario");
        Scenario s = ScenarioReader.parse(text, "scenario");
        if (s.name().length() > 200) {
            throw new ValidationException(
                    "scenario",
                    new io.minerai.core.validation.Problem(
                            "name",
                            "must be at most 200 characters, had " + s.name().length()));
        }
        var fileProblems = ScenarioFiles.problems(s);
        if (!fileProblems.isEmpty()) {
            throw new ValidationException("scenario", fileProblems);
        }
        for (long ref : ScenarioFiles.references(s)) {
            if (store.datasets().get(ref).isEmpty()) {
                throw new ValidationException(
                        "scenario",
                        new io.minerai.core.validation.Problem("dataset:" + ref, "no dataset with id " + ref));
            }
        }
        return s;
    }

    static ObjectNode view(ScenarioVersion v) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("id", v.scenarioId());
        n.put("version", v.version());
        n.put("name", v.name());
        n.put("createdUtc", v.createdUtc().toString());
        n.put("createdBy", v.createdBy());
        n.set("scenario", Json.tree(v.contentJson()));
        return n;
    }

    private void audit(Principal who, String target, String action, Map<String, String> details) {
        store.auditLog()
                .append(new AuditEntry(0, clock.instant(), "api:" + who.name(), target, action, "done", details));
    }
}
