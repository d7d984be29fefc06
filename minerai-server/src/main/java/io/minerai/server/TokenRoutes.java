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
import java.util.Optional;

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
                Route.post("/api/tokens/{id}/rotate", Role.ADMIN, this::rotate),
                Route.get("/api/audit", Role.ADMIN, this::audit),
                Route.get("/api/audit/verify", Role.ADMIN, this::verify));
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
        Optional<Instant> expires = Optional.empty();
        JsonNode days = body.path("expiresInDays");
        if (!days.isMissingNode() && !days.isNull()) {
            if (!days.isIntegralNumber() || days.asLong() < 1 || days.asLong() > 3650) {
                problems.add(new Problem("expiresInDays", "must be a whole number of days, 1..3650, when given"));
            } else {
                expires = Optional.of(clock.instant().plus(java.time.Duration.ofDays(days.asLong())));
            }
        }
        if (!problems.isEmpty() || role == null) {
            throw new ApiException(422, "Invalid token request", "the token request has problems", problems);
        }
        String secret = Tokens.generate();
        TokenRecord t = store.tokens().create(name, role, Tokens.hash(secret), who.name(), expires);
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
        var outcome =
                store.tokens().revokeUnlessLastAdmin(id).orElseThrow(() -> ApiException.notFound("active token " + id));
        if (outcome == io.minerai.store.TokenRepository.RevokeOutcome.LAST_ADMIN) {
            throw new ApiException(
                    409,
                    "Conflict",
                    "token " + id + " is the last working admin token: make another admin token first, so that"
                            + " somebody can still administer the server");
        }
        auth.clear();
        store.auditLog()
                .append(new AuditEntry(
                        0, clock.instant(), "api:" + who.name(), "token:" + id, "revoke", "done", Map.of()));
        ctx.status(204);
    }

    /**
     * A new secret for a token's holder, role and expiry; the old secret keeps working for {@code graceSeconds}
     * (default 300, 0..86400) so clients switch over without downtime.
     */
    private void rotate(Context ctx, Principal who) {
        long id = Http.pathId(ctx, "id");
        int grace = Http.intQuery(ctx, "graceSeconds", 300, 0, 86_400);
        String secret = Tokens.generate();
        TokenRecord t = store.tokens()
                .rotate(id, Tokens.hash(secret), who.name(), clock.instant().plusSeconds(grace))
                .orElseThrow(() -> ApiException.notFound("active token " + id));
        auth.clear();
        store.auditLog()
                .append(new AuditEntry(
                        0,
                        clock.instant(),
                        "api:" + who.name(),
                        "token:" + id,
                        "rotate",
                        "done",
                        Map.of("newToken", String.valueOf(t.id()), "graceSeconds", String.valueOf(grace))));
        Map<String, Object> out = new LinkedHashMap<>(view(t));
        out.put("token", secret);
        out.put("replaces", id);
        out.put("note", "the token is shown only this once; the old one works for " + grace + " more seconds");
        Http.json(ctx, 201, out);
    }

    /** Checks the audit log's hash chain against its head (an admin's verifier; also {@code minerai store check}). */
    private void verify(Context ctx, Principal who) {
        var v = store.auditLog().verify();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("intact", v.intact());
        out.put("entries", v.entries());
        if (!v.intact()) {
            out.put("firstBadSequence", v.firstBadSequence());
            out.put("problem", v.problem());
        }
        Http.json(ctx, 200, out);
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
            Instant t = Instant.parse(v);
            if (t.isBefore(Instant.parse("0001-01-01T00:00:00Z")) || t.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
                throw new java.time.format.DateTimeParseException("out of range", v, 0);
            }
            return t;
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
        t.expiresUtc().ifPresent(e -> m.put("expiresUtc", e.toString()));
        return m;
    }
}
