package io.minerai.ops.emulator.rig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.minerai.ops.proto.LenientJson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A device web API on 127.0.0.1 (ephemeral port) with the JDK's HTTP server, every exchange on a virtual thread. The
 * rig's quirks apply: a dropped connection or a rebooting rig closes the exchange without an answer, a slow device
 * answers late.
 */
public final class JsonHttpServer implements AutoCloseable {
    /**
     * One request.
     *
     * @param method GET, POST...
     * @param path the path without the query
     * @param authorization the Authorization header ("" when absent)
     * @param body the JSON body (a missing node when empty or not JSON)
     */
    public record Request(String method, String path, String authorization, JsonNode body) {}

    /**
     * One answer.
     *
     * @param status HTTP status
     * @param body JSON text ("" for none)
     */
    public record Response(int status, String body) {
        public static Response json(int status, JsonNode body) {
            return new Response(status, body.toString());
        }
    }

    /** Answers a request. */
    @FunctionalInterface
    public interface Handler {
        Response handle(Request r);
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public JsonHttpServer(EmulatedRig rig, Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(executor);
        server.createContext("/", ex -> {
            try (ex) {
                serve(rig, handler, ex);
            }
        });
        server.start();
    }

    private static void serve(EmulatedRig rig, Handler handler, HttpExchange ex) throws IOException {
        String text = new String(ex.getRequestBody().readNBytes(1 << 16), StandardCharsets.UTF_8);
        if (rig.quirks().dropConnections() || !rig.reachable()) {
            ex.close();
            return;
        }
        JsonNode body = MissingNode.getInstance();
        if (!text.isBlank()) {
            try {
                body = LenientJson.parse(text);
            } catch (IllegalArgumentException e) {
                body = MissingNode.getInstance();
            }
        }
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        Response r = handler.handle(new Request(
                ex.getRequestMethod().toUpperCase(Locale.ROOT),
                ex.getRequestURI().getPath(),
                auth == null ? "" : auth,
                body));
        rig.replyDelay();
        byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(r.status(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            ex.getResponseBody().write(out);
        }
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(
                InetAddress.getLoopbackAddress(), server.getAddress().getPort());
    }

    /** {@code http://127.0.0.1:port}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
