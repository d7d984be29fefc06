package io.minerai.ops.signal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minerai.ops.proto.LenientJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An OpenADR 3 VEN that polls its VTN for events ({@code GET /events?programID=..&skip=..&limit=50}, every page until
 * one comes back short: a VTN caps a page at 50, so an active event can sit on a later page), with an OAuth2
 * client-credentials token from the token URL the VTN names at {@code GET /auth/server} (3.x discovery; {@code
 * /auth/token} for a 3.0 VTN without it) when credentials are given and offers the load ceiling in force as a {@link
 * SignalSource} of kind {@link SignalKind#LOAD_CEILING_MW}: the lowest of {@code IMPORT_CAPACITY_LIMIT} and {@code
 * DISPATCH_SETPOINT} (power units from the payload descriptor), a {@code SIMPLE} level mapped to a share of the site
 * cap (0 normal 100 %, 1 moderate 50 %, 2 high 25 %, 3 emergency 0 %), {@code ALERT_GRID_EMERGENCY} = 0, and the site
 * cap when no event is active. A poll that fails leaves the last value to age: a VTN that cannot be reached makes the
 * signal stale and the site fails safe. {@link #report} posts a USAGE report echoing the event's interval id.
 */
public final class OpenAdrVen implements SignalSource {
    /**
     * Settings.
     *
     * @param vtnBaseUrl e.g. {@code https://vtn.example/openadr3/3.0.1}
     * @param programId the program whose events to follow
     * @param clientId OAuth2 client id, empty for no auth
     * @param clientSecret OAuth2 client secret
     * @param venName name used in reports
     * @param staleAfter how long without a successful poll the signal stays valid
     * @param requestTimeout per HTTP request
     */
    public record Settings(
            URI vtnBaseUrl,
            String programId,
            String clientId,
            String clientSecret,
            String venName,
            Duration staleAfter,
            Duration requestTimeout) {}

    private final Settings s;
    private final double siteCapMw;
    private final Clock clock;
    private final HttpClient http;
    private @Nullable String token;
    private @Nullable URI tokenUrl;
    /** Events per page asked for (the spec's maximum). */
    static final int PAGE = 50;
    /** Pages read at most per poll (a VTN that never ends a listing must not hang the loop). */
    static final int MAX_PAGES = 200;

    private Instant tokenExpires = Instant.EPOCH;
    private @Nullable JsonNode events;
    private @Nullable Instant lastPollOk;
    private @Nullable String lastError;

    public OpenAdrVen(Settings s, double siteCapMw, Clock clock) {
        this.s = s;
        this.siteCapMw = siteCapMw;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(s.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private URI url(String path) {
        String base = s.vtnBaseUrl().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    private @Nullable String bearer() throws IOException, InterruptedException {
        if (s.clientId().isEmpty()) {
            return null;
        }
        Instant now = clock.instant();
        if (token != null && now.isBefore(tokenExpires)) {
            return token;
        }
        String form =
                "grant_type=client_credentials&client_id=" + URLEncoder.encode(s.clientId(), StandardCharsets.UTF_8)
                        + "&client_secret=" + URLEncoder.encode(s.clientSecret(), StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(tokenUrl())
                        .timeout(s.requestTimeout())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("token request: HTTP " + r.statusCode() + " " + abbreviate(r.body()));
        }
        JsonNode t = LenientJson.parse(r.body());
        token = t.path("access_token").asText("");
        long expires = t.path("expires_in").asLong(300);
        tokenExpires = now.plusSeconds(Math.max(30, expires - 30));
        return token;
    }

    /** The token endpoint: discovered at {@code GET /auth/server} ({@code tokenURL}), else {@code /auth/token}. */
    private URI tokenUrl() throws IOException, InterruptedException {
        URI known = tokenUrl;
        if (known != null) {
            return known;
        }
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(url("/auth/server"))
                        .timeout(s.requestTimeout())
                        .header("Accept", "application/json")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        URI found;
        if (r.statusCode() == 200) {
            String t = LenientJson.parse(r.body()).path("tokenURL").asText("");
            if (t.isEmpty()) {
                throw new IOException("GET /auth/server: no tokenURL in " + abbreviate(r.body()));
            }
            found = URI.create(t).isAbsolute() ? URI.create(t) : url(t.startsWith("/") ? t : "/" + t);
        } else if (r.statusCode() == 404) {
            found = url("/auth/token"); // a 3.0 VTN without discovery
        } else {
            throw new IOException("GET /auth/server: HTTP " + r.statusCode() + " " + abbreviate(r.body()));
        }
        tokenUrl = found;
        return found;
    }

    /** Polls the VTN once, every page. Returns whether it succeeded (failures are kept in {@link #lastError()}). */
    public synchronized boolean poll() {
        try {
            com.fasterxml.jackson.databind.node.ArrayNode all = JsonNodeFactory.instance.arrayNode();
            for (int page = 0; page < MAX_PAGES; page++) {
                HttpRequest.Builder b = HttpRequest.newBuilder(url("/events?programID="
                                + URLEncoder.encode(s.programId(), StandardCharsets.UTF_8) + "&skip=" + all.size()
                                + "&limit=" + PAGE))
                        .timeout(s.requestTimeout())
                        .header("Accept", "application/json")
                        .GET();
                String bearer = bearer();
                if (bearer != null) {
                    b.header("Authorization", "Bearer " + bearer);
                }
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 401 || r.statusCode() == 403) {
                    token = null;
                }
                if (r.statusCode() != 200) {
                    lastError = "GET /events: HTTP " + r.statusCode() + " " + abbreviate(r.body());
                    return false;
                }
                JsonNode got = LenientJson.parse(r.body());
                if (!got.isArray()) {
                    lastError = "GET /events: not a list";
                    return false;
                }
                got.forEach(all::add);
                if (got.size() < PAGE) {
                    break;
                }
            }
            events = all;
            lastPollOk = clock.instant();
            lastError = null;
            return true;
        } catch (IOException | IllegalArgumentException e) {
            lastError = e.toString();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lastError = "interrupted";
            return false;
        }
    }

    /** The payloads in force now, from the last successful poll. */
    public synchronized List<OpenAdrEvents.Active> active(Instant nowUtc) {
        JsonNode e = events;
        return e == null ? List.of() : OpenAdrEvents.activeAt(e, nowUtc);
    }

    /** The load ceiling in force, MW. */
    public double ceilingMw(Instant nowUtc) {
        double c = siteCapMw;
        for (OpenAdrEvents.Active a : active(nowUtc)) {
            c = Math.min(
                    c,
                    switch (a.type()) {
                        case "IMPORT_CAPACITY_LIMIT", "DISPATCH_SETPOINT" -> OpenAdrEvents.toMw(a.value(), a.units());
                        case "SIMPLE" -> siteCapMw * simpleShare((int) a.value());
                        case "ALERT_GRID_EMERGENCY" -> 0;
                        default -> siteCapMw;
                    });
        }
        return Math.max(0, c);
    }

    /** Share of the site cap allowed at a SIMPLE level 0..3. */
    public static double simpleShare(int level) {
        return switch (level) {
            case 0 -> 1.0;
            case 1 -> 0.5;
            case 2 -> 0.25;
            default -> 0.0;
        };
    }

    @Override
    public String name() {
        return "openadr:" + s.programId();
    }

    @Override
    public SignalKind kind() {
        return SignalKind.LOAD_CEILING_MW;
    }

    @Override
    public Duration staleAfter() {
        return s.staleAfter();
    }

    @Override
    public synchronized Optional<SignalValue> latest(Instant nowUtc) {
        Instant ok = lastPollOk;
        if (ok == null) {
            return Optional.empty();
        }
        return Optional.of(new SignalValue(ceilingMw(nowUtc), ok));
    }

    public synchronized @Nullable String lastError() {
        return lastError;
    }

    /**
     * Posts a USAGE report for an event interval.
     *
     * @return whether the VTN accepted it (HTTP 2xx)
     */
    public synchronized boolean report(OpenAdrEvents.Active a, double usageMw, Instant nowUtc) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode rep = f.objectNode();
        rep.put("programID", a.programId());
        rep.put("eventID", a.eventId());
        rep.put("clientName", s.venName());
        rep.put("reportName", "usage-" + nowUtc);
        rep.putArray("payloadDescriptors")
                .addObject()
                .put("payloadType", "USAGE")
                .put("units", "KW");
        ObjectNode res = rep.putArray("resources").addObject();
        res.put("resourceName", s.venName());
        res.putObject("intervalPeriod").put("start", nowUtc.toString()).put("duration", "PT1M");
        ObjectNode iv = res.putArray("intervals").addObject();
        iv.put("id", a.intervalId());
        iv.putArray("payloads")
                .addObject()
                .put("type", "USAGE")
                .putArray("values")
                .add(usageMw * 1000);
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(url("/reports"))
                    .timeout(s.requestTimeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(rep.toString()));
            String bearer = bearer();
            if (bearer != null) {
                b.header("Authorization", "Bearer " + bearer);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode() / 100 == 2;
        } catch (IOException e) {
            lastError = e.toString();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
