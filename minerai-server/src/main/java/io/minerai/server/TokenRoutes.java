package io.minerai.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.minerai.core.audit.AuditEntry;
import io.minerai.core.validation.Problem;
import io.minerai.store.Role;
import io.minerai.store.Store;
import io.minerai.store.TokenRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code /api/tokens} (admin) and {@code /api/me}: API tokens and the caller's identity; {@code /api/audit}. */
final class TokenRoutes {
    private final Store store;
    private final ServerConfig config;
    private final Clock clock;
    private final Auth auth;

    TokenRoutes(Store store, ServerConfig config, Clock clock, Auth auth) {
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.auth = auth;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/me", Role.VIEWER, this::me),
                Route.get("/api/tokens", Role.ADMIN, this::list),
                Route.post("/api/tokens", Role.ADMIN, this::create),
                Route.delete("/api/tokens/{id}", Role.ADMIN, this::revoke),
                Route.get("/api/audit", Role.ADMIN, this::audit));
    }

    private void me(Context ctx, Principal who) {
        Http.json(ctx, 200, Map.of("name", who.name(), "role", who.role().name().toLowerCase(Locale.ROOT)));
    }

    private void list(Context ctx, Principal who) {
        Http.json(
                ctx,
                200,
                Map.of(
                        "items",
                        store.tokens().list().stream().map(TokenRoutes::view).toList()));
    }

    private void create(Context ctx, Principal who) {
        JsonNode body = Http.jsonObject(ctx, config.maxJsonBytes());
        List<Problem> problems = new ArrayList<>();
        String name = body.path("name").asText("").trim();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(new Problem("name", "required, 1..200 characters"));
        }
        String roleText = body.path("role").asText("").trim().toUpperCase(Locale.ROOT);
        Role role = null;
        for (Role r : Role.values()) {
            if (r.name().equals(roleText)) {
                role = r;
            }
        }
        if (role == null) {
            problems.add(new Problem("role", "must be viewer, operator or admin"));
        }
        if (!problems.isEmpty() || role == null) {
            throw new ApiException(422, "Invalid token request", "the token request has problems", problems);
        }
        String secret = Tokens.generate();
        TokenRecord t = store.tokens().create(name, role, Tokens.hash(secret), who.name());
        store.auditLog()
                .append(new AuditEntry(
                        0,
                        clock.instant(),
                        "api:" + who.name(),
                        "token:" + t.id(),
                        "create",
                        "done",
                        Map.of("name", name, "role", role.name())));
        Map<String, Object> out = new LinkedHashMap<>(view(t));
        out.put("token", secret);
        out.put("note", "the token is shown only this once; store it safely");
        Http.json(ctx, 201, out);
    }

    private void revoke(Context ctx, Principal who) {
        long id = Http.pathId(ctx, "id");
        if (!store.tokens().revoke(id)) {
            throw ApiException.notFound("active token " + id);
        }
        auth.clear();
        store.auditLog()
                .append(new AuditEntry(
                        0, clock.instant(), "api:" + who.name(), "token:" + id, "revoke", "done", Map.of()));
        ctx.status(204);
    }

    private void audit(Context ctx, Principal who) {
        Instant from = instant(ctx, "fromUtc", Instant.EPOCH);
        Instant to = instant(ctx, "toUtc", clock.instant().plusSeconds(1));
        Http.json(ctx, 200, Map.of("items", store.auditLog().read(from, to)));
    }

    private static Instant instant(Context ctx, String name, Instant dflt) {
        String v = Http.query(ctx, name);
        if (v == null) {
            return dflt;
        }
        try {
            return Instant.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ApiException(
                    400,
                    "Bad request",
                    name + " must be an ISO-8601 instant",
                    List.of(new Problem(name, "must be like 2026-01-01T00:00:00Z")));
        }
    }

    private static Map<String, Object> view(TokenRecord t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("name", t.name());
        m.put("role", t.role().name().toLowerCase(Locale.ROOT));
        m.put("createdUtc", t.createdUtc().toString());
        m.put("createdBy", t.createdBy());
        t.revokedUtc().ifPresent(r -> m.put("revokedUtc", r.toString()));
        return m;
    }
}
