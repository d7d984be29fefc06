package io.minerai.ops.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.minerai.ops.proto.LenientJson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A small OpenADR 3 VTN on 127.0.0.1 for tests and simulations, following the spec's JSON: {@code GET /auth/server}
 * → {@code {"tokenURL"}} (3.x token endpoint discovery; the token endpoint is deliberately not at {@code /auth/token});
 * {@code POST <tokenURL>} (client credentials, form-encoded) → {@code {"access_token","token_type":"Bearer",
 * "expires_in"}}; {@code GET /events?programID=&skip=&limit=} → a page of at most 50 events; {@code POST /events} stores an event and adds {@code id}, {@code
 * objectType:"EVENT"}, {@code createdDateTime}, {@code modificationDateTime}; {@code POST /reports} stores a report.
 * Errors are problem objects ({@code type,title,status,detail}). {@link #down(boolean)} makes every call answer 503.
 */
public final class VtnStub implements AutoCloseable {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Where the token endpoint is: not the conventional /auth/token, so a VEN must discover it. */
    public static final String TOKEN_PATH = "/oauth2/token";
    /** Events per page at most (the spec's cap on {@code limit}). */
    public static final int PAGE_LIMIT = 50;

    private final HttpServer server;
    private final Clock clock;
    private final String clientId;
    private final String clientSecret;
    private final String token = "vtn-token-" + Long.toHexString(System.nanoTime());
    private final List<ObjectNode> events = new CopyOnWriteArrayList<>();
    private final List<JsonNode> reports = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private int nextId = 1;

    public VtnStub(String clientId, String clientSecret, Clock clock) throws IOException {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/auth/server", this::authServer);
        server.createContext(TOKEN_PATH, this::token);
        server.createContext("/events", this::events);
        server.createContext("/reports", this::reports);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Makes the VTN unavailable (503) or available again. */
    public void down(boolean d) {
        this.down = d;
    }

    /** Stores an event as a POST would, and returns it with its id. */
    public synchronized ObjectNode addEvent(ObjectNode event) {
        ObjectNode e = event.deepCopy();
        e.put("id", Integer.toString(nextId++));
        e.put("objectType", "EVENT");
        e.put("createdDateTime", clock.instant().toString());
        e.put("modificationDateTime", clock.instant().toString());
        events.add(e);
        return e;
    }

    /** Removes every event. */
    public void clearEvents() {
        events.clear();
    }

    public List<JsonNode> reports() {
        return List.copyOf(reports);
    }

    /** OpenADR 3.x token endpoint discovery: {@code GET /auth/server} answers {@code {"tokenURL": ...}}. */
    private void authServer(HttpExchange x) throws IOException {
        if (down) {
            problem(x, 503, "unavailable");
            return;
        }
        ObjectNode r = F.objectNode();
        r.put("tokenURL", baseUrl() + TOKEN_PATH);
        send(x, 200, r.toString());
    }

    private void token(HttpExchange x) throws IOException {
        if (down) {
            problem(x, 503, "unavailable");
            return;
        }
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!body.contains("grant_type=client_credentials")
                || !body.contains("client_id=" + clientId)
                || !body.contains("client_secret=" + clientSecret)) {
            problem(x, 401, "invalid client credentials");
            return;
        }
        ObjectNode r = F.objectNode();
        r.put("access_token", token);
        r.put("token_type", "Bearer");
        r.put("expires_in", 3600);
        send(x, 200, r.toString());
    }

    private boolean authorized(HttpExchange x) {
        return ("Bearer " + token).equals(x.getRequestHeaders().getFirst("Authorization"));
    }

    private void events(HttpExchange x) throws IOException {
        if (down) {
            problem(x, 503, "unavailable");
            return;
        }
        if (!authorized(x)) {
            problem(x, 403, "missing or bad bearer token");
            return;
        }
        if (x.getRequestMethod().equals("POST")) {
            JsonNode e = LenientJson.parse(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            send(x, 201, addEvent((ObjectNode) e).toString());
            return;
        }
        String q = x.getRequestURI().getRawQuery();
        String program = null;
        int skip = 0;
        int limit = PAGE_LIMIT;
        if (q != null) {
            for (String kv : q.split("&")) {
                if (kv.startsWith("programID=")) {
                    program = java.net.URLDecoder.decode(kv.substring(10), StandardCharsets.UTF_8);
                } else if (kv.startsWith("skip=")) {
                    skip = Math.max(0, Integer.parseInt(kv.substring(5)));
                } else if (kv.startsWith("limit=")) {
                    limit = Math.min(PAGE_LIMIT, Math.max(0, Integer.parseInt(kv.substring(6))));
                }
            }
        }
        ArrayNode out = F.arrayNode();
        int seen = 0;
        for (ObjectNode e : events) {
            if (program == null || program.equals(e.path("programID").asText())) {
                if (seen++ >= skip && out.size() < limit) {
                    out.add(e);
                }
            }
        }
        send(x, 200, out.toString());
    }

    private void reports(HttpExchange x) throws IOException {
        if (down) {
            problem(x, 503, "unavailable");
            return;
        }
        if (!authorized(x)) {
            problem(x, 403, "missing or bad bearer token");
            return;
        }
        JsonNode r = LenientJson.parse(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        reports.add(r);
        ObjectNode stored = ((ObjectNode) r).deepCopy();
        stored.put("id", Integer.toString(reports.size()));
        stored.put("objectType", "REPORT");
        send(x, 201, stored.toString());
    }

    private static void problem(HttpExchange x, int status, String detail) throws IOException {
        ObjectNode p = F.objectNode();
        p.put("type", "about:blank");
        p.put("title", status == 503 ? "Service Unavailable" : "Forbidden");
        p.put("status", status);
        p.put("detail", detail);
        x.getResponseHeaders().set("Content-Type", "application/problem+json");
        byte[] b = p.toString().getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
        x.close();
    }

    private static void send(HttpExchange x, int status, String json) throws IOException {
        x.getResponseHeaders().set("Content-Type", "application/json");
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
